/**
 * Report periods: the presets a team lead reaches for (aujourd'hui, cette semaine, ce mois, cette
 * année) and any range of days, inclusive, in Paris days. A period travels in the URL
 * (`#/reports?period=month&from=2026-11-01&to=2026-11-30`) so a drill-down can be shared and the
 * back button works.
 */
import { dayNumberOf, isoOfDayNumber, weekdayOf, yearMonthOf } from './local-day';

export const PERIOD_KINDS = ['today', 'week', 'month', 'year', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Inclusive range of local days, `from` ≤ `to`. */
export type Period = { kind: PeriodKind; from: string; to: string };

/** Chart buckets: one bar per day, ISO week, month or year. */
export type Granularity = 'day' | 'week' | 'month' | 'year';

/** The longest range a report accepts: ten years of days. */
export const MAX_RANGE_DAYS = 3660;

function monthBounds(year: number, month: number): { from: number; to: number } {
  const from = Date.UTC(year, month - 1, 1) / 86_400_000;
  const to = Date.UTC(year, month, 1) / 86_400_000 - 1;
  return { from, to };
}

/**
 * The preset period containing `today` (a YYYY-MM-DD local day). Weeks run Monday to Sunday.
 * presetPeriod('week', '2026-11-27') → { kind: 'week', from: '2026-11-23', to: '2026-11-29' }.
 */
export function presetPeriod(kind: Exclude<PeriodKind, 'range'>, today: string): Period {
  const day = dayNumberOf(today, 'today');
  const { year, month } = yearMonthOf(day);
  switch (kind) {
    case 'today':
      return { kind, from: today, to: today };
    case 'week': {
      const monday = day - weekdayOf(day);
      return { kind, from: isoOfDayNumber(monday), to: isoOfDayNumber(monday + 6) };
    }
    case 'month': {
      const bounds = monthBounds(year, month);
      return { kind, from: isoOfDayNumber(bounds.from), to: isoOfDayNumber(bounds.to) };
    }
    case 'year':
      return { kind, from: `${year}-01-01`, to: `${year}-12-31` };
  }
}

/** A free range; RangeError naming `from` or `to` when they are not days or out of order. */
export function rangePeriod(from: string, to: string): Period {
  const a = dayNumberOf(from, 'from');
  const b = dayNumberOf(to, 'to');
  if (b < a) throw new RangeError(`to: the end (${to}) comes before the start (${from})`);
  if (b - a + 1 > MAX_RANGE_DAYS) throw new RangeError(`to: at most ${MAX_RANGE_DAYS} days in one report`);
  return { kind: 'range', from, to };
}

/** Number of days in a period. */
export function periodDays(period: Period): number {
  return dayNumberOf(period.to, 'to') - dayNumberOf(period.from, 'from') + 1;
}

/**
 * The previous (-1) or next (+1) period of the same kind: the day, week, month or year before or
 * after; a free range moves by its own length.
 */
export function shiftPeriod(period: Period, direction: -1 | 1): Period {
  const from = dayNumberOf(period.from, 'from');
  switch (period.kind) {
    case 'today':
      return { kind: 'today', from: isoOfDayNumber(from + direction), to: isoOfDayNumber(from + direction) };
    case 'week':
      return presetPeriod('week', isoOfDayNumber(from + 7 * direction));
    case 'month': {
      const { year, month } = yearMonthOf(from);
      const target = monthBounds(year, month + direction);
      return presetPeriod('month', isoOfDayNumber(target.from));
    }
    case 'year': {
      const { year } = yearMonthOf(from);
      return presetPeriod('year', `${year + direction}-01-01`);
    }
    case 'range': {
      const length = periodDays(period);
      return rangePeriod(
        isoOfDayNumber(from + direction * length),
        isoOfDayNumber(from + direction * length + length - 1),
      );
    }
  }
}

/** Bars that stay readable: days up to two months, weeks up to half a year, then months, then years. */
export function granularityOf(period: Period): Granularity {
  const days = periodDays(period);
  if (days <= 62) return 'day';
  if (days <= 190) return 'week';
  if (days <= 3 * 366) return 'month';
  return 'year';
}

/**
 * The bucket a day falls in, as the day number of the bucket's first day (clipped to nothing:
 * a week bucket starts on its Monday even before the period's start).
 */
export function bucketStart(dayNumber: number, granularity: Granularity): number {
  switch (granularity) {
    case 'day':
      return dayNumber;
    case 'week':
      return dayNumber - weekdayOf(dayNumber);
    case 'month': {
      const { year, month } = yearMonthOf(dayNumber);
      return Date.UTC(year, month - 1, 1) / 86_400_000;
    }
    case 'year': {
      const { year } = yearMonthOf(dayNumber);
      return Date.UTC(year, 0, 1) / 86_400_000;
    }
  }
}

/** Every bucket start of a period, in order (empty buckets included: a gap is information). */
export function bucketsOf(period: Period, granularity: Granularity = granularityOf(period)): number[] {
  const from = dayNumberOf(period.from, 'from');
  const to = dayNumberOf(period.to, 'to');
  const out: number[] = [];
  let last = Number.NaN;
  for (let day = from; day <= to; day++) {
    const start = bucketStart(day, granularity);
    if (start !== last) out.push(start);
    last = start;
  }
  return out;
}

/** Reads a period from URL parameters; a bad or missing one falls back to `fallback` with the reason. */
export function periodFromQuery(
  query: URLSearchParams,
  today: string,
  fallback: Exclude<PeriodKind, 'range'> = 'month',
): { period: Period; error?: string } {
  const kind = query.get('period') ?? fallback;
  if (kind === 'range') {
    try {
      return { period: rangePeriod(query.get('from') ?? '', query.get('to') ?? '') };
    } catch (error) {
      return { period: presetPeriod(fallback, today), error: (error as Error).message };
    }
  }
  if (kind === 'today' || kind === 'week' || kind === 'month' || kind === 'year') {
    const anchor = query.get('from');
    try {
      return { period: presetPeriod(kind, anchor ?? today) };
    } catch (error) {
      return { period: presetPeriod(kind, today), error: (error as Error).message };
    }
  }
  return { period: presetPeriod(fallback, today), error: `period: unknown period "${kind}"` };
}

/** URL parameters of a period (the inverse of periodFromQuery). */
export function periodToQuery(period: Period): Record<string, string> {
  return period.kind === 'range'
    ? { period: 'range', from: period.from, to: period.to }
    : { period: period.kind, from: period.from };
}
