/**
 * The business calendar of a contract (domain.md §1, contract art. 1 "Définitions", CG art. 9).
 *
 * - Jours ouvrés: Monday–Friday minus public holidays and the contract's extra closed dates;
 *   a holiday listed in `workedHolidays` is worked anyway (journée de solidarité).
 * - Jours ouvrables: Monday–Saturday with the same exceptions.
 * - Heures ouvrées: 08:30–12:00 and 14:00–18:00 on jours ouvrés (used for every delay).
 * - Heures ouvrables: 08:30–18:00 on jours ouvrables (shown only).
 *
 * Days are local days of the calendar's time zone (default Europe/Paris). Each day is computed
 * once per calendar and kept as UTC millis: local midnight, the next local midnight and the
 * business periods. Wall clock → UTC goes through luxon; on a day whose UTC offset does not
 * change (all but two a year in Paris) the boundaries are midnight + wall-clock minutes, on a
 * daylight-saving day each boundary is asked from luxon.
 */
import { DateTime, IANAZone } from 'luxon';
import { normalizeRegion, publicHolidays } from './holidays';
import { DEFAULT_TIME_ZONE } from './types';
import { checkArray, checkDay } from './validate';

const MS_PER_DAY = 86_400_000;
/** Heures ouvrées as local minutes of the day: 08:30–12:00, 14:00–18:00. */
export const BUSINESS_PERIODS = [
  [8 * 60 + 30, 12 * 60],
  [14 * 60, 18 * 60],
] as const;
/** Heures ouvrables: 08:30–18:00. */
export const WORKABLE_PERIODS = [[8 * 60 + 30, 18 * 60]] as const;

export type CalendarOptions = {
  /** A French département/region code known to date-holidays, e.g. '57', '67', '68' (Alsace-Moselle). */
  region?: string | undefined;
  /** IANA time zone, default 'Europe/Paris'. */
  timeZone?: string | undefined;
  /** Extra closed days of the contract, `YYYY-MM-DD`. */
  closedDates?: readonly string[] | undefined;
  /** Public holidays worked anyway, `YYYY-MM-DD`. */
  workedHolidays?: readonly string[] | undefined;
};

/** One business period of a day: UTC millis, and the local minute of day it starts at. */
export type BusinessPeriod = { readonly start: number; readonly end: number; readonly localStart: number };

/** A local day with its business periods as UTC millis. */
export type CalendarDay = {
  /** Days since 1970-01-01 of the local date (not of UTC). */
  readonly dayNumber: number;
  readonly day: string;
  /** Local midnight and the next local midnight, UTC millis. */
  readonly startMs: number;
  readonly endMs: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** French name of the public holiday falling that day, even when it is worked. */
  readonly holiday: string | undefined;
  readonly closed: boolean;
  readonly working: boolean;
  readonly workable: boolean;
  /** Heures ouvrées of the day in order; empty when the day is not a jour ouvré. */
  readonly periods: readonly BusinessPeriod[];
  /** False on a day where a period holds a UTC offset change: local times then come from luxon. */
  readonly periodsAreWallClock: boolean;
};

export type BusinessCalendar = {
  readonly timeZone: string;
  readonly region: string | undefined;
  readonly closedDates: ReadonlySet<string>;
  readonly workedHolidays: ReadonlySet<string>;
};

type Internals = { zone: IANAZone; days: Map<number, CalendarDay> };
const internals = new WeakMap<BusinessCalendar, Internals>();

/**
 * A calendar for business-time arithmetic. createCalendar() → mainland France, Europe/Paris;
 * createCalendar({ region: '67' }) adds Vendredi saint and 26 December.
 * Throws RangeError naming the option at fault (unknown region or time zone, invalid day).
 */
export function createCalendar(options: CalendarOptions = {}): BusinessCalendar {
  if (typeof options !== 'object' || options === null) throw new TypeError('options: expected an object');
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (typeof timeZone !== 'string' || !IANAZone.isValidZone(timeZone)) {
    throw new RangeError(`timeZone: unknown time zone "${String(timeZone)}"`);
  }
  const region = normalizeRegion(options.region);
  const days = (list: readonly string[] | undefined, name: string): ReadonlySet<string> => {
    if (list !== undefined) checkArray(list, name);
    return new Set((list ?? []).map((day, index) => checkDay(day, `${name}[${index}]`)));
  };
  const calendar: BusinessCalendar = Object.freeze({
    timeZone,
    region,
    closedDates: days(options.closedDates, 'closedDates'),
    workedHolidays: days(options.workedHolidays, 'workedHolidays'),
  });
  internals.set(calendar, { zone: IANAZone.create(timeZone), days: new Map() });
  return calendar;
}

function internalsOf(calendar: BusinessCalendar): Internals {
  const found = internals.get(calendar);
  if (!found) throw new TypeError('calendar: expected a calendar made by createCalendar');
  return found;
}

/** The local day number of a `YYYY-MM-DD` string (days since 1970-01-01). */
export function dayNumberOf(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / MS_PER_DAY;
}

/** The day of the calendar numbered `dayNumber`, computed once. */
export function calendarDay(calendar: BusinessCalendar, dayNumber: number): CalendarDay {
  const inner = internalsOf(calendar);
  let record = inner.days.get(dayNumber);
  if (!record) {
    record = computeDay(calendar, inner.zone, dayNumber);
    inner.days.set(dayNumber, record);
  }
  return record;
}

