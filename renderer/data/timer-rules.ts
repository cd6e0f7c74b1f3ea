/**
 * When a running timer must stop counting on its own say-so. A timer forgotten overnight would
 * bill the night; instead, once it has run past the end of the working day it started on
 * (18:00 in the contract's time zone) — with at least four hours of grace for work started late
 * in the day — the app asks the technician when the work really ended.
 */
import { DateTime } from 'luxon';
import type { Segment } from '../../shared/schemas';

export const WORKDAY_END = { hour: 18, minute: 0 } as const;
const MIN_GRACE_MS = 4 * 3600_000;

/** The instant from which a timer started at `start` needs the technician's confirmation. */
export function confirmationThreshold(start: Date, timeZone = 'Europe/Paris'): Date {
  const dayEnd = DateTime.fromJSDate(start, { zone: timeZone }).set({ ...WORKDAY_END, second: 0, millisecond: 0 });
  return new Date(Math.max(dayEnd.toMillis(), start.getTime() + MIN_GRACE_MS));
}

export function needsEndConfirmation(segments: readonly Segment[], now: Date, timeZone = 'Europe/Paris'): boolean {
  const last = segments.at(-1);
  if (!last || last.end !== undefined) return false;
  return now.getTime() > confirmationThreshold(new Date(last.start), timeZone).getTime();
}

/** Seconds of work in the segments, the open one counted up to `now`. */
export function elapsedSeconds(segments: readonly Segment[], now: Date): number {
  let ms = 0;
  for (const segment of segments) {
    const end = segment.end ? Date.parse(segment.end) : now.getTime();
    ms += Math.max(0, end - Date.parse(segment.start));
  }
  return Math.floor(ms / 1000);
}

export function isRunning(segments: readonly Segment[]): boolean {
  const last = segments.at(-1);
  return last !== undefined && last.end === undefined;
}
