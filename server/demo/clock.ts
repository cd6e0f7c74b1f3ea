/**
 * Paris wall-clock helpers for the demo: the working days of the past year and instants at a
 * local time of day (luxon, so daylight saving is right).
 */
import { DateTime } from 'luxon';
import { type BusinessCalendar, isWorkingDay } from '../../shared/domain';

export const ZONE = 'Europe/Paris';

/** `YYYY-MM-DD` of an instant in Paris. */
export function parisDay(ms: number): string {
  return DateTime.fromMillis(ms, { zone: ZONE }).toISODate() as string;
}

/** The instant of `minuteOfDay` (local minutes since midnight) on a Paris day. */
export function parisInstant(day: string, minuteOfDay: number): number {
  return DateTime.fromISO(day, { zone: ZONE })
    .set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60, second: 0, millisecond: 0 })
    .toMillis();
}

export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: ZONE }).plus({ days }).toISODate() as string;
}

export function addMonths(day: string, months: number): string {
  return DateTime.fromISO(day, { zone: ZONE }).plus({ months }).toISODate() as string;
}

/** Last day of the month of `day`. */
export function endOfMonth(day: string): string {
  return DateTime.fromISO(day, { zone: ZONE }).endOf('month').toISODate() as string;
}

/** Working days (jours ouvrés of `calendar`) from `from` to `to` inclusive. */
export function workingDays(calendar: BusinessCalendar, from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(calendar, day)) days.push(day);
  }
  return days;
}

export const iso = (ms: number) => new Date(ms).toISOString();
export const MINUTE = 60_000;
