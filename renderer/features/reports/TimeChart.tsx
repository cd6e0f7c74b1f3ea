import { useCallback, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat, useTranslation } from '../../i18n';
import type { BucketRow } from './aggregate';
import { isoOfDayNumber, yearMonthOf } from './local-day';
import type { Granularity } from './period';

type Props = {
  buckets: readonly BucketRow[];
  granularity: Granularity;
  /** A click on a bar: the bucket's first day. */
  onSelect(start: number): void;
};

const FAMILIES = ['forfait', 'ut', 'half_day'] as const;
const COLOURS = { forfait: '#15803d', ut: '#1d4ed8', half_day: '#a16207' } as const;

/** How a bucket is named on the axis: "27/11", "Sem. du 23/11", "11/2026", "2026". */
export function useBucketLabel(granularity: Granularity): (start: number) => string {
  const { t } = useTranslation('reports');
  const fmt = useFormat();
  return useCallback(
    (start: number) => {
      const iso = isoOfDayNumber(start);
      const short = fmt.date(`${iso}T12:00:00Z`).slice(0, 5);
      const { year, month } = yearMonthOf(start);
      switch (granularity) {
        case 'day':
          return short;
        case 'week':
          return t('chart.weekOf', { day: short });
        case 'month':
          return `${String(month).padStart(2, '0')}/${year}`;
        case 'year':
          return String(year);
      }
    },
    [granularity, t, fmt],
  );
}

/**
 * Raw hours per bucket, stacked by who pays: forfaits, UT credit, half-day credit. The same
 * figures are in the breakdown table (grouped by period) for keyboard and screen-reader users.
 */
export function TimeChart({ buckets, granularity, onSelect }: Props) {
  const { t } = useTranslation('reports');
  const fmt = useFormat();
  const label = useBucketLabel(granularity);
  const points = useMemo(
    () =>
      buckets.map((b) => ({
        start: b.start,
        label: label(b.start),
        forfait: b.totals.forfaitSeconds / 3600,
        ut: b.totals.utSeconds / 3600,
        half_day: b.totals.halfDaySeconds / 3600,
      })),
    [buckets, label],
  );
  const title = t('chart.title', { unit: t(`chart.units.${granularity}`) });
  return (
    <figure className="card chart-card" aria-label={title}>
      <figcaption className="chart-title">
        <strong>{title}</strong> <span className="muted">{t('chart.hint')}</span>
      </figcaption>
      <div className="chart-box">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={points}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
            onClick={(state) => {
              const index = Number(state.activeIndex ?? state.activeTooltipIndex);
              const point = Number.isInteger(index) ? points[index] : undefined;
              if (point) onSelect(point.start);
            }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={8} />
            <YAxis tick={{ fontSize: 12 }} width={44} tickFormatter={(v: number) => fmt.number(v)} unit=" h" />
            <Tooltip
              formatter={(value, name) => [t('hoursValue', { value: fmt.number(Number(value), 1) }), String(name)]}
              cursor={{ fill: 'rgb(29 78 216 / 8%)' }}
            />
            {/* Legend in stack order (bottom to top): forfaits, UT, half-days. */}
            <Legend itemSorter={(item) => FAMILIES.indexOf(item.dataKey as (typeof FAMILIES)[number])} />
            {FAMILIES.map((family) => (
              <Bar
                key={family}
                dataKey={family}
                name={t(`chart.${family}`)}
                stackId="time"
                fill={COLOURS[family]}
                isAnimationActive={false}
                cursor="pointer"
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