/** The local day holding the instant `ms` (UTC millis). */
export function dayOfInstant(calendar: BusinessCalendar, ms: number): CalendarDay {
  // Local and UTC dates differ by at most one day (offsets are within ±14 h).
  const utcDay = Math.floor(ms / MS_PER_DAY);
  const record = calendarDay(calendar, utcDay);
  if (ms < record.startMs) return calendarDay(calendar, utcDay - 1);
  if (ms >= record.endMs) return calendarDay(calendar, utcDay + 1);
  return record;
}

function computeDay(calendar: BusinessCalendar, zone: IANAZone, dayNumber: number): CalendarDay {
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const dayOfMonth = date.getUTCDate();
  const day = date.toISOString().slice(0, 10);
  const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  const wall = (minuteOfDay: number): number =>
    DateTime.fromObject(
      { year, month, day: dayOfMonth, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 },
      { zone },
    ).toMillis();

  const startMs = wall(0);
  // One offset from just before midnight to the next midnight → wall-clock arithmetic is exact
  // (this also catches zones whose clocks skip midnight itself); otherwise ask luxon.
  const steady = zone.offset(startMs - 1) === zone.offset(startMs + MS_PER_DAY);
  const at = (minuteOfDay: number): number => (steady ? startMs + minuteOfDay * 60_000 : wall(minuteOfDay));
  const endMs = steady
    ? startMs + MS_PER_DAY
    : DateTime.fromObject({ year, month, day: dayOfMonth }, { zone }).plus({ days: 1 }).startOf('day').toMillis();

  const holiday = publicHolidays(year, calendar.region).get(day);
  const closed = calendar.closedDates.has(day) || (holiday !== undefined && !calendar.workedHolidays.has(day));
  const working = weekday <= 5 && !closed;
  const workable = weekday <= 6 && !closed;

  const periods: BusinessPeriod[] = [];
  let periodsAreWallClock = true;
  if (working) {
    for (const [from, to] of BUSINESS_PERIODS) {
      const start = at(from);
      const end = at(to);
      if (end - start !== (to - from) * 60_000) periodsAreWallClock = false;
      periods.push({ start, end, localStart: from });
    }
  }
  return {
    dayNumber,
    day,
    startMs,
    endMs,
    weekday,
    holiday,
    closed,
    working,
    workable,
    periods,
    periodsAreWallClock,
  };
}

/** Local wall-clock 'HH:mm' of an instant inside the business period `period` of `record`. */
export function localHourMinute(
  calendar: BusinessCalendar,
  record: CalendarDay,
  period: BusinessPeriod,
  ms: number,
): string {
  if (record.periodsAreWallClock) {
    return hhmm(period.localStart + Math.floor((ms - period.start) / 60_000));
  }
  return DateTime.fromMillis(ms, { zone: internalsOf(calendar).zone }).toFormat('HH:mm');
}

/**
 * Jour ouvré (Monday–Friday, not a public holiday unless worked, not a closed date).
 * isWorkingDay(cal, '2026-05-25') → false (Lundi de Pentecôte), unless listed in workedHolidays.
 */
export function isWorkingDay(calendar: BusinessCalendar, day: string): boolean {
  return calendarDay(calendar, dayNumberOf(checkDay(day, 'day'))).working;
}

/** Jour ouvrable (Monday–Saturday, same exceptions). isWorkableDay(cal, '2026-11-28') → true (a Saturday). */
export function isWorkableDay(calendar: BusinessCalendar, day: string): boolean {
  return calendarDay(calendar, dayNumberOf(checkDay(day, 'day'))).workable;
}

/** The public holiday's French name on `day`, or undefined. holidayName(cal, '2026-07-14') → 'Fête Nationale de la France'. */
export function holidayName(calendar: BusinessCalendar, day: string): string | undefined {
  return calendarDay(calendar, dayNumberOf(checkDay(day, 'day'))).holiday;
}

/** The local `YYYY-MM-DD` of an instant. localDay(cal, 2026-11-27T23:30Z) → '2026-11-28' in Paris. */
export function localDay(calendar: BusinessCalendar, ms: number): string {
  return dayOfInstant(calendar, ms).day;
}

/**
 * Opening hours of a local day as 'HH:mm' periods: heures ouvrées (for delays) or heures
 * ouvrables (shown only). dayHours(cal, '2026-11-28', 'ouvrables') → [{ from: '08:30', to: '18:00' }].
 */
export function dayHours(
  calendar: BusinessCalendar,
  day: string,
  kind: 'ouvrees' | 'ouvrables' = 'ouvrees',
): { from: string; to: string }[] {
  const record = calendarDay(calendar, dayNumberOf(checkDay(day, 'day')));
  const open = kind === 'ouvrees' ? record.working : record.workable;
  if (!open) return [];
  const periods = kind === 'ouvrees' ? BUSINESS_PERIODS : WORKABLE_PERIODS;
  return periods.map(([from, to]) => ({ from: hhmm(from), to: hhmm(to) }));
}

// Explanations of thousands of deadlines reuse these 1,440 strings rather than build each again.
const HOUR_MINUTE = Array.from(
  { length: 24 * 60 },
  (_, minute) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
);

function hhmm(minuteOfDay: number): string {
  return HOUR_MINUTE[minuteOfDay] ?? '00:00';
}
