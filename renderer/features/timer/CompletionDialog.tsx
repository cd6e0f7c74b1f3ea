import { useState, type FormEvent } from 'react';
import type { Channel, Intervention } from '../../../shared/schemas';
import { elapsedSeconds } from '../../data';
import { useData, useLive } from '../../data/react';
import { useFormat, useTranslation } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { ChannelOptions } from '../tickets/ChannelOptions';
import { TripsField } from './TripsField';
import { completionDialog } from './useTimerActions';

function CompletionForm({ intervention }: { intervention: Intervention }) {
  const { t } = useTranslation('timer');
  const fmt = useFormat();
  const data = useData();
  const [channel, setChannel] = useState<Channel>(intervention.channel);
  const [trips, setTrips] = useState(intervention.trips || (intervention.channel === 'onsite' ? 1 : 0));
  const [halfDay, setHalfDay] = useState(intervention.halfDay);
  const [report, setReport] = useState(intervention.report);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await data.interventions.complete(intervention.id, { channel, trips, halfDay, report });
      completionDialog.close();
    } catch (e) {
      setError(t('complete.error', { message: e instanceof Error ? e.message : String(e) }));
    }
  }

  return (
    <form id="completion-form" onSubmit={(e) => void submit(e)}>
      <p>{t('complete.summary', { time: fmt.clock(elapsedSeconds(intervention.segments, new Date())) })}</p>
      <label className="field">
        <span>{t('complete.channel')}</span>
        <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
          <ChannelOptions />
        </select>
      </label>
      <TripsField label={t('complete.trips')} hint={t('complete.tripsHint')} value={trips} onChange={setTrips} />
      <label className="checkbox">
        <input type="checkbox" checked={halfDay} onChange={(e) => setHalfDay(e.target.checked)} />
        {t('complete.halfDay')}
      </label>
      <label className="field">
        <span>{t('complete.report')}</span>
        <textarea value={report} onChange={(e) => setReport(e.target.value)} />
        <span className="field-hint">{t('complete.reportHint')}</span>
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </form>
  );
}

/** Opened by "Arrêter": how the work was done (channel, trips, half-day, compte-rendu). */
export function CompletionDialog() {
  const { t } = useTranslation('timer');
  const id = completionDialog.use();
  const intervention = useLive((d) => d.interventions.get$(id ?? ''), [id]).data ?? null;
  return (
    <Dialog
      open={id !== null && intervention !== null}
      title={t('complete.title')}
      onClose={() => completionDialog.close()}
      actions={
        <>
          <button type="button" className="btn" onClick={() => completionDialog.close()}>
            {t('complete.cancel')}
          </button>
          <button type="submit" form="completion-form" className="btn btn-primary">
            {t('complete.submit')}
          </button>
        </>
      }
    >
      {intervention && <CompletionForm key={intervention.id} intervention={intervention} />}
    </Dialog>
  );
}
