/**
 * The contract's life and its prices (CG art. 18, 19, 21.4, 22).
 *
 * Term: a firm period of `termYears` years from the effective date, then tacit renewals of one
 * year unless a registered letter arrives at least six months before the term. `firmEnd` and
 * `currentEnd` are the last days covered (start 2026-01-01, 3 years → 2028-12-31); the last notice
 * date is the last day that still leaves six full months before the term (→ 2028-06-30).
 */
import { DateTime } from 'luxon';
import type { Contract } from '../schemas';
import { Decimal, TERMINATION_MARKUP, cents, money } from './money';
import { checkArray, checkDay, integerAtLeast, nonNegative } from './validate';

export type ContractTerm = {
  firmEnd: string;
  /** Last day of the period running on `today` (the firm period, or a renewal year). */
  currentEnd: string;
  /** Last day a registered letter can arrive to stop the renewal at `currentEnd`. */
  lastNoticeDate: string;
  /** Tacit renewals already started on `today`. */
  renewals: number;
  inFirmPeriod: boolean;
  /** Days from today to lastNoticeDate; negative once it has passed. */
  daysToNotice: number;
};

const NOTICE_MONTHS = 6;

function day(value: string, name: string): DateTime {
  return DateTime.fromISO(checkDay(value, name), { zone: 'utc' });
}

function iso(value: DateTime): string {
  return value.toISODate() ?? '';
}

/**
 * contractTerm('2026-01-01', 3, '2028-03-01') → { firmEnd: '2028-12-31', currentEnd: '2028-12-31',
 * lastNoticeDate: '2028-06-30', renewals: 0, inFirmPeriod: true, daysToNotice: 121 }.
 */
export function contractTerm(startDate: string, termYears: number, today: string): ContractTerm {
  const start = day(startDate, 'startDate');
  integerAtLeast(termYears, 1, 'termYears');
  const now = day(today, 'today');
  // Each end is computed from the start (not from the previous end) so 29 February cannot drift.
  const endAfter = (years: number): DateTime => start.plus({ years }).minus({ days: 1 });
  const firmEnd = endAfter(termYears);
  let renewals = 0;
  while (endAfter(termYears + renewals) < now) renewals += 1;
  const currentEnd = endAfter(termYears + renewals);
  const lastNotice = currentEnd.plus({ days: 1 }).minus({ months: NOTICE_MONTHS }).minus({ days: 1 });
  return {
    firmEnd: iso(firmEnd),
    currentEnd: iso(currentEnd),
    lastNoticeDate: iso(lastNotice),
    renewals,
    inFirmPeriod: now <= firmEnd,
    daysToNotice: Math.round(lastNotice.diff(now, 'days').days),
  };
}

/**
 * Early termination by the client (CG art. 22), each part × 1.30:
 * forfait = monthly forfaits × months remaining; consumption = last 12 months' consumption in
 * euros averaged per month and prorated to the days remaining (= consumption × days / 365).
 * earlyTerminationPenalty({ forfaitMonthlyAmounts: ['500.00'], monthsRemaining: 10,
 *   last12MonthsConsumption: '3650.00', daysRemaining: 300 }) →
 * { forfait: '6500.00', consumption: '3900.00', total: '10400.00' }.
 */
export function earlyTerminationPenalty(input: {
  forfaitMonthlyAmounts: readonly string[];
  monthsRemaining: number;
  last12MonthsConsumption: string;
  daysRemaining: number;
}): { forfait: string; consumption: string; total: string } {
  checkArray(input.forfaitMonthlyAmounts, 'forfaitMonthlyAmounts');
  const monthly = input.forfaitMonthlyAmounts.reduce(
    (sum: Decimal, amount, i) => sum.plus(money(amount, `forfaitMonthlyAmounts[${i}]`)),
    new Decimal(0),
  );
  const months = nonNegative(input.monthsRemaining, 'monthsRemaining');
  const consumed = money(input.last12MonthsConsumption, 'last12MonthsConsumption');
  if (consumed.isNegative()) throw new RangeError('last12MonthsConsumption: must not be negative');
  const days = nonNegative(input.daysRemaining, 'daysRemaining');
  const forfait = new Decimal(cents(monthly.times(months).times(TERMINATION_MARKUP)));
  const consumption = new Decimal(cents(consumed.dividedBy(365).times(days).times(TERMINATION_MARKUP)));
  return { forfait: cents(forfait), consumption: cents(consumption), total: cents(forfait.plus(consumption)) };
}

/**
 * The price step in force on a day: the latest step starting on or before it (CG art. 21.4).
 * A day before the first step gets the first step (the contract's initial prices).
 * priceInForce([{ from: '2026-01-01', … }, { from: '2027-01-01', … }], '2026-12-31') → the first.
 */
export function priceInForce(prices: Contract['prices'], day: string): Contract['prices'][number] {
  checkArray(prices, 'prices');
  checkDay(day, 'day');
  const [head, ...rest] = prices;
  if (head === undefined) throw new RangeError('prices: expected at least one price step');
  let first = head;
  let found = head.from <= day ? head : undefined;
  for (const step of rest) {
    if (step.from < first.from) first = step;
    if (step.from <= day && (found === undefined || step.from > found.from)) found = step;
  }
  return found ?? first;
}
