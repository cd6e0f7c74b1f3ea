import type { InterventionCommitment } from '../../../shared/domain';
import { useFormat, useTranslation } from '../../i18n';
import type { TicketSla } from './derive';
import { SlaChip } from './SlaChip';
import { BusinessMinutesDetails } from '../../ui/BusinessMinutesDetails';

/** The 30-minute commitment of a ticket with the business minutes counted, day by day. */
export function CommitmentPanel({
  sla,
  receivedAt,
  firstStart,
}: {
  sla: TicketSla;
  receivedAt: string;
  firstStart: Date | undefined;
}) {
  const { t } = useTranslation('tickets');
  const fmt = useFormat();
  const c: InterventionCommitment | null = sla.commitment;
  if (!c) return <p className="muted">{t('sla.noModuleA')}</p>;
  return (
    <section className="card commitment" aria-labelledby="commitment-title">
      <h2 id="commitment-title">
        {t('sla.title', { target: c.targetMinutes })} <SlaChip sla={sla} />
      </h2>
      <ul className="plain-list">
        <li>{t('sla.receivedAt', { date: fmt.dateTime(receivedAt) })}</li>
        <li>{t('sla.deadline', { time: fmt.dateTime(c.deadline) })}</li>
        <li>{firstStart ? t('sla.startedAt', { time: fmt.dateTime(firstStart) }) : t('sla.notStarted')}</li>
        <li>{t('sla.elapsed', { minutes: Math.floor(c.elapsedMinutes) })}</li>
      </ul>
      <BusinessMinutesDetails days={c.explanation} />
    </section>
  );
}
