import { useMemo, useState } from 'react';
import type { OccurrenceStatus } from '../../../shared/domain';
import type { Route } from '../../app/router';
import { useData } from '../../data/react';
import { useFormat, useTranslation } from '../../i18n';
import { Segmented } from '../../ui/Segmented';
import { useNow } from '../../ui/useNow';
import { localIsoDay } from '../reports/local-day';
import { MonthGrid } from './MonthGrid';
import { OccurrenceDialog } from './OccurrenceDialog';
import {
  groupRows,
  occurrenceRows,
  stepAnchor,
  viewWeeks,
  type GroupBy,
  type OccurrenceRow,
  type RowGroup,
  type View,
} from './planning-model';
import { PlanYearPanel } from './PlanYearPanel';
import { usePlanningData } from './usePlanningData';
import { WeekGrid } from './WeekGrid';
import './planning.css';

const LEGEND: OccurrenceStatus[] = [
  'planned',
  'to_do',
  'on_time',
  'late',
  'no_report',
  'missed',
  'cancelled_by_provider',
  'excluded',
];
const ALL = '';

/**
 * `/planning?view=week|month&by=technician|client&at=YYYY-MM-DD`: the planned services of
 * every contract, a week or a month at a time, per technician or per client. Team leads plan a
 * contract year here and open an occurrence to assign, move or cancel it.
 */
export function PlanningPage({ route }: { route: Route }) {
  const { t } = useTranslation('planning');
  const fmt = useFormat();
  const data = useData();
  const today = localIsoDay('Europe/Paris', useNow(60_000).getTime());
  const lead = data.user.role === 'lead' || data.user.role === 'admin';
  const [view, setView] = useState<View>(route.query.get('view') === 'month' ? 'month' : 'week');
  const [groupBy, setGroupBy] = useState<GroupBy>(route.query.get('by') === 'client' ? 'client' : 'technician');
  const [anchor, setAnchor] = useState(route.query.get('at') ?? today);
  // A technician starts on their own planning; a lead on everyone's.
  const [technicianFilter, setTechnicianFilter] = useState(lead ? ALL : data.user.id);
  const [clientFilter, setClientFilter] = useState(route.query.get('client') ?? ALL);
  const [open, setOpen] = useState<string | null>(null);
  const live = usePlanningData();
  const input = live.data;
  const rows = useMemo(() => (input ? occurrenceRows(input, today) : []), [input, today]);
  const plannedIds = useMemo(() => new Set(rows.map((r) => r.ticket.id)), [rows]);

  if (!input) return <p className="page muted">{t('loading')}</p>;

  const filtered = rows.filter(
    (r) =>
      (groupBy !== 'technician' || technicianFilter === ALL || (r.ticket.assigneeId ?? '') === technicianFilter) &&
      (groupBy !== 'client' || clientFilter === ALL || r.ticket.clientId === clientFilter),
  );
  const weeks = viewWeeks(view, anchor, new Set(filtered.map((r) => r.day)));
  const days = new Set(weeks.flat());
  const inView = filtered.filter((r) => days.has(r.day));
  const technicians = input.users.filter((u) => u.active && u.role === 'technician');
  let groups: RowGroup[] = groupRows(inView, groupBy, t('unassigned'));
  if (groupBy === 'technician' && technicianFilter === ALL) {
    // Every technician has a row, free ones too: that is where the lead assigns.
    const present = new Set(groups.map((g) => g.key));
    groups = [
      ...groups,
      ...technicians.filter((u) => !present.has(u.id)).map((u) => ({ key: u.id, label: u.name, rows: [] })),
    ].sort((a, b) => (a.key === '' ? -1 : b.key === '' ? 1 : a.label.localeCompare(b.label, 'fr')));
  }
  const clientsWithWork = input.clients
    .filter((c) => rows.some((r) => r.ticket.clientId === c.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const locale = fmt.locale === 'en' ? 'en-GB' : 'fr-FR';
  const periodLabel =
    view === 'week'
      ? t('weekOf', { date: fmt.date(`${weeks[0]?.[0] ?? anchor}T12:00:00Z`) })
      : new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
          new Date(`${anchor.slice(0, 7)}-15T12:00:00Z`),
        );
  const opened: OccurrenceRow | undefined = rows.find((r) => r.ticket.id === open);

  return (
    <section className="page lead-page planning-page" aria-labelledby="planning-title">
      <div className="page-header">
        <h1 id="planning-title">{t('title')}</h1>
        <Segmented<View>
          label={t('view.label')}
          value={view}
          options={[
            { value: 'week', label: t('view.week') },
            { value: 'month', label: t('view.month') },
          ]}
          onChange={setView}
        />
        <Segmented<GroupBy>
          label={t('groupBy.label')}
          value={groupBy}
          options={[
            { value: 'technician', label: t('groupBy.technician') },
            { value: 'client', label: t('groupBy.client') },
          ]}
          onChange={setGroupBy}
        />
      </div>
      <p className="muted">{t('intro')}</p>
      <div className="planning-toolbar">
        <div className="period-stepper">
          <button
            type="button"
            className="btn btn-icon"
            aria-label={t('previous')}
            onClick={() => setAnchor(stepAnchor(view, anchor, -1))}
          >
            ‹
          </button>
          <span className="period-label" aria-live="polite">
            {periodLabel}
          </span>
          <button
            type="button"
            className="btn btn-icon"
            aria-label={t('next')}
            onClick={() => setAnchor(stepAnchor(view, anchor, 1))}
          >
            ›
          </button>
          <button type="button" className="btn" onClick={() => setAnchor(today)}>
            {t('today')}
          </button>
        </div>
        {groupBy === 'technician' ? (
          <label className="field-inline">
            <span>{t('filterTechnician')}</span>
            <select value={technicianFilter} onChange={(e) => setTechnicianFilter(e.target.value)}>
              <option value={ALL}>{t('all')}</option>
              {technicians.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label className="field-inline">
            <span>{t('filterClient')}</span>
            <select value={clientFilter} onChange={(e) => setClientFilter(e.target.value)}>
              <option value={ALL}>{t('all')}</option>
              {clientsWithWork.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="muted">{t('countInView', { count: inView.length })}</span>
      </div>
      <div className={lead ? 'planning-layout' : 'planning-layout solo'}>
        <div className="card">
          {view === 'week' ? (
            <WeekGrid
              groups={groups}
              days={weeks[0] ?? []}
              today={today}
              groupBy={groupBy}
              onOpen={(r) => setOpen(r.ticket.id)}
            />
          ) : (
            <MonthGrid
              weeks={weeks}
              rows={inView}
              month={anchor.slice(0, 7)}
              today={today}
              groupBy={groupBy}
              onOpen={(r) => setOpen(r.ticket.id)}
            />
          )}
          {inView.length === 0 && <p className="muted empty">{t('empty')}</p>}
          <ul className="planning-legend" aria-label={t('legend')}>
            {LEGEND.map((status) => (
              <li key={status}>
                <span className={`legend-swatch occurrence-${status}`} aria-hidden="true" />
                {t(`status.${status}`)}
              </li>
            ))}
          </ul>
        </div>
        {lead && (
          <PlanYearPanel
            contracts={input.contracts}
            clients={input.clients}
            users={input.users}
            plannedIds={plannedIds}
            today={today}
          />
        )}
      </div>
      {opened && <OccurrenceDialog row={opened} users={input.users} onClose={() => setOpen(null)} />}
    </section>
  );
}
