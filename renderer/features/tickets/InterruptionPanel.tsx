import { useState, type FormEvent } from 'react';
import { contractCalendar, interruptionFactsOf, interruptionGtr } from '../../../shared/domain';
import { exclusionReasonSchema, type Contract, type Interruption, type Ticket } from '../../../shared/schemas';
import { useFormat, useTranslation } from '../../i18n';
import { toDateTimeInput } from '../../ui/local-inputs';
import { BusinessMinutesDetails } from '../../ui/BusinessMinutesDetails';

type Props = {
  ticket: Ticket;
  contract: Contract | undefined;
  now: Date;
  onSave(interruption: Interruption | undefined): void;
};

/**
 * An interruption of the hosted infrastructure (modules K and L): when the client notified it,
 * when service was restored, whether it was scheduled or excluded (CG 4.5) — and the GTR clock
 * it runs: 4 h 30 in heures ouvrées, overrun and penalty tier, minutes counted day by day.
 */
export function InterruptionPanel({ ticket, contract, now, onSave }: Props) {
  const { t } = useTranslation('tickets');
  const fmt = useFormat();
  const current = ticket.interruption;
  const [editing, setEditing] = useState(false);
  const [notifiedAt, setNotifiedAt] = useState(toDateTimeInput(current?.notifiedAt ?? ticket.receivedAt));
  const [restoredAt, setRestoredAt] = useState(toDateTimeInput(current?.restoredAt));
  const [scheduled, setScheduled] = useState(current?.scheduled ?? false);
  const [reason, setReason] = useState<string>(current?.exclusionReason ?? '');

  const facts = interruptionFactsOf(ticket);
  const result = facts && contract ? interruptionGtr(contractCalendar(contract), facts, now) : null;
  const gtrActive = contract?.modules.K.active ?? false;

  function submit(event: FormEvent) {
    event.preventDefault();
    onSave({
      notifiedAt: new Date(notifiedAt).toISOString(),
      ...(restoredAt ? { restoredAt: new Date(restoredAt).toISOString() } : {}),
      scheduled,
      ...(reason ? { exclusionReason: exclusionReasonSchema.parse(reason) } : {}),
    });
    setEditing(false);
  }

  return (
    <section className="card" aria-labelledby="interruption-title">
      <h2 id="interruption-title">{t('interruption.title')}</h2>
      {!current && !editing && <p className="muted">{t('interruption.none')}</p>}
      {current && result && !editing && (
        <>
          <ul className="plain-list">
            <li>{t('interruption.notified', { time: fmt.dateTime(current.notifiedAt) })}</li>
            <li>
              {current.restoredAt
                ? t('interruption.restored', { time: fmt.dateTime(current.restoredAt) })
                : t('interruption.ongoing')}
            </li>
            {gtrActive && <li>{t('interruption.deadline', { time: fmt.dateTime(result.deadline) })}</li>}
            <li>{t('interruption.duration', { duration: fmt.duration(result.businessMinutes) })}</li>
            {current.scheduled && <li>{t('interruption.scheduledNote')}</li>}
            {current.exclusionReason && (
              <li>
                {t('interruption.excludedNote', { reason: t(`interruption.reasons.${current.exclusionReason}`) })}
              </li>
            )}
          </ul>
          {gtrActive && result.owed && (
            <p className={result.rate > 0 ? 'notice notice-warn' : 'notice'} role="note">
              {result.overrunMinutes > 0
                ? t('interruption.overrun', { duration: fmt.duration(result.overrunMinutes), rate: result.rate * 100 })
                : t('interruption.withinGtr')}
              {!result.restored && ` ${t('interruption.provisional')}`}
            </p>
          )}
          {!gtrActive && <p className="muted">{t('interruption.noGtr')}</p>}
          <BusinessMinutesDetails days={result.explanation} />
        </>
      )}
      {editing ? (
        <form onSubmit={submit}>
          <div className="field-grid">
            <label className="field">
              <span>{t('interruption.notifiedField')}</span>
              <input
                type="datetime-local"
                required
                value={notifiedAt}
                onChange={(e) => setNotifiedAt(e.target.value)}
              />
            </label>
            <label className="field">
              <span>{t('interruption.restoredField')}</span>
              <input
                type="datetime-local"
                value={restoredAt}
                min={notifiedAt}
                onChange={(e) => setRestoredAt(e.target.value)}
              />
            </label>
            <label className="field">
              <span>{t('interruption.reasonField')}</span>
              <select value={reason} onChange={(e) => setReason(e.target.value)}>
                <option value="">{t('interruption.notExcluded')}</option>
                {exclusionReasonSchema.options.map((r) => (
                  <option key={r} value={r}>
                    {t(`interruption.reasons.${r}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={scheduled} onChange={(e) => setScheduled(e.target.checked)} />
            {t('interruption.scheduledField')}
          </label>
          <div className="actions">
            <button type="button" className="btn" onClick={() => setEditing(false)}>
              {t('interruption.cancel')}
            </button>
            <button type="submit" className="btn btn-primary">
              {t('interruption.save')}
            </button>
          </div>
        </form>
      ) : (
        <div className="actions no-print">
          <button type="button" className="btn" onClick={() => setEditing(true)}>
            {current ? t('interruption.edit') : t('interruption.declare')}
          </button>
          {current && (
            <button type="button" className="btn btn-danger" onClick={() => onSave(undefined)}>
              {t('interruption.remove')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
