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
/** The zone's offset from UTC at an instant, in milliseconds (Paris winter: 3,600,000). */
export declare function offsetAt(timeZone: string, ms: number): number;
export type DayResolver = (ms: number) => number;
/**
 * A function giving the local day number of an instant in `timeZone`, with its own offset cache.
 * dayResolver('Europe/Paris')(Date.parse('2026-12-31T23:30:00Z')) → dayNumberOf('2027-01-01').
 */
export declare function dayResolver(timeZone: string): DayResolver;
/** dayNumberOf('1970-01-02') → 1. Throws a RangeError naming `name` for anything but a real day. */
export declare function dayNumberOf(day: string, name?: string): number;
/** isoOfDayNumber(0) → '1970-01-01'. */
export declare function isoOfDayNumber(dayNumber: number): string;
/** Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday). */
export declare function weekdayOf(dayNumber: number): number;
/** Year and month (1–12) of a day number. */
export declare function yearMonthOf(dayNumber: number): {
  year: number;
  month: number;
};
/** The local day of an instant, as YYYY-MM-DD: localIsoDay('Europe/Paris', Date.parse('2026-03-29T22:30:00Z')) → '2026-03-30'. */
export declare function localIsoDay(timeZone: string, ms: number): string;
