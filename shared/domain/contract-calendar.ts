/**
 * The business calendar of a contract, from its `calendar` settings (region, time zone, closed
 * dates, worked holidays). Building one is cheap but its per-day cache is what makes deadlines
 * fast, so calendars are kept per settings: every ticket of a contract shares one.
 */
import type { Contract } from '../schemas';
import { type BusinessCalendar, createCalendar } from './calendar';

// Bounded so a server holding thousands of contracts over months does not grow without limit.
const MAX_CACHED = 500;
const cache = new Map<string, BusinessCalendar>();

/**
 * contractCalendar({ calendar: { region: '57', timeZone: 'Europe/Paris', closedDates: [], workedHolidays: [] } })
 * → the Moselle calendar (Vendredi saint and 26 December closed); the same object on every call.
 */
export function contractCalendar(contract: Pick<Contract, 'calendar'>): BusinessCalendar {
  const settings = contract?.calendar;
  if (typeof settings !== 'object' || settings === null) throw new TypeError('contract.calendar: expected an object');
  const key = JSON.stringify([
    settings.region ?? '',
    settings.timeZone,
    [...(settings.closedDates ?? [])].sort(),
    [...(settings.workedHolidays ?? [])].sort(),
  ]);
  let calendar = cache.get(key);
  if (calendar) {
    // Most recently used last, so the oldest settings are dropped first.
    cache.delete(key);
    cache.set(key, calendar);
    return calendar;
  }
  try {
    calendar = createCalendar({
      region: settings.region,
      timeZone: settings.timeZone,
      closedDates: settings.closedDates,
      workedHolidays: settings.workedHolidays,
    });
  } catch (error) {
    if (error instanceof Error) error.message = `contract.calendar.${error.message}`;
    throw error;
  }
  cache.set(key, calendar);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value ?? key);
  return calendar;
}
