import { useMemo } from 'react';
import type { Intervention } from '../../../shared/schemas';
import { useFormat, useTranslation } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { changesBetween, history } from './validation-model';

type Props = {
  interventions: readonly Intervention[];
  interventionId: string;
  userName(id: string): string;
  onClose(): void;
};

/** Every version of a piece of work, oldest first: who recorded and validated it, why it was corrected, what changed. */
export function HistoryDialog({ interventions, interventionId, userName, onClose }: Props) {
  const { t } = useTranslation('validation');
  const { t: tt } = useTranslation('tickets');
  const fmt = useFormat();
  const versions = useMemo(() => history(interventions, interventionId), [interventions, interventionId]);
  const segmentText = (segments: Intervention['segments']) =>
    segments.map((s) => `${fmt.dateTime(s.start)} – ${s.end ? fmt.time(s.end) : '…'}`).join(', ');
  const show = (field: string, value: string) =>
    field === 'halfDay'
      ? value === 'true'
        ? t('yes')
        : t('no')
      : field === 'channel'
        ? tt(`channel.${value}`)
        : value;
  return (
    <Dialog
      open
      wide
      title={t('historyDialog.title')}
      onClose={onClose}
      actions={
        <button type="button" className="btn" onClick={onClose}>
          {t('historyDialog.close')}
        </button>
      }
    >
      <ol className="history-list">
        {versions.map((version, i) => {
          const previous = versions[i - 1];
          return (
            <li key={version.id} className="history-version">
              <h3>
                {t('historyDialog.version', { n: i + 1 })} —{' '}
                {version.correctionOf
                  ? t('correctionOf', { reason: version.correctionReason ?? '' })
                  : t('historyDialog.original')}
                {i === versions.length - 1 && <span className="chip chip-ok">{t('historyDialog.current')}</span>}
              </h3>
              <p className="muted">
                {t('historyDialog.createdAt', { date: fmt.dateTime(version.createdAt) })} ·{' '}
                {userName(version.technicianId)}
                {version.validatedAt &&
                  ` · ${t('validatedBy', { date: fmt.dateTime(version.validatedAt), name: userName(version.validatedBy ?? '') })}`}
              </p>
              <p>{segmentText(version.segments)}</p>
              {previous && (
                <table className="table">
                  <caption className="visually-hidden">{t('historyDialog.changed')}</caption>
                  <tbody>
                    {changesBetween(previous, version, segmentText).map((change) => (
                      <tr key={change.field}>
                        <th scope="row">{t(`historyDialog.fields.${change.field}`)}</th>
                        <td>
                          <del>{show(change.field, change.from)}</del>
                        </td>
                        <td>
                          <ins>{show(change.field, change.to)}</ins>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          );
        })}
      </ol>
    </Dialog>
  );
}
