/**
 * What covers an intervention (domain.md §3.1, CP art. 6–8), first match wins:
 * 1. a planned service of an active module C/D/E/F → included;
 * 2. module H and a covered server or network element → included, travel included;
 * 3. module I, a covered PC and curative work → included, travel included;
 * 4. module G and hotline/telemaintenance work → 30 minutes per incident included;
 * 5. a floating half-day chosen and a half-day credit → one per started 3 hours, travel included;
 * 6. otherwise UT (work + 4 UT per trip).
 * Out-of-scope work ("hors périmètre") is what UT exist for (CP art. 7): it never takes rules 2
 * or 4 (docs/domain-decisions.md D-11).
 */
import type { Contract, Equipment, Intervention, Ticket } from '../schemas';
import { isServerOrNetwork } from './equipment-kinds';

/** Every coverage, in the order domain.md §3.1 tries them; an index here is a coverage's code. */
export const COVERAGES = [
  'planned_service',
  'forfait_servers_network',
  'forfait_pc',
  'hotline_allowance',
  'half_day',
  'ut',
] as const;

export type Coverage = (typeof COVERAGES)[number];

const CODES = new Map<Coverage, number>(COVERAGES.map((coverage, code) => [coverage, code]));

/** A coverage's code, its index in COVERAGES, for typed-array columns: coverageCode('ut') → 5. */
export function coverageCode(coverage: Coverage): number {
  return CODES.get(coverage) ?? COVERAGES.length - 1;
}

export type CoverageFacts = {
  contract: Pick<Contract, 'modules' | 'halfDayBase'>;
  ticket: Pick<Ticket, 'plannedService' | 'nature'> | undefined;
  equipment: Pick<Equipment, 'covered' | 'kind'> | undefined;
  intervention: Pick<Intervention, 'channel' | 'halfDay'>;
};

export type CoverageNote = 'out_of_scope' | 'half_day_without_credit' | 'ticket_missing';

export type CoverageDecision = {
  coverage: Coverage;
  /** Why a rule that looked applicable was not taken, for the explanation. */
  notes: readonly CoverageNote[];
};

/** True when module G's allowance applies to this work (rule 4's own condition). */
export function isHotlineWork(intervention: Pick<Intervention, 'channel'>): boolean {
  return intervention.channel === 'hotline' || intervention.channel === 'telemaintenance';
}

/**
 * All coverageOf reads of an intervention, as a number 0..3 (its kind of work and its half-day
 * choice; `CoverageFacts['intervention']` allows nothing else): with the same contract, ticket
 * and equipment, interventions with the same key get the same coverage (see ticketCoverageKey).
 */
export function coverageKey(intervention: CoverageFacts['intervention']): number {
  return (isHotlineWork(intervention) ? 2 : 0) + (intervention.halfDay ? 1 : 0);
}

/** Values of coverageKey. */
export const COVERAGE_KEYS = 4;

/**
 * All coverageOf reads of a ticket and its equipment under one contract, as a number
 * 0..TICKET_COVERAGE_KEYS − 1: a planned service the contract covers; else the ticket's nature
 * (curative, other in-scope work or no ticket, out of scope) times what its equipment is to
 * modules H and I (not covered, covered server or network, covered PC, other covered kind).
 * With the same contract, tickets with the same key and interventions with the same coverageKey
 * get the same coverage: the ledger decides a dozen times instead of once per ticket.
 */
export function ticketCoverageKey(
  contract: CoverageFacts['contract'],
  ticket: CoverageFacts['ticket'],
  equipment: CoverageFacts['equipment'],
): number {
  const planned = ticket?.plannedService;
  if (planned !== undefined && contract.modules[planned].active) return 0;
  const nature = ticket?.nature === 'curative' ? 0 : ticket?.nature === 'out_of_scope' ? 2 : 1;
  let kind = 0;
  if (equipment?.covered === true) {
    kind = isServerOrNetwork(equipment.kind) ? 1 : equipment.kind === 'pc' ? 2 : 3;
  }
  return 1 + nature * 4 + kind;
}

/** Values of ticketCoverageKey. */
export const TICKET_COVERAGE_KEYS = 13;

/**
 * The coverage of one intervention (first match wins). coverageOf(contract with H active,
 * curative ticket, covered server, intervention) → 'forfait_servers_network'.
 */
export function coverageOf(
  contract: CoverageFacts['contract'],
  ticket: CoverageFacts['ticket'],
  equipment: CoverageFacts['equipment'],
  intervention: CoverageFacts['intervention'],
): Coverage {
  const modules = contract.modules;
  const planned = ticket?.plannedService;
  if (planned !== undefined && modules[planned].active) return 'planned_service';
  const inScope = ticket?.nature !== 'out_of_scope';
  const covered = equipment?.covered === true;
  if (inScope && modules.H.active && covered && isServerOrNetwork(equipment.kind)) {
    return 'forfait_servers_network';
  }
  if (modules.I.active && covered && equipment.kind === 'pc' && ticket?.nature === 'curative') return 'forfait_pc';
  if (inScope && modules.G.active && isHotlineWork(intervention)) return 'hotline_allowance';
  if (intervention.halfDay && contract.halfDayBase > 0) return 'half_day';
  return 'ut';
}

const NO_NOTES: readonly CoverageNote[] = Object.freeze([]);

/** Why a rule that looked applicable was not taken (shown in the explanation). */
export function coverageNotes(facts: CoverageFacts, coverage: Coverage): readonly CoverageNote[] {
  const { contract, ticket, equipment, intervention } = facts;
  const modules = contract.modules;
  const notes: CoverageNote[] = [];
  if (ticket === undefined) notes.push('ticket_missing');
  if (coverage === 'planned_service') return notes.length === 0 ? NO_NOTES : notes;
  const outOfScope = ticket?.nature === 'out_of_scope';
  const serverOrNetwork = equipment?.covered === true && isServerOrNetwork(equipment.kind);
  if (outOfScope && ((modules.H.active && serverOrNetwork) || (modules.G.active && isHotlineWork(intervention)))) {
    notes.push('out_of_scope');
  }
  if (coverage === 'ut' && intervention.halfDay && contract.halfDayBase <= 0) notes.push('half_day_without_credit');
  return notes.length === 0 ? NO_NOTES : notes;
}

/**
 * decideCoverage({ contract (H active), ticket (curative), equipment (covered server), intervention })
 * → { coverage: 'forfait_servers_network', notes: [] }.
 */
export function decideCoverage(facts: CoverageFacts): CoverageDecision {
  const coverage = coverageOf(facts.contract, facts.ticket, facts.equipment, facts.intervention);
  return { coverage, notes: coverageNotes(facts, coverage) };
}
