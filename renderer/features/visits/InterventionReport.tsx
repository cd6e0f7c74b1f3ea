import { useState, type ReactNode } from 'react';
import { combineLatest, map, of, switchMap } from 'rxjs';
import { contractLedger } from '../../../shared/domain';
import { href } from '../../app/router';
import { elapsedSeconds } from '../../data';
import { useLive } from '../../data/react';
import { useFormat, useTranslation } from '../../i18n';
import { getPlatform } from '../../platform';
import './visits.css';

type Props = {
  interventionId: string;
  /**
   * The client's extranet (features/extranet-reports): a compte-rendu exists for it once the
   * intervention is completed (as the server's PDF, services/compte-rendu.ts), and its back link
   * and extra actions replace the staff's link to the ticket. What the document shows is already
   * the client's: its device holds the interventions as the server lets it see them (one segment).
   */
  extranet?: {
    back: { href: string; label: string };
    /** Beside the print button; gets the print action (offline fallback of a server download). */
    actions(print: () => void): ReactNode;
  };
};

/**
 * The intervention report (compte-rendu) laid out for paper: printed to PDF by Electron through
 * the desktop API, or through the browser's print dialog ("Enregistrer au format PDF").
 */
export function InterventionReport({ interventionId, extranet }: Props) {
  const { t } = useTranslation('visits');
  const { t: tt } = useTranslation('tickets');
  const fmt = useFormat();
  const [status, setStatus] = useState<string | null>(null);
  const live = useLive(
    (d) =>
      d.interventions.get$(interventionId).pipe(
        switchMap((intervention) =>
          intervention
            ? combineLatest([
                d.tickets.get$(intervention.ticketId),
                d.clients.get$(intervention.clientId),
                d.contracts.get$(intervention.contractId),
                d.equipment.byClient$(intervention.clientId),
                d.tickets.byClient$(intervention.clientId),
                d.interventions.byContract$(intervention.contractId),
                d.users.all$(),
              ]).pipe(
                map(([ticket, client, contract, equipment, tickets, interventions, users]) => ({
                  intervention,
                  ticket,
                  client,
                  contract,
                  equipment,
                  tickets,
                  interventions,
                  users,
                })),
              )
            : of(null),
        ),
      ),
    [interventionId],
  );
  const r = live.data;
  if (live.loading) return <p className="page muted">…</p>;
  if (!r || !r.ticket || !r.client || !r.contract || (extranet && !r.intervention.completedAt)) {
    return <p className="page">{t('report.notFound')}</p>;
  }
  const { intervention, ticket, client, contract } = r;
  const billed = contractLedger({
    contract,
    tickets: r.tickets,
    equipment: r.equipment,
    interventions: r.interventions,
  }).billed.get(intervention.id);
  const technician = r.users.find((u) => u.id === intervention.technicianId)?.name ?? intervention.technicianId;
  const fileName = `compte-rendu-${ticket.reference}-${(intervention.completedAt ?? intervention.createdAt).slice(0, 10)}.pdf`;

  const print = async () => {
    const result = await getPlatform().printToPdf(fileName);
    setStatus(result.saved && result.path ? t('report.saved', { path: result.path }) : null);
  };

  return (
    <article className="page report-sheet" aria-labelledby="report-title">
      <div className="no-print report-toolbar">
        {extranet ? (
          <a href={extranet.back.href}>← {extranet.back.label}</a>
        ) : (
          <a href={href(`/tickets/${ticket.id}`)}>← {tt('detail.back')}</a>
        )}
        <button type="button" className="btn btn-primary" onClick={() => void print()}>
          {t('report.print')}
        </button>
        {extranet?.actions(() => void print())}
        {status && <span role="status">{status}</span>}
      </div>
      <header className="report-header">
        <h1 id="report-title">{t('report.title')}</h1>
        <p>
          {client.name} · {t('report.contract', { number: contract.number })} · {ticket.reference}
        </p>
      </header>
      <dl className="report-facts">
        <dt>{t('report.subject')}</dt>
        <dd>{ticket.title}</dd>
        <dt>{t('report.technician')}</dt>
        <dd>{technician}</dd>
        <dt>{t('report.channel')}</dt>
        <dd>{tt(`channel.${intervention.channel}`)}</dd>
        <dt>{t('report.times')}</dt>
        <dd>
          {intervention.segments.map((s, i) => (
            <span key={i} className="report-segment">
              {fmt.date(s.start)} {fmt.time(s.start)} – {s.end ? fmt.time(s.end) : '…'}
            </span>
          ))}
        </dd>
        <dt>{t('report.duration')}</dt>
        <dd>{fmt.clock(elapsedSeconds(intervention.segments, new Date()))}</dd>
        <dt>{t('trips')}</dt>
        <dd>{intervention.trips}</dd>
        {billed && (
          <>
            <dt>{t('report.billed')}</dt>
            <dd>
              {billed.coverage === 'ut'
                ? fmt.units(billed.utConsumed)
                : `${tt(`coverage.${billed.coverage}`)} · ${fmt.units(billed.utConsumed)}`}
              {billed.halfDaysConsumed > 0 && ` · ${billed.halfDaysConsumed} ½ j`}
            </dd>
          </>
        )}
      </dl>
      <h2>{t('reportLabel')}</h2>
      <p className="prewrap report-text">{intervention.report || '—'}</p>
      {intervention.signature && (
        <figure className="report-signature">
          <img
            src={intervention.signature.image}
            alt={t('report.signatureAlt', { name: intervention.signature.signerName })}
          />
          <figcaption>
            {t('report.signedBy', {
              name: intervention.signature.signerName,
              date: fmt.dateTime(intervention.signature.signedAt),
            })}
          </figcaption>
        </figure>
      )}
    </article>
  );
}
