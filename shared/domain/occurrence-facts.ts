/**
 * From documents to planned occurrences: a planned-service ticket (plannedService, dueDate,
 * plannedFor, cancellation) and the interventions on it. An occurrence is done when one of its
 * interventions is completed with its compte-rendu (a non-blank report); an intervention
 * replaced by a correction no longer counts, its correction does.
 */
import type { Contract, Intervention, PlannedService, Ticket } from '../schemas';
import { localDay } from './calendar';
import { contractCalendar } from './contract-calendar';
import { occurrenceOutcome, type Outcome, type QualityFacts } from './quality-index';
import { isoMillis } from './validate';

export type PlannedTicket = Ticket & { plannedService: PlannedService; dueDate: string };

/** A ticket that is a planned occurrence (a planned service with its due date). */
export function isPlannedTicket(ticket: Ticket): ticket is PlannedTicket {
  return ticket.plannedService !== undefined && ticket.dueDate !== undefined;
}

/**
 * The quality facts of one occurrence: completion days are local days of the contract's
 * calendar. occurrenceFacts(ticket due 2026-03-31, [intervention completed 2026-03-12T09:00Z
 * with a report], contract) → { dueDate: '2026-03-31', completions: [{ day: '2026-03-12', reported: true }], … }.
 */
export function occurrenceFacts(
  ticket: PlannedTicket,
  interventions: readonly Intervention[],
  contract: Pick<Contract, 'calendar'> | undefined,
): QualityFacts {
  const calendar = contract ? contractCalendar(contract) : undefined;
  const replaced = new Set<string>();
  for (const intervention of interventions) if (intervention.correctionOf) replaced.add(intervention.correctionOf);
  const completions: QualityFacts['completions'][number][] = [];
  interventions.forEach((intervention, i) => {
    if (intervention.ticketId !== ticket.id || !intervention.completedAt || replaced.has(intervention.id)) return;
    const ms = isoMillis(intervention.completedAt, `interventions[${i}].completedAt`);
    const day = calendar ? localDay(calendar, ms) : new Date(ms).toISOString().slice(0, 10);
    completions.push({ day, reported: intervention.report.trim().length > 0 });
  });
  return {
    id: ticket.id,
    module: ticket.plannedService,
    dueDate: ticket.dueDate,
    ...(ticket.cancellation ? { cancelledBy: ticket.cancellation.requestedBy } : {}),
    completions,
  };
}

/**
 * Where an occurrence stands for the planning screen: the quality outcome, with "upcoming"
 * split into `planned` (its day is ahead) and `to_do` (its day passed, its due date not yet).
 */
export type OccurrenceStatus = Exclude<Outcome, 'upcoming'> | 'planned' | 'to_do';

export function occurrenceStatus(facts: QualityFacts, plannedFor: string | undefined, today: string): OccurrenceStatus {
  const outcome = occurrenceOutcome(facts, today);
  if (outcome !== 'upcoming') return outcome;
  return (plannedFor ?? facts.dueDate) < today ? 'to_do' : 'planned';
}
