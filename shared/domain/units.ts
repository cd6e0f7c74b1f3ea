/**
 * Time units (domain.md §3, CP art. 6–7): 1 UT = ¼ hour and every started quarter hour is due;
 * a floating half-day covers every started 3 hours. Durations are measured in whole seconds:
 * segments are summed in milliseconds, then truncated once to the second, so a timer stopped at
 * 15:00.4 is 900 s (1 UT), not 2 UT for 0.4 s nobody can see.
 */
import type { Intervention } from '../schemas';
import { type Seconds, type Units, SECONDS_PER_HALF_DAY, SECONDS_PER_UT, UNITS_PER_TRIP } from './types';
import { isoMillis, nonNegative } from './validate';

/**
 * UT for a worked duration: ceil(s / 900). billableUnits(0) → 0; billableUnits(1) → 1;
 * billableUnits(900) → 1; billableUnits(901) → 2. RangeError for negative or non-finite input.
 */
export function billableUnits(workedSeconds: number): number {
  return Math.ceil(nonNegative(workedSeconds, 'workedSeconds') / SECONDS_PER_UT) as Units;
}

/** Floating half-days for a worked duration: one per started 3 hours. halfDaysFor(10_801) → 2. */
export function halfDaysFor(workedSeconds: number): number {
  return Math.ceil(nonNegative(workedSeconds, 'workedSeconds') / SECONDS_PER_HALF_DAY);
}

/** Trip units: a flat 4 UT per round trip. tripUnitsFor(2) → 8. */
export function tripUnitsFor(trips: number): number {
  if (!Number.isInteger(trips) || trips < 0) throw new RangeError(`trips: expected a whole number ≥ 0 (${trips})`);
  return (trips * UNITS_PER_TRIP) as Units;
}

export type WorkedTime = {
  /** Whole seconds of the closed segments (plus the running one up to `nowMs` when given). */
  seconds: Seconds;
  segments: number;
  /** The last segment has no end. */
  running: boolean;
  /** Earliest segment start, UTC millis; undefined without segments. */
  firstStartMs: number | undefined;
};

/**
 * The measured time of an intervention. A running segment counts up to `nowMs` only when it is
 * given (the live timer), never for the ledger. Raw start/end times are only read, never changed.
 */
export function workedTime(
  intervention: Pick<Intervention, 'id' | 'segments'>,
  nowMs?: number,
  name = `intervention ${intervention.id}`,
): WorkedTime {
  let totalMs = 0;
  let running = false;
  let firstStartMs: number | undefined;
  intervention.segments.forEach((segment, index) => {
    const start = isoMillis(segment.start, `${name}.segments[${index}].start`);
    if (firstStartMs === undefined || start < firstStartMs) firstStartMs = start;
    if (segment.end === undefined) {
      running = true;
      if (nowMs !== undefined && nowMs > start) totalMs += nowMs - start;
      return;
    }
    const end = isoMillis(segment.end, `${name}.segments[${index}].end`);
    if (end < start) throw new RangeError(`${name}.segments[${index}].end: a segment cannot end before it starts`);
    totalMs += end - start;
  });
  return {
    seconds: Math.floor(totalMs / 1000) as Seconds,
    segments: intervention.segments.length,
    running,
    firstStartMs,
  };
}
