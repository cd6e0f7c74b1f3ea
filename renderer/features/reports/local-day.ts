/**
 * Calendar days of instants in a time zone, fast enough for a year of interventions.
 *
 * Reports bucket 100,000 instants by their Paris day. `Intl.DateTimeFormat` costs microseconds a
 * call, so the zone's UTC offset is looked up once per UTC day and reused for every instant of
 * that day. A day whose offset differs at its start and its end (a daylight-saving change: two
 * days a year) is not cached: its instants are resolved one by one.
 *
 * A day is an integer "day number": days since 1970-01-01 (day 0). ISO days convert both ways.
 */

const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError naming the zone when it is unknown.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at an instant, in milliseconds (Paris winter: 3,600,000). */
export function offsetAt(timeZone: string, ms: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

export type DayResolver = (ms: number) => number;

/**
 * A function giving the local day number of an instant in `timeZone`, with its own offset cache.
 * dayResolver('Europe/Paris')(Date.parse('2026-12-31T23:30:00Z')) → dayNumberOf('2027-01-01').
 */
export function dayResolver(timeZone: string): DayResolver {
  formatterFor(timeZone);
  // Offset per UTC day; NaN marks a day whose offset changes inside it.
  const byDay = new Map<number, number>();
  return (ms: number): number => {
    if (!Number.isFinite(ms)) throw new RangeError(`ms: not an instant (${ms})`);
    const utcDay = Math.floor(ms / MS_PER_DAY);
    let offset = byDay.get(utcDay);
    if (offset === undefined) {
      const start = offsetAt(timeZone, utcDay * MS_PER_DAY);
      const end = offsetAt(timeZone, (utcDay + 1) * MS_PER_DAY - 1);
      offset = start === end ? start : Number.NaN;
      byDay.set(utcDay, offset);
    }
    if (Number.isNaN(offset)) offset = offsetAt(timeZone, ms);
    return Math.floor((ms + offset) / MS_PER_DAY);
  };
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** dayNumberOf('1970-01-02') → 1. Throws a RangeError naming `name` for anything but a real day. */
export function dayNumberOf(day: string, name = 'day'): number {
  const match = typeof day === 'string' ? ISO_DAY.exec(day) : null;
  if (!match) throw new RangeError(`${name}: expected a day as YYYY-MM-DD ("${String(day)}")`);
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const back = new Date(ms);
  if (back.getUTCDate() !== Number(d) || back.getUTCMonth() !== Number(m) - 1) {
    throw new RangeError(`${name}: no such day ("${day}")`);
  }
  return ms / MS_PER_DAY;
}

/** isoOfDayNumber(0) → '1970-01-01'. */
export function isoOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** Year and month (1–12) of a day number. */
export function yearMonthOf(dayNumber: number): { year: number; month: number } {
  const date = new Date(dayNumber * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/** The local day of an instant, as YYYY-MM-DD: localIsoDay('Europe/Paris', Date.parse('2026-03-29T22:30:00Z')) → '2026-03-30'. */
export function localIsoDay(timeZone: string, ms: number): string {
  return isoOfDayNumber(Math.floor((ms + offsetAt(timeZone, ms)) / MS_PER_DAY));
}
