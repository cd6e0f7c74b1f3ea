/**
 * Tickets: opened while the client is on the phone, edited by anyone on the team, every change
 * traced (module A "traçabilité") with per-field edit times so offline edits merge field by field.
 */
import type { RxCollection } from 'rxdb';
import { formatDate } from '../../../shared/format';
import { combineLatest, concat, defer, map, type Observable } from 'rxjs';
import {
  OPEN_TICKET_STATUSES,
  TICKET_EDITABLE_FIELDS,
  type Channel,
  type Nature,
  type Priority,
  type Ticket,
  type TicketEditableField,
  type TicketHistoryEntry,
  traceValue,
} from '../../../shared/schemas';
import { InvalidStateError } from '../errors';
import { liveCollection, readWhereEquals } from '../live-collection';
import { getDocument, newId, plainList$, plainOne$, putDocument, type Store } from '../store';

export type NewTicket = {
  clientId: string;
  contractId: string;
  equipmentId?: string;
  channel: Channel;
  nature?: Nature;
  priority?: Priority;
  title: string;
  description?: string;
  /** When the call was taken; defaults to now. Moving it back needs a reason. */
  receivedAt?: Date;
  receivedAtReason?: string;
  assigneeId?: string;
  plannedService?: Ticket['plannedService'];
  dueDate?: string;
};

export type TicketChanges = Partial<Pick<Ticket, TicketEditableField>>;

/**
 * A reference read over the phone: "T-2711-4F2K" — the Paris day and month, then 4 characters
 * without look-alikes (no 0/O, 1/I). Made offline, so it is random, not a counter: 32⁴ codes a day.
 */
export function ticketReference(at: Date, random: () => number = Math.random): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  let code = '';
  for (let i = 0; i < 4; i++) code += alphabet[Math.floor(random() * alphabet.length)];
  const [dd, mm] = formatDate(at, 'fr').split('/');
  return `T-${dd}${mm}-${code}`;
}

/** Newest call first. */
function newestFirst(a: Ticket, b: Ticket): number {
  return a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0;
}

/** Moving `receivedAt` back by more than this needs a reason (a call logged late). */
const RECEIVED_AT_TOLERANCE_MS = 2 * 60_000;

export function createTicketsRepository(store: Store) {
  const rx = () => store.db.tickets as RxCollection<Ticket>;

  return {
    /** Every ticket, newest call first (a shared whole-collection view: see live-collection.ts). */
    all$(): Observable<Ticket[]> {
      return liveCollection(rx()).pipe(map((tickets) => [...tickets].sort(newestFirst)));
    },
    /**
     * Open tickets only, newest call first, through the status index: a few hundred documents
     * where `all$` reads a year of history — what a screen shows while that history loads.
     */
    open$(): Observable<Ticket[]> {
      // One read per status: RxDB scans an `$in` as the whole range between its smallest and
      // largest value, which would also read every resolved ticket ('in_progress' < 'resolved' <
      // 'waiting_client'). First a bulk read of each status (one request each), then the live
      // queries, which walk a cursor and take seconds on a slow machine.
      const merge = (lists: Ticket[][]) => lists.flat().sort(newestFirst);
      const snapshot$ = defer(() =>
        Promise.all(OPEN_TICKET_STATUSES.map((status) => readWhereEquals(rx(), 'status', status))),
      ).pipe(map(merge));
      const live$ = combineLatest(
        OPEN_TICKET_STATUSES.map((status) =>
          plainList$(rx().find({ selector: { status }, sort: [{ receivedAt: 'desc' }] })),
        ),
      ).pipe(map(merge));
      return concat(snapshot$, live$);
    },
    byClient$(clientId: string): Observable<Ticket[]> {
      return plainList$(rx().find({ selector: { clientId }, sort: [{ receivedAt: 'desc' }] }));
    },
    get$(id: string): Observable<Ticket | null> {
      return plainOne$(rx().findOne(id));
    },
    get(id: string): Promise<Ticket | null> {
      return getDocument(store, 'tickets', id);
    },

    async create(input: NewTicket): Promise<Ticket> {
      const now = store.now();
      const receivedAt = input.receivedAt ?? now;
      if (receivedAt.getTime() > now.getTime() + RECEIVED_AT_TOLERANCE_MS) {
        throw new RangeError('receivedAt: a call cannot be received in the future');
      }
      if (now.getTime() - receivedAt.getTime() > RECEIVED_AT_TOLERANCE_MS && !input.receivedAtReason?.trim()) {
        throw new RangeError('receivedAtReason: say why the call is logged late');
      }
      const at = now.toISOString();
      const ticket: Ticket = {
        id: newId('tk'),
        updatedAt: at,
        reference: ticketReference(now),
        clientId: input.clientId,
        contractId: input.contractId,
        channel: input.channel,
        nature: input.nature ?? 'curative',
        priority: input.priority ?? 'normal',
        status: 'new',
        receivedAt: receivedAt.toISOString(),
        title: input.title.trim(),
        description: input.description?.trim() ?? '',
        createdBy: store.user.id,
        createdAt: at,
        fieldUpdatedAt: {},
        history: [{ at, by: store.user.id, kind: 'create' }],
        ...(input.equipmentId ? { equipmentId: input.equipmentId } : {}),
        ...(input.receivedAtReason?.trim() ? { receivedAtReason: input.receivedAtReason.trim() } : {}),
        ...(input.assigneeId ? { assigneeId: input.assigneeId } : {}),
        ...(input.plannedService ? { plannedService: input.plannedService } : {}),
        ...(input.dueDate ? { dueDate: input.dueDate } : {}),
      };
      return putDocument(store, 'tickets', ticket);
    },

    /**
     * Applies the changes, tracing each changed field with its previous and new value, and the
     * reason given for them (`note`: moving a planned service, cancelling it).
     */
    async update(id: string, changes: TicketChanges, options: { note?: string } = {}): Promise<Ticket> {
      const current = await getDocument(store, 'tickets', id);
      if (!current) throw new InvalidStateError(`ticket ${id} does not exist`);
      const at = store.now().toISOString();
      const next = new Map<string, unknown>(Object.entries(current));
      const history: TicketHistoryEntry[] = [...current.history];
      const times = { ...current.fieldUpdatedAt };
      for (const field of TICKET_EDITABLE_FIELDS) {
        if (!(field in changes)) continue;
        const before = current[field];
        const after = changes[field];
        if (JSON.stringify(before) === JSON.stringify(after)) continue;
        if (after === undefined) next.delete(field);
        else next.set(field, after);
        times[field] = at;
        history.push({
          at,
          by: store.user.id,
          kind: 'edit',
          field,
          ...(before !== undefined ? { from: traceValue(before) } : {}),
          ...(after !== undefined ? { to: traceValue(after) } : {}),
          ...(options.note?.trim() ? { note: options.note.trim().slice(0, 500) } : {}),
        });
      }
      if (history.length === current.history.length) return current;
      return putDocument(store, 'tickets', {
        ...(Object.fromEntries(next) as Ticket),
        updatedAt: at,
        fieldUpdatedAt: times,
        history: history.slice(-1000),
      });
    },
  };
}

export type TicketsRepository = ReturnType<typeof createTicketsRepository>;
