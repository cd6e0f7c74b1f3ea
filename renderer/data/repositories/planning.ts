/**
 * Planning of the planned services (modules C–F): occurrences are tickets (see
 * shared/domain/occurrence-ticket.ts). Team leads plan a contract year, assign, move (with a
 * reason, kept in the ticket's history) and cancel; the server refuses the same to technicians
 * (server/services/authorisation.ts). Everything works offline: planning a year twice, even on
 * two devices, writes the same documents.
 */
import type { RxCollection } from 'rxdb';
import { map, type Observable } from 'rxjs';
import {
  contractCalendar,
  isPlannedTicket,
  isWorkingDay,
  occurrenceTicket,
  occurrenceTicketId,
  plannedOccurrences,
  type PlannedTicket,
} from '../../../shared/domain';
import type { Contract, PlannedCancellation, Ticket } from '../../../shared/schemas';
import { ForbiddenError, InvalidStateError } from '../errors';
import { liveCollection } from '../live-collection';
import { getDocument, putDocument, type Store } from '../store';
import type { TicketsRepository } from './tickets';

export function createPlanningRepository(store: Store, tickets: TicketsRepository) {
  const rx = () => store.db.tickets as RxCollection<Ticket>;

  function requireLead(what: string): void {
    if (store.user.role !== 'lead' && store.user.role !== 'admin') {
      throw new ForbiddenError(`only team leads ${what} planned services`);
    }
  }

  async function plannedTicket(id: string): Promise<PlannedTicket> {
    const ticket = await getDocument(store, 'tickets', id);
    if (!ticket || !isPlannedTicket(ticket)) throw new InvalidStateError(`ticket ${id} is not a planned service`);
    return ticket;
  }

  return {
    /** Every planned occurrence (through the tickets' shared whole-collection view). */
    planned$(): Observable<PlannedTicket[]> {
      return liveCollection(rx()).pipe(map((all) => all.filter(isPlannedTicket)));
    },

    /**
     * Creates the occurrences of contract year `yearIndex` not planned yet (assigned to
     * `assigneeId` when given). plannedYear(contract, 2) → { created: 12, existing: 0 } the first
     * time, { created: 0, existing: 12 } after.
     */
    async planYear(contract: Contract, yearIndex: number, assigneeId?: string): Promise<{ created: number; existing: number }> {
      requireLead('plan');
      const now = store.now();
      let created = 0;
      let existing = 0;
      for (const occurrence of plannedOccurrences(contract, yearIndex)) {
        if (await getDocument(store, 'tickets', occurrenceTicketId(contract.id, occurrence))) {
          existing += 1;
          continue;
        }
        await putDocument(store, 'tickets', occurrenceTicket(contract, occurrence, now, store.user.id, assigneeId));
        created += 1;
      }
      return { created, existing };
    },

    async assign(ticketId: string, assigneeId: string | undefined): Promise<Ticket> {
      requireLead('assign');
      await plannedTicket(ticketId);
      return tickets.update(ticketId, { assigneeId });
    },

    /** Moves an occurrence to another jour ouvré of its contract; its due date stays (D-42). */
    async move(ticketId: string, day: string, reason: string): Promise<Ticket> {
      requireLead('move');
      const ticket = await plannedTicket(ticketId);
      if (ticket.cancellation) throw new InvalidStateError('this planned service is cancelled: restore it first');
      if (!reason.trim()) throw new RangeError('reason: say why the planned service is moved');
      const contract = await getDocument(store, 'contracts', ticket.contractId);
      if (!contract) throw new InvalidStateError(`contract ${ticket.contractId} is not on this device`);
      if (!isWorkingDay(contractCalendar(contract), day)) throw new RangeError(`day: ${day} is not a jour ouvré`);
      return tickets.update(ticketId, { plannedFor: day }, { note: reason });
    },

    /** Cancels an occurrence: at the client's request it leaves the quality index (D-43). */
    async cancel(ticketId: string, input: { reason: string; requestedBy: PlannedCancellation['requestedBy'] }): Promise<Ticket> {
      requireLead('cancel');
      const ticket = await plannedTicket(ticketId);
      if (ticket.cancellation) return ticket;
      const reason = input.reason.trim();
      if (!reason) throw new RangeError('reason: say why the planned service is cancelled');
      const cancellation: PlannedCancellation = {
        at: store.now().toISOString(),
        by: store.user.id,
        reason: reason.slice(0, 500),
        requestedBy: input.requestedBy,
      };
      return tickets.update(ticketId, { cancellation, status: 'closed' }, { note: reason });
    },

    /** Undoes a cancellation (a mistake, or the client changed their mind). */
    async restore(ticketId: string, reason: string): Promise<Ticket> {
      requireLead('restore');
      const ticket = await plannedTicket(ticketId);
      if (!ticket.cancellation) return ticket;
      if (!reason.trim()) throw new RangeError('reason: say why the planned service is restored');
      return tickets.update(ticketId, { cancellation: undefined, status: 'new' }, { note: reason });
    },
  };
}

export type PlanningRepository = ReturnType<typeof createPlanningRepository>;
