import { useState, type FormEvent } from 'react';
import { needsEndConfirmation } from '../../data';
import { useData, useLive } from '../../data/react';
import { useFormat, useTranslation } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { useNow } from '../../ui/useNow';
import { useTimerActions } from './useTimerActions';
import { toDateTimeInput } from '../../ui/local-inputs';

/** After "I am still working", ask again this much later. */
const SNOOZE_MS = 2 * 3600_000;

/**
 * A timer left running past the end of the working day is not billed as is: the technician says
 * when the work really ended, and the open segment is closed there.
 */
export function OvernightDialog() {
  const { t } = useTranslation('timer');
  const fmt = useFormat();
  const data = useData();
  const now = useNow(30_000);
  const { active, running } = useTimerActions();
  const ticket = useLive((d) => d.tickets.get$(active?.ticketId ?? ''), [active?.ticketId]).data ?? null;
  const [snoozed, setSnoozed] = useState<{ id: string; until: number } | null>(null);
  const [endedAt, setEndedAt] = useState('');
  const [error, setError] = useState<string | null>(null);

  const openSegment = active?.segments.at(-1);
  const open =
    active !== null &&
    running &&
    needsEndConfirmation(active.segments, now) &&
    !(snoozed && snoozed.id === active.id && snoozed.until > now.getTime());
  if (!open || !openSegment) return null;

  const startedAt = new Date(openSegment.start);
  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!active) return;
    try {
      await data.interventions.endAt(active.id, new Date(endedAt || toDateTimeInput(startedAt)));
      setError(null);
    } catch (e) {
      setError(t('overnight.error', { message: e instanceof Error ? e.message : String(e) }));
    }
  }

  return (
    <Dialog
      open
      title={t('overnight.title')}
      onClose={() => setSnoozed({ id: active.id, until: now.getTime() + SNOOZE_MS })}
      actions={
        <>
          <button
            type="button"
            className="btn"
            onClick={() => setSnoozed({ id: active.id, until: now.getTime() + SNOOZE_MS })}
          >
            {t('overnight.stillWorking')}
          </button>
          <button type="submit" form="overnight-form" className="btn btn-primary">
            {t('overnight.confirm')}
          </button>
        </>
      }
    >
      <form id="overnight-form" onSubmit={(e) => void confirm(e)}>
        <p>{t('overnight.question', { ticket: ticket?.reference ?? '', since: fmt.dateTime(startedAt) })}</p>
        <label className="field">
          <span>{t('overnight.endedAt')}</span>
          <input
            type="datetime-local"
            required
            value={endedAt}
            min={toDateTimeInput(startedAt)}
            max={toDateTimeInput(now)}
            onChange={(e) => setEndedAt(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
