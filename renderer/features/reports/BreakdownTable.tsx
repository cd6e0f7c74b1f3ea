import { useMemo } from 'react';
import { useFormat, useTranslation } from '../../i18n';
import { Segmented } from '../../ui/Segmented';
import { SortableTable, type Column } from '../../ui/SortableTable';
import type { Report, Totals } from './aggregate';
import { dayNumberOf, isoOfDayNumber } from './local-day';
import { presetPeriod, rangePeriod, type Granularity, type Period } from './period';
import { GROUPS, type Group } from './report-route';
import { useBucketLabel } from './TimeChart';
import type { FilterPatch } from './ReportFilters';

type Row = { id: string; name: string; totals: Totals; drill?: FilterPatch };

type Props = {
  report: Report;
  group: Group;
  onGroup(group: Group): void;
  onDrill(patch: FilterPatch): void;
  clientName(id: string): string;
  userName(id: string): string;
};

/** The period a chart bucket stands for, clipped to the report's period. */
export function bucketPeriod(start: number, granularity: Granularity, within: Period): Period {
  const first = isoOfDayNumber(start);
  const natural =
    granularity === 'day'
      ? presetPeriod('today', first)
      : granularity === 'week'
        ? presetPeriod('week', first)
        : granularity === 'month'
          ? presetPeriod('month', first)
          : presetPeriod('year', first);
  const from = Math.max(dayNumberOf(natural.from), dayNumberOf(within.from));
  const to = Math.min(dayNumberOf(natural.to), dayNumberOf(within.to));
  if (from === dayNumberOf(natural.from) && to === dayNumberOf(natural.to)) return natural;
  return rangePeriod(isoOfDayNumber(from), isoOfDayNumber(to));
}

/**
 * The breakdown of the period by client, technician, coverage or sub-period, sortable, with a
 * total line. A name is a button that drills down: the report narrows to that client, technician
 * or sub-period, and the interventions list below follows.
 */
export function BreakdownTable({ report, group, onGroup, onDrill, clientName, userName }: Props) {
  const { t } = useTranslation('reports');
  const fmt = useFormat();
  const bucketLabel = useBucketLabel(report.granularity);
  const rows = useMemo<Row[]>(() => {
    switch (group) {
      case 'client':
        return report.byClient.map((r) => ({
          id: r.id,
          name: clientName(r.id),
          totals: r.totals,
          drill: { clientId: r.id },
        }));
      case 'technician':
        return report.byTechnician.map((r) => ({
          id: r.id,
          name: userName(r.id),
          totals: r.totals,
          drill: { technicianId: r.id },
        }));
      case 'coverage':
        return report.byCoverage
          .filter((r) => r.totals.interventions > 0)
          .map((r) => ({ id: r.coverage, name: t(`coverage.${r.coverage}`), totals: r.totals }));
      case 'period':
        return report.byBucket.map((b) => ({
          id: String(b.start),
          name: bucketLabel(b.start),
          totals: b.totals,
          drill: { period: bucketPeriod(b.start, report.granularity, report.filter.period) },
        }));
    }
  }, [report, group, clientName, userName, t, bucketLabel]);

  const hours = (seconds: number) => fmt.number(seconds / 3600, 1);
  const columns = useMemo<Column<Row>[]>(
    () => [
      {
        id: 'name',
        header: t('table.columns.name'),
        sortValue: (r) => (group === 'period' ? Number(r.id) : r.name),
        cell: (r) => {
          const drill = r.drill;
          return drill ? (
            <button
              type="button"
              className="link-button"
              aria-label={t('table.drill', { name: r.name })}
              onClick={() => onDrill(drill)}
            >
              {r.name}
            </button>
          ) : (
            r.name
          );
        },
      },
      {
        id: 'interventions',
        header: t('table.columns.interventions'),
        numeric: true,
        sortValue: (r) => r.totals.interventions,
        cell: (r) => fmt.number(r.totals.interventions),
      },
      {
        id: 'raw',
        header: `${t('table.columns.raw')} (h)`,
        numeric: true,
        sortValue: (r) => r.totals.rawSeconds,
        cell: (r) => hours(r.totals.rawSeconds),
      },
      {
        id: 'forfait',
        header: `${t('table.columns.forfait')} (h)`,
        numeric: true,
        sortValue: (r) => r.totals.forfaitSeconds,
        cell: (r) => hours(r.totals.forfaitSeconds),
      },
      {
        id: 'ut',
        header: `${t('table.columns.ut')} (h)`,
        numeric: true,
        sortValue: (r) => r.totals.utSeconds,
        cell: (r) => hours(r.totals.utSeconds),
      },
      {
        id: 'halfDay',
        header: `${t('table.columns.halfDay')} (h)`,
        numeric: true,
        sortValue: (r) => r.totals.halfDaySeconds,
        cell: (r) => hours(r.totals.halfDaySeconds),
      },
      {
        id: 'workUnits',
        header: t('table.columns.workUnits'),
        numeric: true,
        sortValue: (r) => r.totals.workUnits,
        cell: (r) => fmt.number(r.totals.workUnits),
      },
      {
        id: 'utConsumed',
        header: t('table.columns.utConsumed'),
        numeric: true,
        sortValue: (r) => r.totals.utConsumed,
        cell: (r) => fmt.number(r.totals.utConsumed),
      },
      {
        id: 'halfDays',
        header: t('table.columns.halfDays'),
        numeric: true,
        sortValue: (r) => r.totals.halfDays,
        cell: (r) => fmt.number(r.totals.halfDays),
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `hours` only closes over fmt.
    [t, fmt, group, onDrill],
  );
  const total = report.totals;
  return (
    <section className="card breakdown" aria-labelledby="breakdown-title">
      <div className="card-header">
        <h2 id="breakdown-title">{t('table.title')}</h2>
        <Segmented
          label={t('table.group')}
          value={group}
          options={GROUPS.map((g) => ({ value: g, label: t(`table.groups.${g}`) }))}
          onChange={onGroup}
        />
      </div>
      <SortableTable
        key={group}
        caption={t('table.title')}
        hideCaption
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        initialSort={
          group === 'period' ? { id: 'name', direction: 'ascending' } : { id: 'raw', direction: 'descending' }
        }
        empty={t('table.empty')}
        footer={
          rows.length > 0 && (
            <tr>
              <td>{t('table.total')}</td>
              <td className="num">{fmt.number(total.interventions)}</td>
              <td className="num">{hours(total.rawSeconds)}</td>
              <td className="num">{hours(total.forfaitSeconds)}</td>
              <td className="num">{hours(total.utSeconds)}</td>
              <td className="num">{hours(total.halfDaySeconds)}</td>
              <td className="num">{fmt.number(total.workUnits)}</td>
              <td className="num">{fmt.number(total.utConsumed)}</td>
              <td className="num">{fmt.number(total.halfDays)}</td>
            </tr>
          )
        }
      />
    </section>
  );
}
