/**
 * Time units (domain.md §3, CP art. 6–7): 1 UT = ¼ hour and every started quarter hour is due;
 * a floating half-day covers every started 3 hours. Durations are measured in whole seconds:
 * segments are summed in milliseconds, then truncated once to the second, so a timer stopped at
 * 15:00.4 is 900 s (1 UT), not 2 UT for 0.4 s nobody can see.
 */
import type { Intervention } from '../schemas';
import { type Seconds, type Units, SECONDS_PER_HALF_DAY, SECONDS_PER_UT, UNITS_PER_TRIP } from './types';
import { isoMillis, nonNegative, parseInstant } from './validate';

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
 * workedTime({ segments: [09:00–09:20, 09:30–09:31:05] }) → { seconds: 1265, segments: 2, … }.
 */
export function workedTime(
  intervention: Pick<Intervention, 'id' | 'segments'>,
  nowMs?: number,
  /** How errors name the intervention: a path such as 'intervention', or its index in `interventions`. */
  name?: string | number,
): WorkedTime {
  return measureInto(
    { seconds: 0 as Seconds, segments: 0, running: false, firstStartMs: undefined },
    intervention,
    nowMs,
    name,
  );
}

/** workedTime written into `out` (reused by the ledger's loop to allocate nothing per intervention). */
export function measureInto(
  out: WorkedTime,
  intervention: Pick<Intervention, 'id' | 'segments'>,
  nowMs: number | undefined,
  name: string | number | undefined,
): WorkedTime {
  let totalMs = 0;
  let running = false;
  let firstStartMs = Number.POSITIVE_INFINITY;
  const segments = intervention.segments;
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index];
    if (segment === undefined) continue;
    const start = parseInstant(segment.start);
    if (Number.isNaN(start)) isoMillis(segment.start, segmentField(intervention, name, index, 'start'));
    if (start < firstStartMs) firstStartMs = start;
    if (segment.end === undefined) {
      running = true;
      if (nowMs !== undefined && nowMs > start) totalMs += nowMs - start;
      continue;
    }
    const end = parseInstant(segment.end);
    if (Number.isNaN(end)) isoMillis(segment.end, segmentField(intervention, name, index, 'end'));
    if (end < start) {
      throw new RangeError(`${segmentField(intervention, name, index, 'end')}: a segment cannot end before it starts`);
    }
    totalMs += end - start;
  }
  out.seconds = Math.floor(totalMs / 1000) as Seconds;
  out.segments = segments.length;
  out.running = running;
  out.firstStartMs = firstStartMs === Number.POSITIVE_INFINITY ? undefined : firstStartMs;
  return out;
}

// Field names for errors are built only on failure (no closure per call): a ledger reads
// hundreds of thousands of segments.
function segmentField(
  intervention: Pick<Intervention, 'id'>,
  name: string | number | undefined,
  index: number,
  key: 'start' | 'end',
): string {
  const path =
    name === undefined ? `intervention ${intervention.id}` : typeof name === 'number' ? `interventions[${name}]` : name;
  return `${path}.segments[${index}].${key}`;
}
