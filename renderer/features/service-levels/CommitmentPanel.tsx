import { useMemo, useState } from 'react';
import { href } from '../../app/router';
import { useFormat, useTranslation } from '../../i18n';
import { KpiCard, KpiGrid } from '../../ui/KpiCard';
import { Segmented } from '../../ui/Segmented';
import { SortableTable, type Column } from '../../ui/SortableTable';
import type { NameBook } from '../reports/useNames';
import { AT_RISK_MINUTES, type CommitmentReport, type Compliance } from './commitments';
import { DayCounts } from './DayCounts';

type GroupRow = { id: string; name: string; compliance: Compliance };
const GROUPS = ['client', 'technician', 'month'] as const;

/** Compliance of the 30-minute commitment: key figures, breakdown, tickets at risk now, breaches explained. */
export function CommitmentPanel({ report, names }: { report: CommitmentReport; names: NameBook }) {
  const { t } = useTranslation('service-levels');
  const fmt = useFormat();
  const [group, setGroup] = useState<(typeof GROUPS)[number]>('client');
  const { total } = report;
  const percent = (rate: number | null) =>
    rate === null ? t('none') : t('percent', { value: fmt.number(rate * 100, 1) });
  const rows = useMemo<GroupRow[]>(() => {
    const source = group === 'client' ? report.byClient : group === 'technician' ? report.byTechnician : report.byMonth;
    return source.map((g) => ({
      ...g,
      name:
        group === 'client'
          ? names.clientName(g.id)
          : group === 'technician'
            ? g.id
              ? names.userName(g.id)
              : t('breakdown.unassigned')
            : `${g.id.slice(5)}/${g.id.slice(0, 4)}`,
    }));
  }, [report, group, names, t]);
  const columns = useMemo<Column<GroupRow>[]>(
    () => [
      {
        id: 'name',
        header: t('breakdown.name'),
        sortValue: (r) => (group === 'month' ? r.id : r.name),
        cell: (r) => r.name,
      },
      {
        id: 'tickets',
        header: t('breakdown.tickets'),
        numeric: true,
        sortValue: (r) => r.compliance.tickets,
        cell: (r) => r.compliance.tickets,
      },
      {
        id: 'met',
        header: t('breakdown.met'),
        numeric: true,
        sortValue: (r) => r.compliance.met,
        cell: (r) => r.compliance.met,
      },
      {
        id: 'breached',
        header: t('breakdown.breached'),
        numeric: true,
        sortValue: (r) => r.compliance.breached,
        cell: (r) => r.compliance.breached,
      },
      {
        id: 'running',
        header: t('breakdown.running'),
        numeric: true,
        sortValue: (r) => r.compliance.running,
        cell: (r) => r.compliance.running,
      },
      {
        id: 'rate',
        header: t('breakdown.rate'),
        numeric: true,
        sortValue: (r) => r.compliance.rate ?? -1,
        cell: (r) => percent(r.compliance.rate),
      },
      {
        id: 'mean',
        header: t('breakdown.mean'),
        numeric: true,
        sortValue: (r) => r.compliance.meanMinutes ?? -1,
        cell: (r) => (r.compliance.meanMinutes === null ? t('none') : fmt.duration(r.compliance.meanMinutes)),
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `percent` only closes over t and fmt.
    [t, fmt, group],
  );

  return (
    <>
      <KpiGrid label={t('kpi.label')}>
        <KpiCard
          label={t('kpi.rate')}
          value={percent(total.rate)}
          hint={
            total.rate === null
              ? t('kpi.noRate')
              : t('kpi.rateHint', { met: total.met, decided: total.met + total.breached })
          }
          tone={total.rate === null ? 'neutral' : total.rate >= 0.95 ? 'ok' : total.rate >= 0.85 ? 'warn' : 'danger'}
        />
        <KpiCard
          label={t('kpi.breached')}
          value={fmt.number(total.breached)}
          hint={t('kpi.breachedHint')}
          tone={total.breached > 0 ? 'danger' : 'ok'}
        />
        <KpiCard
          label={t('kpi.mean')}
          value={total.meanMinutes === null ? t('none') : fmt.duration(total.meanMinutes)}
          hint={t('kpi.meanHint')}
        />
        <KpiCard
          label={t('kpi.running')}
          value={fmt.number(report.running.length)}
          hint={t('kpi.runningHint', {
            atRisk: report.running.filter((r) => r.commitment.remainingMinutes <= AT_RISK_MINUTES).length,
            minutes: AT_RISK_MINUTES,
          })}
          tone={report.running.some((r) => r.commitment.remainingMinutes <= AT_RISK_MINUTES) ? 'warn' : 'neutral'}
        />
      </KpiGrid>
      <AtRisk report={report} names={names} />
      <section className="card" aria-labelledby="compliance-title">
        <div className="card-header">
          <h2 id="compliance-title">{t('breakdown.title', { group: t(`breakdown.groups.${group}`) })}</h2>
          <Segmented<(typeof GROUPS)[number]>
            label={t('breakdown.group')}
            value={group}
            options={GROUPS.map((g) => ({ value: g, label: t(`breakdown.groupLabels.${g}`) }))}
            onChange={setGroup}
          />
        </div>
        <SortableTable
          key={group}
          caption={t('breakdown.title', { group: t(`breakdown.groups.${group}`) })}
          hideCaption
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id || '-'}
          initialSort={
            group === 'month' ? { id: 'name', direction: 'ascending' } : { id: 'breached', direction: 'descending' }
          }
          empty={t('breakdown.empty')}
        />
      </section>
      <Breaches report={report} names={names} />
    </>
  );
}

function AtRisk({ report, names }: { report: CommitmentReport; names: NameBook }) {
  const { t } = useTranslation('service-levels');
  const fmt = useFormat();
  return (
    <section className="card" aria-labelledby="at-risk-title">
      <h2 id="at-risk-title">{t('atRisk.title', { count: report.running.length })}</h2>
      {report.running.length === 0 ? (
        <p className="muted">{t('atRisk.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('atRisk.ticket')}</th>
              <th scope="col">{t('atRisk.client')}</th>
              <th scope="col">{t('atRisk.received')}</th>
              <th scope="col">{t('atRisk.deadline')}</th>
              <th scope="col">{t('atRisk.remaining')}</th>
              <th scope="col">{t('atRisk.technician')}</th>
            </tr>
          </thead>
          <tbody>
            {report.running.map(({ ticket, commitment, technicianId }) => (
              <tr key={ticket.id}>
                <td>
                  <a href={href(`/tickets/${ticket.id}`)}>{ticket.reference}</a> {ticket.title}
                </td>
                <td>{names.clientName(ticket.clientId)}</td>
                <td>{fmt.dateTime(ticket.receivedAt)}</td>
                <td>{fmt.dateTime(commitment.deadline)}</td>
                <td>
                  <span
                    className={
                      commitment.remainingMinutes <= AT_RISK_MINUTES ? 'chip chip-sla-at_risk' : 'chip chip-info'
                    }
                  >
                    {t('atRisk.minutes', { minutes: Math.floor(commitment.remainingMinutes) })}
                  </span>
                </td>
                <td>{technicianId ? names.userName(technicianId) : t('none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const FIRST_BREACHES = 50;

/** Breaches as a compact table, newest first; each row unfolds its count of business minutes. */
function Breaches({ report, names }: { report: CommitmentReport; names: NameBook }) {
  const { t } = useTranslation('service-levels');
  const fmt = useFormat();
  const [all, setAll] = useState(false);
  const shown = all ? report.breaches : report.breaches.slice(0, FIRST_BREACHES);
  return (
    <section className="card" aria-labelledby="breaches-title">
      <h2 id="breaches-title">{t('breaches.title', { count: report.breaches.length })}</h2>
      {report.breaches.length === 0 ? (
        <p className="muted">{t('breaches.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table breach-table">
            <caption className="visually-hidden">{t('breaches.title', { count: report.breaches.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('breaches.ticket')}</th>
                <th scope="col">{t('breaches.client')}</th>
                <th scope="col">{t('breaches.technician')}</th>
                <th scope="col">{t('breaches.received')}</th>
                <th scope="col">{t('breaches.deadline')}</th>
                <th scope="col">{t('breaches.firstStart')}</th>
                <th scope="col" className="num">
                  {t('breaches.elapsed')}
                </th>
                <th scope="col">{t('breaches.late')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ ticket, commitment, technicianId, firstStartMs }) => (
                <tr key={ticket.id} className="breach">
                  <td>
                    <a href={href(`/tickets/${ticket.id}`)}>{ticket.reference}</a>
                    <details>
                      <summary>{t('breaches.why')}</summary>
                      <p className="muted">{t('breaches.targetCounted', { target: commitment.targetMinutes })}</p>
                      <DayCounts days={commitment.deadlineExplanation} />
                      <p className="muted">{t('breaches.counted')}</p>
                      <DayCounts days={commitment.explanation} />
                    </details>
                  </td>
                  <td>{names.clientName(ticket.clientId)}</td>
                  <td>{technicianId ? names.userName(technicianId) : t('none')}</td>
                  <td className="nowrap">{fmt.dateTime(ticket.receivedAt)}</td>
                  <td className="nowrap">{fmt.dateTime(commitment.deadline)}</td>
                  <td className="nowrap">
                    {firstStartMs === undefined ? (
                      <span className="muted">{t('breaches.notStarted')}</span>
                    ) : (
                      fmt.dateTime(firstStartMs)
                    )}
                  </td>
                  <td className="num">{fmt.duration(commitment.elapsedMinutes)}</td>
                  <td>
                    <span className="chip chip-sla-breached">
                      {fmt.duration(Math.max(0, commitment.elapsedMinutes - commitment.targetMinutes))}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!all && report.breaches.length > FIRST_BREACHES && (
        <button type="button" className="btn" onClick={() => setAll(true)}>
          {t('breaches.showAll', { count: report.breaches.length })}
        </button>
      )}
    </section>
  );
}
