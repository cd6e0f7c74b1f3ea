import { useCallback, useMemo } from 'react';
import { navigate, type Route } from '../../app/router';
import { useTranslation } from '../../i18n';
import { Segmented } from '../../ui/Segmented';
import { useNow } from '../../ui/useNow';
import { localIsoDay } from '../reports/local-day';
import { periodFromQuery, periodToQuery } from '../reports/period';
import { ReportFilters, type FilterPatch } from '../reports/ReportFilters';
import { useLeadData } from '../reports/useLeadData';
import { useNames } from '../reports/useNames';
import { commitmentReport, commitmentRows } from './commitments';
import { CommitmentPanel } from './CommitmentPanel';
import { HostingPanel } from './HostingPanel';
import { slaYears } from './penalties';
import './service-levels.css';

const TABS = ['commitment', 'hosting'] as const;
type Tab = (typeof TABS)[number];

/**
 * Which commitments slip: the 30-minute commitment per client, technician and month with every
 * breach explained and the tickets at risk now; GTR and IMS with penalties and their cap.
 * State in the URL: `#/service-levels?tab=hosting&year=2026`, `?period=month&client=…`.
 */
export function ServiceLevelsPage({ route }: { route: Route }) {
  const { t } = useTranslation('service-levels');
  const now = useNow(30_000);
  const today = localIsoDay('Europe/Paris', now.getTime());
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  const query = route.query;
  const tab: Tab = query.get('tab') === 'hosting' ? 'hosting' : 'commitment';
  const { period } = periodFromQuery(query, today);
  const clientId = query.get('client') ?? undefined;
  const technicianId = query.get('tech') ?? undefined;
  const yearParam = Number(query.get('year'));
  const year =
    Number.isInteger(yearParam) && yearParam > 1970 && yearParam < 9999 ? yearParam : Number(today.slice(0, 4));
  const data = useLeadData().data;
  const names = useNames(data);

  const go = useCallback(
    (patch: { tab?: Tab; year?: number } & FilterPatch) => {
      const next = new URLSearchParams(periodToQuery(patch.period ?? period));
      const nextTab = patch.tab ?? tab;
      if (nextTab === 'hosting') next.set('tab', 'hosting');
      next.set('year', String(patch.year ?? year));
      const client = 'clientId' in patch ? patch.clientId : clientId;
      const technician = 'technicianId' in patch ? patch.technicianId : technicianId;
      if (client) next.set('client', client);
      if (technician) next.set('tech', technician);
      navigate(`/service-levels?${next.toString()}`);
    },
    [period, tab, year, clientId, technicianId],
  );

  const rows = data ? commitmentRows(data.tickets, data.contracts, data.interventions, minute) : undefined;
  const report = useMemo(
    () => (rows ? commitmentReport(rows, { period, clientId, technicianId }) : undefined),
    [rows, period, clientId, technicianId],
  );
  const years = useMemo(
    () =>
      data && tab === 'hosting' ? slaYears(data.contracts, data.clients, data.tickets, year, new Date(minute)) : [],
    [data, tab, year, minute],
  );

  return (
    <section className="page lead-page" aria-labelledby="sla-title">
      <div className="page-header">
        <h1 id="sla-title">{t('title')}</h1>
        <Segmented
          label={t('tabs.label')}
          value={tab}
          options={TABS.map((value) => ({ value, label: t(`tabs.${value}`) }))}
          onChange={(value) => go({ tab: value })}
        />
      </div>
      {!data ? (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      ) : tab === 'commitment' ? (
        <>
          <ReportFilters
            period={period}
            today={today}
            clientId={clientId}
            technicianId={technicianId}
            clients={names.sortedClients}
            technicians={names.technicians}
            onChange={go}
          />
          {report && <CommitmentPanel report={report} names={names} />}
        </>
      ) : (
        <HostingPanel years={years} year={year} onYear={(value) => go({ year: value })} />
      )}
    </section>
  );
}
