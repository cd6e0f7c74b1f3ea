import { channelSchema } from '../../../shared/schemas';
import { useTranslation } from '../../i18n';

/** The `<option>`s of every channel, in the schema's order, named as the ticket screens name them. */
export function ChannelOptions() {
  const { t } = useTranslation('tickets');
  return (
    <>
      {channelSchema.options.map((c) => (
        <option key={c} value={c}>
          {t(`channel.${c}`)}
        </option>
      ))}
    </>
  );
}
