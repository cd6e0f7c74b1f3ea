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
import { checkContract } from './contract-check';
import { type Coverage, coverageNotes, coverageOf } from './coverage';
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
  coverage: Coverage;
  /** Hotline allowance already consumed on the ticket by interventions that started earlier. */
  allowanceUsedBefore: number;
  /** A running segment was counted up to now (live timer). */
  live: boolean;
};

/** The numbers of a bill; `units` computes them into a reused object (the ledger's loop allocates nothing). */
export type BillNumbers = {
  workUnits: number;
  tripUnits: number;
  allowanceSecondsUsed: number;
  utConsumed: number;
  halfDaysConsumed: number;
};

/**
 * What an intervention of `rawSeconds` and `trips` costs under `coverage`, given the hotline
 * allowance its ticket already used. Forfaits (rules 1–3) include work and travel.
 */
export function billNumbers(
  coverage: Coverage,
  rawSeconds: number,
  trips: number,
  allowanceUsedBefore: number,
  out: BillNumbers,
): BillNumbers {
  out.workUnits = Math.ceil(rawSeconds / SECONDS_PER_UT);
  out.tripUnits = 0;
  out.allowanceSecondsUsed = 0;
  out.utConsumed = 0;
  out.halfDaysConsumed = 0;
  if (coverage === 'hotline_allowance') {
    out.allowanceSecondsUsed = Math.min(rawSeconds, Math.max(0, HOTLINE_ALLOWANCE_SECONDS - allowanceUsedBefore));
    out.tripUnits = trips * UNITS_PER_TRIP;
    out.utConsumed = Math.ceil((rawSeconds - out.allowanceSecondsUsed) / SECONDS_PER_UT) + out.tripUnits;
  } else if (coverage === 'half_day') {
    out.halfDaysConsumed = Math.ceil(rawSeconds / SECONDS_PER_HALF_DAY);
  } else if (coverage === 'ut') {
    out.tripUnits = trips * UNITS_PER_TRIP;
    out.utConsumed = out.workUnits + out.tripUnits;
  }
  return out;
}

/** Bills one intervention whose time, coverage and prior allowance use are known. */
export function billFromFacts(facts: BillingFacts): BilledIntervention {
  const { intervention, coverage, worked } = facts;
  const numbers = billNumbers(coverage, worked.seconds, intervention.trips, facts.allowanceUsedBefore, {
    workUnits: 0,
    tripUnits: 0,
    allowanceSecondsUsed: 0,
    utConsumed: 0,
    halfDaysConsumed: 0,
  });
  const bill = {
    interventionId: intervention.id,
    rawSeconds: worked.seconds,
    workUnits: numbers.workUnits,
    tripUnits: numbers.tripUnits,
    coverage,
    allowanceSecondsUsed: numbers.allowanceSecondsUsed,
    utConsumed: numbers.utConsumed,
    halfDaysConsumed: numbers.halfDaysConsumed,
  };
  return {
    ...bill,
    explanation: explain(bill, {
      ...facts,
      segments: worked.segments,
      liveRunning: worked.running && facts.live,
      usedBefore: facts.allowanceUsedBefore,
    }),
  };
}

type ExplainFacts = Pick<BillingFacts, 'contract' | 'ticket' | 'equipment' | 'intervention'> & {
  segments: number;
  liveRunning: boolean;
  usedBefore: number;
};

/** The French lines of a bill, in reading order: measured time, units, notes, coverage, travel. */
function explain(bill: Omit<BilledIntervention, 'explanation'>, facts: ExplainFacts): ExplanationLine[] {
  const { intervention, ticket, equipment } = facts;
  const raw = bill.rawSeconds;
  const trips = intervention.trips;
  const out: ExplanationLine[] = [lines.measured(raw, facts.segments)];
  if (facts.liveRunning) out.push(lines.running());
  out.push(lines.workUnits(bill.workUnits));
  for (const note of coverageNotes(facts, bill.coverage)) {
    if (note === 'ticket_missing') out.push(lines.ticketMissing(intervention.ticketId));
    else if (note === 'out_of_scope') out.push(lines.outOfScope());
    else out.push(lines.halfDayWithoutCredit());
  }
  switch (bill.coverage) {
    case 'planned_service':
      out.push(lines.plannedService(ticket?.plannedService ?? ''));
      break;
    case 'forfait_servers_network':
      out.push(lines.serversNetwork(equipment?.name ?? '', equipment?.kind ?? ''));
      break;
    case 'forfait_pc':
      out.push(lines.pc(equipment?.name ?? ''));
      break;
    case 'hotline_allowance': {
      const excess = raw - bill.allowanceSecondsUsed;
      const excessUnits = bill.utConsumed - bill.tripUnits;
      out.push(lines.hotline(facts.usedBefore, bill.allowanceSecondsUsed, excess, excessUnits));
      if (bill.tripUnits > 0) out.push(lines.tripUnits(trips, bill.tripUnits), lines.ut(excessUnits, bill.tripUnits));
      break;
    }
    case 'half_day':
      out.push(lines.halfDay(raw, bill.halfDaysConsumed));
      break;
    case 'ut':
      if (bill.tripUnits > 0) out.push(lines.tripUnits(trips, bill.tripUnits));
      out.push(lines.ut(bill.workUnits, bill.tripUnits));
      break;
  }
  const travelIncluded = bill.coverage !== 'ut' && bill.coverage !== 'hotline_allowance';
  if (travelIncluded && trips > 0) out.push(lines.tripsIncluded(trips));
  return out;
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
  checkContract(contract);
  const nowMs = input.now === undefined ? undefined : instantMillis(input.now, 'now');
  const equipment = equipmentOf(ticket, input.equipment);
  const worked = workedTime(intervention, nowMs, 'intervention');
  const coverage = coverageOf(contract, ticket, equipment, intervention);
  let usedBefore = 0;
  if (coverage === 'hotline_allowance') {
    checkArray(input.earlierOnTicket, 'earlierOnTicket');
    const replaced = new Set<string>();
    for (const other of [...input.earlierOnTicket, intervention]) {
      if (other.correctionOf !== undefined) replaced.add(other.correctionOf);
    }
    const self = { startMs: worked.firstStartMs ?? Number.POSITIVE_INFINITY, id: intervention.id };
    input.earlierOnTicket.forEach((other, i) => {
      if (other.id === intervention.id || other.ticketId !== intervention.ticketId || replaced.has(other.id)) return;
      if (coverageOf(contract, ticket, equipment, other) !== 'hotline_allowance') return;
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
    coverage,
    allowanceUsedBefore: Math.min(usedBefore, HOTLINE_ALLOWANCE_SECONDS),
    live: nowMs !== undefined,
  });
}
