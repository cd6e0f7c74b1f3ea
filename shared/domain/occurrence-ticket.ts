/**
 * The ticket of a planned occurrence: planned work is a ticket like any other (the timer, the
 * visit, the compte-rendu and the ledger work on it unchanged), marked with its module
 * (`plannedService`: covered by the forfait, domain.md §3.1 rule 1, and without the 30-minute
 * clock), its due date, its day and which occurrence of which contract year it is. Its id is
 * derived from the occurrence (occurrenceTicketId), so planning a year twice — on two devices,
 * offline — makes the same documents.
 */
import type { Contract, Ticket } from '../schemas';
import { occurrenceTicketId, PLANNED_SERVICES, type PlannedOccurrence } from './planned-occurrences';

/** The tickets' titles, in the contract's words (data, kept in French like the demo's). */
export const PLANNED_TITLES = {
  C: 'Télémaintenance planifiée',
  D: 'Demi-journée préventive',
  E: 'Journée PCAI',
  F: 'Journée de coordination',
} as const;

const MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const DAY = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
const at12 = (day: string) => new Date(`${day}T12:00:00Z`);

/**
 * occurrenceTicket(contract, { module: 'D', plannedFor: '2027-02-01', index: 1, of: 12, … }, now, 'u-lead')
 * → ticket "Demi-journée préventive — février 2027" (P-0227-D…), preventive, on site, status new.
 */
export function occurrenceTicket(
  contract: Pick<Contract, 'id' | 'clientId'>,
  occurrence: PlannedOccurrence,
  now: Date,
  createdBy: string,
  assigneeId?: string,
): Ticket {
  const id = occurrenceTicketId(contract.id, occurrence);
  const at = now.toISOString();
  const title = PLANNED_TITLES[occurrence.module];
  const spec = PLANNED_SERVICES[occurrence.module];
  const month = occurrence.plannedFor.slice(2, 4) + occurrence.plannedFor.slice(5, 7);
  const tail = id.split('_')[1]?.slice(-3).toUpperCase() ?? '';
  return {
    id,
    updatedAt: at,
    reference: `P-${month}-${occurrence.module}${occurrence.index + 1}${tail}`,
    clientId: contract.clientId,
    contractId: contract.id,
    channel: spec.channel,
    nature: 'preventive',
    priority: 'normal',
    status: 'new',
    receivedAt: at,
    title: `${title} — ${MONTH.format(at12(occurrence.plannedFor))}`,
    description:
      `Prestation planifiée du module ${occurrence.module} (${occurrence.index + 1}/${occurrence.of} ` +
      `de l’année contractuelle commencée le ${DAY.format(at12(occurrence.yearStart))}, ${spec.minutes / 60} h), ` +
      `à réaliser au plus tard le ${DAY.format(at12(occurrence.dueDate))}.`,
    ...(assigneeId ? { assigneeId } : {}),
    plannedService: occurrence.module,
    dueDate: occurrence.dueDate,
    plannedFor: occurrence.plannedFor,
    occurrence: { yearStart: occurrence.yearStart, index: occurrence.index },
    createdBy,
    createdAt: at,
    fieldUpdatedAt: {},
    history: [{ at, by: createdBy, kind: 'create' }],
  };
}
