/**
 * The intervention commitment of module A (domain.md §2.1, CP art. 2, CG art. 9): the first
 * intervention on a ticket must start within 30 business minutes (a per-contract target) of the
 * call's reception by the hotline.
 *
 * States: `running` until the deadline passes with no intervention started (remaining business
 * minutes shown), `met` once the first intervention started at or before the deadline,
 * `breached` once it started after it — or once the deadline passed with none started.
 */
import type { Intervention } from '../schemas';
import { type BusinessCalendar } from './calendar';
import { addBusinessMillis, businessDayCountsMs, businessMillisBetween } from './business-time';
import { type BusinessDayCount, DEFAULT_INTERVENTION_TARGET_MINUTES, MS_PER_MINUTE } from './types';
import { checkArray, instantMillis, isoMillis, positive } from './validate';

export type CommitmentState = 'running' | 'met' | 'breached';

export type InterventionCommitment = {
  deadline: Date;
  state: CommitmentState;
  /** Business minutes left until the deadline while running (0 at the deadline itself), else 0. */
  remainingMinutes: number;
  /** Business minutes from receivedAt to (firstStart ?? now). */
  elapsedMinutes: number;
  /** elapsedMinutes day by day. */
  explanation: BusinessDayCount[];
  targetMinutes: number;
  /** How the deadline was reached: the target's business minutes day by day. */
  deadlineExplanation: BusinessDayCount[];
};

/**
 * First instant work started on a ticket: the earliest segment start of its interventions (timer
 * started or on-site arrival); undefined when none has a segment.
 * firstInterventionStart([{ segments: [{ start: '2026-11-27T09:10:00Z', … }] }]) → 2026-11-27T09:10Z.
 */
export function firstInterventionStart(interventions: readonly Pick<Intervention, 'segments'>[]): Date | undefined {
  checkArray(interventions, 'interventions');
  let first = Number.POSITIVE_INFINITY;
  interventions.forEach((intervention, i) => {
    intervention.segments.forEach((segment, j) => {
      const start = isoMillis(segment.start, `interventions[${i}].segments[${j}].start`);
      if (start < first) first = start;
    });
  });
  return first === Number.POSITIVE_INFINITY ? undefined : new Date(first);
}

/**
 * The commitment of one ticket as seen at `now`.
 * interventionCommitment(cal, Fri 17:45, undefined, Fri 17:50) →
 * { deadline: Mon 08:45, state: 'running', remainingMinutes: 25, elapsedMinutes: 5, … };
 * with a first start on Mon 08:40 → state 'met'; with none and now = Mon 09:00 → 'breached'.
 */
export function interventionCommitment(
  calendar: BusinessCalendar,
  receivedAt: Date,
  firstStart: Date | undefined,
  now: Date,
  targetMinutes: number = DEFAULT_INTERVENTION_TARGET_MINUTES,
): InterventionCommitment {
  const receivedMs = instantMillis(receivedAt, 'receivedAt');
  const startMs = firstStart === undefined ? undefined : instantMillis(firstStart, 'firstStart');
  const nowMs = instantMillis(now, 'now');
  const targetMs = Math.round(positive(targetMinutes, 'targetMinutes') * MS_PER_MINUTE);

  const deadlineMs = addBusinessMillis(calendar, receivedMs, targetMs);
  const untilMs = startMs ?? nowMs;
  let state: CommitmentState;
  let remaining = 0;
  if (startMs !== undefined) state = startMs <= deadlineMs ? 'met' : 'breached';
  else if (nowMs > deadlineMs) state = 'breached';
  else {
    state = 'running';
    remaining = businessMillisBetween(calendar, nowMs, deadlineMs);
  }
  return {
    deadline: new Date(deadlineMs),
    state,
    remainingMinutes: remaining / MS_PER_MINUTE,
    elapsedMinutes: businessMillisBetween(calendar, receivedMs, untilMs) / MS_PER_MINUTE,
    explanation: businessDayCountsMs(calendar, receivedMs, untilMs),
    targetMinutes,
    deadlineExplanation: businessDayCountsMs(calendar, receivedMs, deadlineMs),
  };
}
