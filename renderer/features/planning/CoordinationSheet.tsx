import { useMemo, useState } from 'react';
import { COORDINATION_HEADINGS } from '../../../shared/schemas';
import { href } from '../../app/router';
import { useFormat, useTranslation } from '../../i18n';
import { getPlatform } from '../../platform';
import { useNow } from '../../ui/useNow';
import { localIsoDay } from '../reports/local-day';
import { coordinationOf, HEADINGS_FR } from './coordination-model';
import { occurrenceRows } from './planning-model';
import { usePlanningData } from './usePlanningData';
import '../visits/visits.css';
import './planning.css';

/**
 * `/planning/coordination/:ticketId/pdf`: the coordination day's report as sent to the client
 * (CP art. 4, "un rapport … avec un plan d'actions"), laid out for paper and printed to PDF by
 * the platform (Electron's printToPDF, the browser's print dialog). Printed in the contract's
 * language: the headings are the contract's own words.
 */
export function CoordinationSheet({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('planning');
  const fmt = useFormat();
  const input = usePlanningData().data;
  const today = localIsoDay('Europe/Paris', useNow(60_000).getTime());
  const rows = useMemo(() => (input ? occurrenceRows(input, today) : []), [input, today]);
  const [saved, setSaved] = useState<string | null>(null);
  if (!input) return <p className="page muted">{t('loading')}</p>;
  const row = rows.find((r) => r.ticket.id === ticketId);
  const intervention = row ? coordinationOf(row) : undefined;
  const report = intervention?.coordination;
  if (!row || !intervention || !report) return <p className="page">{t('sheet.notFound')}</p>;
  const engineer = input.users.find((u) => u.id === intervention.technicianId)?.name ?? intervention.technicianId;
  const start = intervention.segments[0]?.start ?? intervention.createdAt;
  const fileName = `coordination-${row.client?.code ?? row.ticket.clientId}-${start.slice(0, 10)}.pdf`;
  const date = (d: string) => fmt.date(`${d}T12:00:00Z`);

  const print = async () => {
    const result = await getPlatform().printToPdf(fileName);
    setSaved(result.saved && result.path ? result.path : null);
  };

  return (
    <article className="page report-sheet" aria-labelledby="sheet-title">
      <div className="no-print report-toolbar">
        <a href={href(`/planning/coordination/${ticketId}`)}>← {t('coordination.title')}</a>
        <button type="button" className="btn btn-primary" onClick={() => void print()}>
          {t('sheet.print')}
        </button>
        {saved && <span role="status">{t('sheet.saved', { path: saved })}</span>}
      </div>
      <header className="report-header">
        <h1 id="sheet-title">{t('sheet.title')}</h1>
        <p>
          {row.client?.name} · {t('sheet.contract', { number: row.contract?.number ?? row.ticket.contractId })} ·{' '}
          {row.ticket.reference}
        </p>
      </header>
      <dl className="report-facts">
        <dt>{t('sheet.date')}</dt>
        <dd>{fmt.dateLong(start)}</dd>
        <dt>{t('sheet.engineer')}</dt>
        <dd>{engineer}</dd>
      </dl>
      {COORDINATION_HEADINGS.map((heading) => (
        <section key={heading} className="sheet-section">
          <h2>{HEADINGS_FR[heading]}</h2>
          <p className="prewrap">{report.sections[heading].trim() || '—'}</p>
        </section>
      ))}
      {report.satisfactionScore !== undefined && <p>{t('sheet.satisfaction', { score: report.satisfactionScore })}</p>}
      <h2>{t('sheet.plan')}</h2>
      {report.actions.length === 0 ? (
        <p>{t('coordination.noActions')}</p>
      ) : (
        <table className="table sheet-actions">
          <thead>
            <tr>
              <th scope="col">{t('sheet.action')}</th>
              <th scope="col">{t('sheet.owner')}</th>
              <th scope="col">{t('sheet.due')}</th>
              <th scope="col">{t('sheet.state')}</th>
            </tr>
          </thead>
          <tbody>
            {report.actions.map((action) => (
              <tr key={action.id}>
                <td>
                  {action.text}
                  {action.carriedFrom && <span className="muted"> ({t('coordination.carried')})</span>}
                </td>
                <td>{action.owner}</td>
                <td>{action.dueDate ? date(action.dueDate) : '—'}</td>
                <td>{t(`coordination.actionStatuses.${action.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
