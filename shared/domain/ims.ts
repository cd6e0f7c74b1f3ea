/**
 * IMS — interruption maximum de service, 30 heures ouvrées a calendar year (domain.md §2.3,
 * CG art. 4.3–4.5). The yearly total is the business time of the interruptions, each clipped
 * to the year (Paris midnight to Paris midnight). Scheduled interruptions (CG 4.1) and those
 * excluded for a reason of CG 4.5 are left out and listed with their reason. Excess = total −
 * budget; the penalty is a share of the year's hosting invoice (HT):
 *
 *   excess ≤ 0 → 0 %;  0 < excess ≤ 10 h → 1 %;  10 h < excess ≤ 30 h → 2 %;  excess > 30 h → 3 %.
 *
 * Overlapping interruptions (two tickets for one outage) are counted once: IMS is the time the
 * service was interrupted (CG art. 1 "cumul des temps d'Interruption du Service"), so the overlap
 * is attributed to the interruption notified first. A service that starts mid-year has its rate
 * prorated (CG 4.5 "prorata temporis"): days of service in the year / days in the year.
 */
import { type BusinessCalendar, calendarDay, dayNumberOf } from './calendar';
import { businessDayCountsMs, businessMillisBetween } from './business-time';
import { type InterruptionFacts } from './gtr';
import { type BusinessDayCount, DEFAULT_IMS_BUDGET_MINUTES, MS_PER_MINUTE } from './types';
import { checkArray, checkDay, instantMillis, integerAtLeast, nonNegative, positive } from './validate';

export type ImsRate = 0 | 0.01 | 0.02 | 0.03;

export type ImsYear = {
  year: number;
  totalMinutes: number;
  excessMinutes: number;
  rate: ImsRate;
  /** Share of the year under service, 0..1 (= serviceDays / daysInYear). */
  prorata: number;
  serviceDays: number;
  daysInYear: number;
  /** rate × prorata: the share of the year's hosting invoice owed. */
  effectiveRate: number;
  counted: { id: string; minutes: number; explanation: BusinessDayCount[] }[];
  left: { id: string; reason: 'scheduled' | 'excluded' }[];
};

/**
 * The IMS tier of a yearly total. imsPenaltyRate(1800) → 0; imsPenaltyRate(1801) → 0.01;
 * imsPenaltyRate(2400) → 0.01; imsPenaltyRate(3600) → 0.02; imsPenaltyRate(3601) → 0.03.
 */
export function imsPenaltyRate(
  totalInterruptionMinutes: number,
  budgetMinutes: number = DEFAULT_IMS_BUDGET_MINUTES,
): ImsRate {
  const excess =
    nonNegative(totalInterruptionMinutes, 'totalInterruptionMinutes') - positive(budgetMinutes, 'budgetMinutes');
  if (excess <= 0) return 0;
  if (excess <= 10 * 60) return 0.01;
  if (excess <= 30 * 60) return 0.02;
  return 0.03;
}

/**
 * The IMS of one calendar year as seen at `now` (an interruption not yet restored runs to now).
 * imsYear(cal, 2026, [{ id: 'a', notifiedAt: 2026-12-31 16:00, restoredAt: 2027-01-04 09:00, … }], now)
 * → counted a: 120 minutes (16:00–18:00 on 31 December; 2027 is another year).
 */
export function imsYear(
  calendar: BusinessCalendar,
  year: number,
  interruptions: readonly InterruptionFacts[],
  now: Date,
  options: { serviceStart?: string | undefined; budgetMinutes?: number | undefined } = {},
): ImsYear {
  integerAtLeast(year, 1971, 'year');
  if (year > 9998) throw new RangeError(`year: must be at most 9998 (${year})`);
  const nowMs = instantMillis(now, 'now');
  const budget = positive(options.budgetMinutes ?? DEFAULT_IMS_BUDGET_MINUTES, 'budgetMinutes');
  checkArray(interruptions, 'interruptions');
  const firstDay = dayNumberOf(`${year}-01-01`);
  const nextFirstDay = dayNumberOf(`${year + 1}-01-01`);
  const yearStart = calendarDay(calendar, firstDay).startMs;
  const yearEnd = calendarDay(calendar, nextFirstDay).startMs;

  const facts = interruptions.map((interruption, i) => {
    const notified = instantMillis(interruption.notifiedAt, `interruptions[${i}].notifiedAt`);
    const restored =
      interruption.restoredAt === undefined
        ? undefined
        : instantMillis(interruption.restoredAt, `interruptions[${i}].restoredAt`);
    if (restored !== undefined && restored < notified) {
      throw new RangeError(`interruptions[${i}].restoredAt: restoration cannot come before the notification`);
    }
    return { interruption, notified, end: restored ?? Math.max(nowMs, notified) };
  });
  facts.sort((a, b) => a.notified - b.notified || compareIds(a.interruption.id, b.interruption.id));

  const counted: ImsYear['counted'] = [];
  const left: ImsYear['left'] = [];
  let coveredUntil = yearStart;
  let totalMs = 0;
  for (const { interruption, notified, end } of facts) {
    if (end < yearStart || notified >= yearEnd) continue;
    if (interruption.scheduled || interruption.excluded) {
      left.push({ id: interruption.id, reason: interruption.scheduled ? 'scheduled' : 'excluded' });
      continue;
    }
    const from = Math.max(notified, coveredUntil);
    const to = Math.min(end, yearEnd);
    const ms = businessMillisBetween(calendar, from, to);
    totalMs += ms;
    coveredUntil = Math.max(coveredUntil, to);
    counted.push({
      id: interruption.id,
      minutes: ms / MS_PER_MINUTE,
      explanation: businessDayCountsMs(calendar, from, to),
    });
  }

  const totalMinutes = totalMs / MS_PER_MINUTE;
  const rate = imsPenaltyRate(totalMinutes, budget);
  const daysInYear = nextFirstDay - firstDay;
  const serviceDays = daysOfService(options.serviceStart, firstDay, nextFirstDay);
  const prorata = serviceDays / daysInYear;
  return {
    year,
    totalMinutes,
    excessMinutes: Math.max(0, totalMinutes - budget),
    rate,
    prorata,
    serviceDays,
    daysInYear,
    effectiveRate: rate * prorata,
    counted,
    left,
  };
}

/** Days of service in [firstDay, nextFirstDay): the start day counts as a day of service. */
function daysOfService(serviceStart: string | undefined, firstDay: number, nextFirstDay: number): number {
  if (serviceStart === undefined) return nextFirstDay - firstDay;
  const startDay = dayNumberOf(checkDay(serviceStart, 'options.serviceStart'));
  return Math.max(0, nextFirstDay - Math.max(startDay, firstDay));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
