import { useCallback, useMemo } from 'react';
import { navigate, type Route } from '../../app/router';
import { useTranslation } from '../../i18n';
import { useNow } from '../../ui/useNow';
import { aggregate, type ReportFilter } from './aggregate';
import { BreakdownTable, bucketPeriod } from './BreakdownTable';
import { DrillDown } from './DrillDown';
import { ExportButtons } from './ExportButtons';
import { buildFacts, REPORT_TIME_ZONE } from './facts';
import { LeadWarnings } from './LeadWarnings';
import { localIsoDay } from './local-day';
import { ReportFilters, type FilterPatch } from './ReportFilters';
import { ReportKpis } from './ReportKpis';
import { reportPath, reportStateFrom, type Group } from './report-route';
import { TimeChart } from './TimeChart';
import { useLeadData } from './useLeadData';
import { useNames } from './useNames';
import './reports.css';

/**
 * Where the time goes: a period (and optionally a client or a technician), its key figures, raw
 * hours per day/week/month stacked by who pays, a sortable breakdown, and the interventions
 * behind it, exportable. All figures come from the memoised facts and aggregates.
 */
export function ReportsPage({ route }: { route: Route }) {
  const { t } = useTranslation('reports');
  const now = useNow(60_000);
  const today = localIsoDay(REPORT_TIME_ZONE, now.getTime());
  const queryKey = route.query.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the query's text stands for the query.
  const state = useMemo(() => reportStateFrom(route.query, today), [queryKey, today]);
  const live = useLeadData();
  const data = live.data;
  const names = useNames(data);
  const facts = data ? buildFacts(data.contracts, data.tickets, data.equipment, data.interventions) : undefined;
  const filter = useMemo<ReportFilter>(
    () => ({ period: state.period, clientId: state.clientId, technicianId: state.technicianId }),
    [state.period, state.clientId, state.technicianId],
  );
  const report = facts ? aggregate(facts, filter) : undefined;

  const change = useCallback(
    (patch: FilterPatch & { group?: Group }) => {
      const next = { ...state, ...patch };
      navigate(
        reportPath({
          period: next.period,
          group: next.group,
          ...(next.clientId ? { clientId: next.clientId } : {}),
          ...(next.technicianId ? { technicianId: next.technicianId } : {}),
        }),
      );
    },
    [state],
  );

  return (
    <section className="page lead-page" aria-labelledby="reports-title">
      <div className="page-header">
        <h1 id="reports-title">{t('title')}</h1>
        {facts && report && <ExportButtons facts={facts} filter={filter} report={report} names={names} />}
      </div>
      <ReportFilters
        period={state.period}
        today={today}
        clientId={state.clientId}
        technicianId={state.technicianId}
        clients={names.sortedClients}
        technicians={names.technicians}
        onChange={change}
      />
      {state.periodError && (
        <p className="notice notice-warn" role="status">
          {t('warnings.badPeriod', { message: state.periodError })}
        </p>
      )}
      {live.error && (
        <p className="form-error" role="alert">
          {live.error.message}
        </p>
      )}
      {!facts || !report ? (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      ) : (
        <>
          <LeadWarnings facts={facts} />
          <ReportKpis totals={report.totals} />
          <TimeChart
            buckets={report.byBucket}
            granularity={report.granularity}
            onSelect={(start) => change({ period: bucketPeriod(start, report.granularity, state.period) })}
          />
          <BreakdownTable
            report={report}
            group={state.group}
            onGroup={(group) => change({ group })}
            onDrill={change}
            clientName={names.clientName}
            userName={names.userName}
          />
          <DrillDown facts={facts} filter={filter} names={names} />
        </>
      )}
    </section>
  );
}
