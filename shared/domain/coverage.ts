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

export type Coverage =
  'planned_service' | 'forfait_servers_network' | 'forfait_pc' | 'hotline_allowance' | 'half_day' | 'ut';

export type CoverageFacts = {
  contract: Pick<Contract, 'modules' | 'halfDayBase'>;
  ticket: Pick<Ticket, 'plannedService' | 'nature'> | undefined;
  equipment: Pick<Equipment, 'covered' | 'kind'> | undefined;
  intervention: Pick<Intervention, 'channel' | 'halfDay'>;
};

export type CoverageDecision = {
  coverage: Coverage;
  /** Why a rule that looked applicable was not taken, for the explanation. */
  notes: ('out_of_scope' | 'half_day_without_credit' | 'ticket_missing')[];
};

/** True when module G's allowance applies to this work (rule 4's own condition). */
export function isHotlineWork(intervention: Pick<Intervention, 'channel'>): boolean {
  return intervention.channel === 'hotline' || intervention.channel === 'telemaintenance';
}

/**
 * decideCoverage({ contract (H active), ticket (curative), equipment (covered server), intervention })
 * → { coverage: 'forfait_servers_network', notes: [] }.
 */
export function decideCoverage({ contract, ticket, equipment, intervention }: CoverageFacts): CoverageDecision {
  const modules = contract.modules;
  const notes: CoverageDecision['notes'] = [];
  if (ticket === undefined) notes.push('ticket_missing');
  const planned = ticket?.plannedService;
  if (planned !== undefined && modules[planned].active) return { coverage: 'planned_service', notes };

  const outOfScope = ticket?.nature === 'out_of_scope';
  const covered = equipment?.covered === true;
  if (modules.H.active && covered && (equipment.kind === 'server' || equipment.kind === 'network')) {
    if (!outOfScope) return { coverage: 'forfait_servers_network', notes };
    notes.push('out_of_scope');
  }
  if (modules.I.active && covered && equipment.kind === 'pc' && ticket?.nature === 'curative') {
    return { coverage: 'forfait_pc', notes };
  }
  if (modules.G.active && isHotlineWork(intervention)) {
    if (!outOfScope) return { coverage: 'hotline_allowance', notes };
    if (!notes.includes('out_of_scope')) notes.push('out_of_scope');
  }
  if (intervention.halfDay) {
    if (contract.halfDayBase > 0) return { coverage: 'half_day', notes };
    notes.push('half_day_without_credit');
  }
  return { coverage: 'ut', notes };
}
