/**
 * GTR — garantie de temps de rétablissement, 4 h 30 (domain.md §2.2, CG art. 4.2 and 4.4).
 * The clock runs in heures ouvrées from the client's notification of the interruption to the
 * provider's notification of restoration. Overrun = business duration − guarantee; the penalty
 * is a share of that month's hosting invoice (HT):
 *
 *   overrun ≤ 0 → 0 %;  0 < overrun ≤ 4 h → 10 %;  4 h < overrun ≤ 8 h → 20 %;  overrun > 8 h → 30 %.
 *
 * Scheduled or excluded interruptions (CG 4.1, 4.5) owe no penalty: the caller leaves them out
 * (see `interruptionFactsOf`), this module measures.
 */
import type { Ticket } from '../schemas';
import { type BusinessCalendar } from './calendar';
import { addBusinessMillis, businessDayCountsMs, businessMillisBetween } from './business-time';
import { type BusinessDayCount, DEFAULT_GTR_MINUTES, MS_PER_MINUTE } from './types';
import { instantMillis, isoMillis, positive } from './validate';

export type GtrRate = 0 | 0.1 | 0.2 | 0.3;

export type GtrResult = {
  /** notifiedAt + guarantee in heures ouvrées. */
  deadline: Date;
  /** Business minutes from notification to restoration (or to now while not restored). */
  businessMinutes: number;
  /** Business minutes beyond the guarantee, 0 when within it. */
  overrunMinutes: number;
  /** The tier reached; provisional while not restored. */
  rate: GtrRate;
  restored: boolean;
  explanation: BusinessDayCount[];
};

/** The tier of an overrun in business minutes. gtrRateForOverrun(240) → 0.1; gtrRateForOverrun(240.5) → 0.2. */
export function gtrRateForOverrun(overrunMinutes: number): GtrRate {
  if (overrunMinutes <= 0) return 0;
  if (overrunMinutes <= 4 * 60) return 0.1;
  if (overrunMinutes <= 8 * 60) return 0.2;
  return 0.3;
}

/**
 * GTR of one interruption as seen at `now`.
 * gtr(cal, Mon 09:00, Mon 16:00, now) → deadline Mon 15:30, businessMinutes 300,
 * overrunMinutes 30, rate 0.1 (09:00–12:00 and 14:00–16:00).
 */
export function gtr(
  calendar: BusinessCalendar,
  notifiedAt: Date,
  restoredAt: Date | undefined,
  now: Date,
  guaranteeMinutes: number = DEFAULT_GTR_MINUTES,
): GtrResult {
  const notifiedMs = instantMillis(notifiedAt, 'notifiedAt');
  const restoredMs = restoredAt === undefined ? undefined : instantMillis(restoredAt, 'restoredAt');
  const nowMs = instantMillis(now, 'now');
  const guaranteeMs = Math.round(positive(guaranteeMinutes, 'guaranteeMinutes') * MS_PER_MINUTE);
  if (restoredMs !== undefined && restoredMs < notifiedMs) {
    throw new RangeError('restoredAt: restoration cannot come before the notification');
  }
  const endMs = restoredMs ?? nowMs;
  const businessMs = businessMillisBetween(calendar, notifiedMs, endMs);
  const overrunMinutes = Math.max(0, businessMs - guaranteeMs) / MS_PER_MINUTE;
  return {
    deadline: new Date(addBusinessMillis(calendar, notifiedMs, guaranteeMs)),
    businessMinutes: businessMs / MS_PER_MINUTE,
    overrunMinutes,
    rate: gtrRateForOverrun(overrunMinutes),
    restored: restoredMs !== undefined,
    explanation: businessDayCountsMs(calendar, notifiedMs, endMs),
  };
}

/**
 * The GTR penalty rate of a restored interruption: 0, 0.1, 0.2 or 0.3.
 * gtrPenaltyRate(cal, Mon 09:00, Tue 09:00) → 0.1 (450 business minutes, overrun 3 h).
 */
export function gtrPenaltyRate(
  calendar: BusinessCalendar,
  notifiedAt: Date,
  restoredAt: Date,
  guaranteeMinutes: number = DEFAULT_GTR_MINUTES,
): GtrRate {
  const restoredMs = instantMillis(restoredAt, 'restoredAt');
  return gtr(calendar, notifiedAt, new Date(restoredMs), new Date(restoredMs), guaranteeMinutes).rate;
}

/** The facts of an interruption as GTR and IMS need them (domain.md §2.3). */
export type InterruptionFacts = {
  id: string;
  notifiedAt: Date;
  restoredAt: Date | undefined;
  /** "Interruption programmée": agreed or announced, counted neither for GTR nor IMS. */
  scheduled: boolean;
  /** Excluded for a reason of CG 4.5 (force majeure, third party…): no GTR penalty, no IMS. */
  excluded: boolean;
};

/**
 * The GTR of an interruption ticket's facts: measured as `gtr` does, with no penalty owed when it
 * was scheduled (CG 4.1) or excluded (CG 4.5).
 * interruptionGtr(cal, { …, excluded: true }, now) → { …, rate: 0, owed: false, reason: 'excluded' }.
 */
export function interruptionGtr(
  calendar: BusinessCalendar,
  facts: InterruptionFacts,
  now: Date,
  guaranteeMinutes: number = DEFAULT_GTR_MINUTES,
): GtrResult & { owed: boolean; reason: 'scheduled' | 'excluded' | undefined } {
  const result = gtr(calendar, facts.notifiedAt, facts.restoredAt, now, guaranteeMinutes);
  const reason = facts.scheduled ? 'scheduled' : facts.excluded ? 'excluded' : undefined;
  return reason === undefined ? { ...result, owed: true, reason } : { ...result, rate: 0, owed: false, reason };
}

/**
 * The interruption facts of a ticket, or undefined when the ticket is not an interruption.
 * interruptionFactsOf({ id: 'tk-1', interruption: { notifiedAt: '2026-11-30T08:00:00Z', scheduled: false,
 * exclusionReason: 'telecom_operator' } }) → { id: 'tk-1', notifiedAt: 2026-11-30T08:00Z, restoredAt: undefined,
 * scheduled: false, excluded: true }.
 */
export function interruptionFactsOf(ticket: Pick<Ticket, 'id' | 'interruption'>): InterruptionFacts | undefined {
  const interruption = ticket.interruption;
  if (!interruption) return undefined;
  const restoredAt = interruption.restoredAt;
  return {
    id: ticket.id,
    notifiedAt: new Date(isoMillis(interruption.notifiedAt, 'ticket.interruption.notifiedAt')),
    restoredAt:
      restoredAt === undefined ? undefined : new Date(isoMillis(restoredAt, 'ticket.interruption.restoredAt')),
    scheduled: interruption.scheduled,
    excluded: interruption.exclusionReason !== undefined,
  };
}
