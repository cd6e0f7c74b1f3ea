import { useState, type FormEvent } from 'react';
import type { Ticket } from '../../../shared/schemas';
import { useData } from '../../data/react';
import { useTranslation } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { TripsField } from '../timer/TripsField';
import { SignaturePad } from './SignaturePad';
import './visits.css';
import { toDateInput, toTimeInput } from '../../ui/local-inputs';

/**
 * An on-site visit recorded on the spot or after it, with no network needed: arrival and
 * departure, round trips (4 UT each), the compte-rendu and the client's signature.
 */
export function VisitDialog({ ticket, onClose }: { ticket: Ticket; onClose(): void }) {
  const { t } = useTranslation('visits');
  const data = useData();
  const now = new Date();
  const [day, setDay] = useState(toDateInput(now));
  const [arrival, setArrival] = useState(toTimeInput(new Date(now.getTime() - 3600_000)));
  const [departure, setDeparture] = useState(toTimeInput(now));
  const [trips, setTrips] = useState(1);
  const [halfDay, setHalfDay] = useState(false);
  const [report, setReport] = useState('');
  const [signer, setSigner] = useState('');
  const [signature, setSignature] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (signature && !signer.trim()) {
      setError(t('signatureMissingName'));
      return;
    }
    try {
      const departed = new Date(`${day}T${departure}`);
      await data.interventions.recordVisit({
        ticketId: ticket.id,
        clientId: ticket.clientId,
        contractId: ticket.contractId,
        channel: 'onsite',
        arrival: new Date(`${day}T${arrival}`),
        departure: departed,
        trips,
        halfDay,
        report,
        ...(signature
          ? { signature: { signerName: signer.trim(), image: signature, signedAt: departed.toISOString() } }
          : {}),
      });
      onClose();
    } catch (e) {
      setError(t('error', { message: e instanceof Error ? e.message : String(e) }));
    }
  }

  return (
    <Dialog
      open
      wide
      title={t('title')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" form="visit-form" className="btn btn-primary">
            {t('save')}
          </button>
        </>
      }
    >
      <form id="visit-form" onSubmit={(e) => void submit(e)}>
        <p className="muted">{t('intro')}</p>
        <div className="field-grid">
          <label className="field">
            <span>{t('date')}</span>
            <input type="date" required value={day} onChange={(e) => setDay(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('arrival')}</span>
            <input type="time" required value={arrival} onChange={(e) => setArrival(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('departure')}</span>
            <input type="time" required value={departure} onChange={(e) => setDeparture(e.target.value)} />
          </label>
          <TripsField label={t('trips')} hint={t('tripsHint')} value={trips} onChange={setTrips} />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={halfDay} onChange={(e) => setHalfDay(e.target.checked)} />
          {t('halfDay')}
        </label>
        <label className="field">
          <span>{t('reportLabel')}</span>
          <textarea required value={report} onChange={(e) => setReport(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('signer')}</span>
          <input type="text" value={signer} onChange={(e) => setSigner(e.target.value)} autoComplete="off" />
        </label>
        <div className="field">
          <span>{t('signature')}</span>
          <SignaturePad label={t('signature')} clearLabel={t('clearSignature')} onChange={setSignature} />
        </div>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
