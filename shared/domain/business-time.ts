/**
 * Arithmetic in heures ouvrées (domain.md §1, CG art. 9): delays run only during the business
 * periods of jours ouvrés, and a clock started outside them starts at the next period.
 *
 * Invariant: a deadline is the *earliest* instant at which the business minutes have elapsed, so
 * a delay that ends exactly at a period's end ends there (11:30 + 30 min → 12:00, not 14:00),
 * and `businessMillisBetween(from, addBusinessMillis(from, n)) === n` for every n ≥ 0.
 * Instants are UTC millis inside, `Date` at the public edge; precision is the millisecond.
 */
import { type BusinessCalendar, type CalendarDay, calendarDay, dayOfInstant, localHourMinute } from './calendar';
import { type BusinessDayCount, MS_PER_MINUTE } from './types';
import { instantMillis, nonNegative } from './validate';

// Ten years without a single business minute means the calendar closes every day: stop, do not loop.
const MAX_DAYS_WITHOUT_BUSINESS = 3660;

/** The instant (UTC millis) at which `duration` business millis have elapsed from `fromMs`. */
export function addBusinessMillis(calendar: BusinessCalendar, fromMs: number, duration: number): number {
  if (duration === 0) return fromMs;
  let remaining = duration;
  let record: CalendarDay = dayOfInstant(calendar, fromMs);
  let idleDays = 0;
  for (;;) {
    for (const period of record.periods) {
      if (fromMs >= period.end) continue;
      const start = fromMs > period.start ? fromMs : period.start;
      const available = period.end - start;
      if (remaining <= available) return start + remaining;
      remaining -= available;
    }
    idleDays = record.periods.length === 0 ? idleDays + 1 : 0;
    if (idleDays > MAX_DAYS_WITHOUT_BUSINESS) {
      throw new RangeError(`calendar: no business hours for ${MAX_DAYS_WITHOUT_BUSINESS} days after ${record.day}`);
    }
    record = calendarDay(calendar, record.dayNumber + 1);
  }
}

/** Business millis between two instants (UTC millis); 0 when `toMs <= fromMs`. */
export function businessMillisBetween(calendar: BusinessCalendar, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  let total = 0;
  for (let record = dayOfInstant(calendar, fromMs); record.startMs < toMs;) {
    for (const period of record.periods) {
      const start = fromMs > period.start ? fromMs : period.start;
      const end = toMs < period.end ? toMs : period.end;
      if (end > start) total += end - start;
    }
    record = calendarDay(calendar, record.dayNumber + 1);
  }
  return total;
}

/** The explanation of a business duration: one entry per local day with business time counted. */
export function businessDayCountsMs(calendar: BusinessCalendar, fromMs: number, toMs: number): BusinessDayCount[] {
  const counts: BusinessDayCount[] = [];
  if (toMs <= fromMs) return counts;
  for (let record = dayOfInstant(calendar, fromMs); record.startMs < toMs;) {
    let total = 0;
    const periods: { from: string; to: string }[] = [];
    for (const period of record.periods) {
      const start = fromMs > period.start ? fromMs : period.start;
      const end = toMs < period.end ? toMs : period.end;
      if (end <= start) continue;
      total += end - start;
      periods.push({
        from: localHourMinute(calendar, record, period, start),
        to: localHourMinute(calendar, record, period, end),
      });
    }
    if (total > 0) counts.push({ day: record.day, minutes: total / MS_PER_MINUTE, periods });
    record = calendarDay(calendar, record.dayNumber + 1);
  }
  return counts;
}

/**
 * The earliest instant at which `minutes` business minutes have elapsed from `from`.
 * addBusinessMinutes(cal, Fri 17:45, 30) → Mon 08:45 (15 min Friday, 15 min Monday);
 * 11:30 + 30 → 12:00; 11:50 + 30 → 14:20; Sunday 10:00 + 30 → Monday 09:00.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, from: Date, minutes: number): Date {
  const fromMs = instantMillis(from, 'from');
  const duration = Math.round(nonNegative(minutes, 'minutes') * MS_PER_MINUTE);
  return new Date(addBusinessMillis(calendar, fromMs, duration));
}

/**
 * Business minutes (heures ouvrées) between two instants; 0 when `to <= from`. May carry a
 * fraction when the instants are not on whole minutes.
 * businessMinutesBetween(cal, Fri 17:45, Mon 08:45) → 30.
 */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const fromMs = instantMillis(from, 'from');
  const toMs = instantMillis(to, 'to');
  return businessMillisBetween(calendar, fromMs, toMs) / MS_PER_MINUTE;
}

/**
 * Business minutes between two instants, day by day, as a screen shows them.
 * businessDayCounts(cal, Fri 17:45, Mon 08:45) →
 * [{ day: '…-27', minutes: 15, periods: [{ from: '17:45', to: '18:00' }] },
 *  { day: '…-30', minutes: 15, periods: [{ from: '08:30', to: '08:45' }] }].
 */
export function businessDayCounts(calendar: BusinessCalendar, from: Date, to: Date): BusinessDayCount[] {
  return businessDayCountsMs(calendar, instantMillis(from, 'from'), instantMillis(to, 'to'));
}
