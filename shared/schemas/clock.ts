/**
 * The date window of every schema (docs/domain-decisions.md D-31) and the clock its upper bound
 * is read from. Zod cannot hand a parse its own context, so `withSchemaClock` sets the clock for
 * the duration of one synchronous parse: the server passes its own time, a device its own
 * (`validateDocument`'s `now`), and a bare `schema.parse` reads `Date.now()` at that moment —
 * never a time frozen when the module was loaded.
 */

/**
 * Earliest instant: a day before 1 January 2000 UTC, so that midnight of 1 January 2000 in
 * every time zone — the block-1 invoice of a contract starting on EARLIEST_DAY — is inside.
 */
export const EARLIEST_INSTANT = '1999-12-31T00:00:00.000Z';
export const EARLIEST_INSTANT_MS = Date.parse(EARLIEST_INSTANT);
/** Latest instant, ahead of the validating clock: 366 days (a year, leap years included). */
export const MAX_AHEAD_MS = 366 * 86_400_000;
/** Calendar days (contract dates, expiries, closures): a fixed window; warranties run years ahead. */
export const EARLIEST_DAY = '2000-01-01';
export const LATEST_DAY = '2099-12-31';

let clock: number | null = null;

/** The validating clock in ms: the one `withSchemaClock` set, else the current time. */
export function schemaNow(): number {
  return clock ?? Date.now();
}

/** Runs a synchronous validation against the clock `now` (ms since the epoch). */
export function withSchemaClock<T>(now: number, run: () => T): T {
  const previous = clock;
  clock = now;
  try {
    return run();
  } finally {
    clock = previous;
  }
}
