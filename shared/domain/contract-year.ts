/**
 * Contract years: the yearly quantities of modules C–F ("Qté an") count per year of the
 * contract, from its effective date (prise d'effet), not per calendar year. Year 0 runs from the
 * start date to the day before its first anniversary; each start is computed from the start
 * date itself, so a contract starting on 29 February does not drift (its years start on
 * 28 February in common years).
 */
import { DateTime } from 'luxon';
import { checkDay, integerAtLeast } from './validate';

export type ContractYear = {
  /** 0 for the first year of the contract. */
  index: number;
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** Last day (the day before the next year's start). */
  end: string;
  /** Days in the year: 365 or 366. */
  days: number;
};

export function utcDay(day: string, name: string): DateTime {
  return DateTime.fromISO(checkDay(day, name), { zone: 'utc' });
}

export function isoDay(value: DateTime): string {
  return value.toISODate() ?? '';
}

/** contractYear('2026-03-15', 1) → { index: 1, start: '2027-03-15', end: '2028-03-14', days: 366 }. */
export function contractYear(startDate: string, index: number): ContractYear {
  const start = utcDay(startDate, 'startDate');
  integerAtLeast(index, 0, 'index');
  const from = start.plus({ years: index });
  const next = start.plus({ years: index + 1 });
  return {
    index,
    start: isoDay(from),
    end: isoDay(next.minus({ days: 1 })),
    days: Math.round(next.diff(from, 'days').days),
  };
}

/**
 * The contract year holding `day`; a day before the start date gets year 0.
 * contractYearOn('2026-03-15', '2027-03-14') → year 0; ('2026-03-15', '2027-03-15') → year 1.
 */
export function contractYearOn(startDate: string, day: string): ContractYear {
  const start = utcDay(startDate, 'startDate');
  const on = utcDay(day, 'day');
  if (on <= start) return contractYear(startDate, 0);
  // The whole-years difference may be off by one around anniversaries: adjust from it.
  let index = Math.max(0, Math.floor(on.diff(start, 'years').years));
  while (index > 0 && start.plus({ years: index }) > on) index -= 1;
  while (start.plus({ years: index + 1 }) <= on) index += 1;
  return contractYear(startDate, index);
}
