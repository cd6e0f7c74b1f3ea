/**
 * Billing of one intervention (domain.md §3): raw time beside billed units, coverage by the
 * rules of §3.1, and what is deducted from the UT and half-day credits.
 *
 * The unit of rounding is the intervention: segments are summed, then rounded once. Under the
 * hotline allowance (module G) the 30 included minutes per ticket are consumed by the ticket's
 * hotline/telemaintenance interventions in the order they started (first segment start, then id);
 * what exceeds the allowance is rounded up to UT per intervention.
 */
import type { Contract, Equipment, Intervention, Ticket } from '../schemas';
import { type ExplanationLine, lines } from './billing-text';
import { type Coverage, type CoverageDecision, decideCoverage } from './coverage';
import { HOTLINE_ALLOWANCE_SECONDS, SECONDS_PER_HALF_DAY, SECONDS_PER_UT, UNITS_PER_TRIP } from './types';
import { type WorkedTime, workedTime } from './units';
import { checkArray, instantMillis } from './validate';

export type BilledIntervention = {
  interventionId: string;
  /** Whole seconds of closed segments (a running one counts up to `now` only when billing is asked with a now). */
  rawSeconds: number;
  /** billableUnits(rawSeconds): what the time is worth, whatever covers it. */
  workUnits: number;
  /** trips × 4 when travel is billed; 0 when a forfait or a half-day includes travel. */
  tripUnits: number;
  coverage: Coverage;
  /** Hotline allowance consumed by this intervention, in seconds (rule 4). */
  allowanceSecondsUsed: number;
  /** Deducted from the UT credit (0 when covered). */
  utConsumed: number;
  /** Deducted from the half-day credit. */
  halfDaysConsumed: number;
  explanation: ExplanationLine[];
};

export type BillingFacts = {
  contract: Contract;
  ticket: Ticket | undefined;
  /** The ticket's equipment, when it has one and it is known. */
  equipment: Equipment | undefined;
  intervention: Intervention;
  worked: WorkedTime;
  decision: CoverageDecision;
  /** Hotline allowance already consumed on the ticket by interventions that started earlier. */
  allowanceUsedBefore: number;
  /** A running segment was counted up to now (live timer). */
  live: boolean;
};

/** Bills one intervention whose time, coverage and prior allowance use are known. */
export function billFromFacts(facts: BillingFacts): BilledIntervention {
  const { intervention, worked, decision } = facts;
  const raw = worked.seconds;
  const workUnits = Math.ceil(raw / SECONDS_PER_UT);
  const trips = intervention.trips;
  const explanation: ExplanationLine[] = [lines.measured(raw, worked.segments)];
  if (worked.running && facts.live) explanation.push(lines.running());
  explanation.push(lines.workUnits(workUnits));
  for (const note of decision.notes) {
    if (note === 'ticket_missing') explanation.push(lines.ticketMissing(intervention.ticketId));
    else if (note === 'out_of_scope') explanation.push(lines.outOfScope());
    else explanation.push(lines.halfDayWithoutCredit());
  }

  let tripUnits = 0;
  let utConsumed = 0;
  let halfDaysConsumed = 0;
  let allowanceSecondsUsed = 0;
  switch (decision.coverage) {
    case 'planned_service':
      explanation.push(lines.plannedService(facts.ticket?.plannedService ?? ''));
      break;
    case 'forfait_servers_network':
      explanation.push(lines.serversNetwork(facts.equipment?.name ?? '', facts.equipment?.kind ?? ''));
      break;
    case 'forfait_pc':
      explanation.push(lines.pc(facts.equipment?.name ?? ''));
      break;
    case 'hotline_allowance': {
      const left = Math.max(0, HOTLINE_ALLOWANCE_SECONDS - facts.allowanceUsedBefore);
      allowanceSecondsUsed = Math.min(raw, left);
      const excess = raw - allowanceSecondsUsed;
      const excessUnits = Math.ceil(excess / SECONDS_PER_UT);
      tripUnits = trips * UNITS_PER_TRIP;
      utConsumed = excessUnits + tripUnits;
      explanation.push(lines.hotline(facts.allowanceUsedBefore, allowanceSecondsUsed, excess, excessUnits));
      if (tripUnits > 0) explanation.push(lines.tripUnits(trips, tripUnits), lines.ut(excessUnits, tripUnits));
      break;
    }
    case 'half_day':
      halfDaysConsumed = Math.ceil(raw / SECONDS_PER_HALF_DAY);
      explanation.push(lines.halfDay(raw, halfDaysConsumed));
      break;
    case 'ut':
      tripUnits = trips * UNITS_PER_TRIP;
      utConsumed = workUnits + tripUnits;
      if (tripUnits > 0) explanation.push(lines.tripUnits(trips, tripUnits));
      explanation.push(lines.ut(workUnits, tripUnits));
      break;
  }
  const travelIncluded = decision.coverage !== 'ut' && decision.coverage !== 'hotline_allowance';
  if (travelIncluded && trips > 0) explanation.push(lines.tripsIncluded(trips));
  return {
    interventionId: intervention.id,
    rawSeconds: raw,
    workUnits,
    tripUnits,
    coverage: decision.coverage,
    allowanceSecondsUsed,
    utConsumed,
    halfDaysConsumed,
    explanation,
  };
}

/** The ticket's equipment if the ticket names one and it is in `equipment`. */
export function equipmentOf(ticket: Ticket | undefined, equipment: Equipment | undefined): Equipment | undefined {
  if (ticket?.equipmentId === undefined || equipment === undefined) return undefined;
  return equipment.id === ticket.equipmentId ? equipment : undefined;
}

/** Orders a ticket's interventions for the hotline allowance: first segment start, then id. */
export function byStart(a: { startMs: number; id: string }, b: { startMs: number; id: string }): number {
  return a.startMs - b.startMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Bills one intervention given its ticket's other interventions, for the live timer bar.
 * With module G active, a 20-minute hotline call after a 15-minute one on the same ticket →
 * allowanceSecondsUsed 900, utConsumed 1 (5 minutes beyond the 30 included).
 */
export function billIntervention(input: {
  contract: Contract;
  ticket: Ticket;
  equipment: Equipment | undefined;
  intervention: Intervention;
  earlierOnTicket: readonly Intervention[];
  now?: Date | undefined;
}): BilledIntervention {
  const { contract, ticket, intervention } = input;
  const nowMs = input.now === undefined ? undefined : instantMillis(input.now, 'now');
  const equipment = equipmentOf(ticket, input.equipment);
  const worked = workedTime(intervention, nowMs, 'intervention');
  const decision = decideCoverage({ contract, ticket, equipment, intervention });
  let usedBefore = 0;
  if (decision.coverage === 'hotline_allowance') {
    checkArray(input.earlierOnTicket, 'earlierOnTicket');
    const replaced = new Set<string>();
    for (const other of [...input.earlierOnTicket, intervention]) {
      if (other.correctionOf !== undefined) replaced.add(other.correctionOf);
    }
    const self = { startMs: worked.firstStartMs ?? Number.POSITIVE_INFINITY, id: intervention.id };
    input.earlierOnTicket.forEach((other, i) => {
      if (other.id === intervention.id || other.ticketId !== intervention.ticketId || replaced.has(other.id)) return;
      if (decideCoverage({ contract, ticket, equipment, intervention: other }).coverage !== 'hotline_allowance') return;
      const time = workedTime(other, nowMs, `earlierOnTicket[${i}]`);
      if (byStart({ startMs: time.firstStartMs ?? Number.POSITIVE_INFINITY, id: other.id }, self) >= 0) return;
      usedBefore += time.seconds;
    });
  }
  return billFromFacts({
    contract,
    ticket,
    equipment,
    intervention,
    worked,
    decision,
    allowanceUsedBefore: Math.min(usedBefore, HOTLINE_ALLOWANCE_SECONDS),
    live: nowMs !== undefined,
  });
}
