/**
 * Conflict handlers, per collection (architecture: "a conflict is never silent").
 *
 * RxDB calls `resolve` when the server answers a push with its own current version
 * (`realMasterState`) because the device's `assumedMasterState` was out of date — typically two
 * devices edited the same document offline. We merge three ways: a field changed on one side
 * only keeps that change; a field changed on both sides goes to the later edit. The result is
 * written locally and pushed again with the server's version as the new assumed state.
 *
 * - tickets: per-field edit times (`fieldUpdatedAt`) decide, and the losing value is kept in the
 *   ticket's history as a `merge` entry — both versions stay readable.
 * - interventions: a validated server version is locked and wins whole; otherwise the later edit.
 * - logbook entries never change once written; users and invoices are written by the server only:
 *   the server's version wins.
 * - clients, contracts, equipment, vault: three-way merge by field, later `updatedAt` wins a field
 *   changed on both sides.
 * Every merge that dropped a value is reported on `mergeEvents$` for the UI to show.
 */
import type { RxConflictHandler, RxConflictHandlerInput, WithDeleted } from 'rxdb';
import { deepEqual } from 'rxdb/plugins/utils';
import { Subject } from 'rxjs';
import {
  TICKET_EDITABLE_FIELDS,
  type CollectionName,
  type DocumentOf,
  type Intervention,
  type Ticket,
  type TicketHistoryEntry,
  traceValue,
} from '../../../shared/schemas';

export type MergeEvent = { collection: CollectionName; documentId: string; fields: string[] };
export const mergeEvents$ = new Subject<MergeEvent>();

type Doc = Record<string, unknown> & { id: string; updatedAt: string; _deleted: boolean };

const isEqual = (a: unknown, b: unknown) => deepEqual(a, b);

/** Later ISO instant of the two; ties go to `b` (the server), so every device decides alike. */
function laterIsA(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '') > (b ?? '');
}

function mergeFields(
  input: RxConflictHandlerInput<Doc>,
  fields: readonly string[],
  forkWins: (field: string) => boolean,
): { merged: Doc; contested: string[] } {
  const { realMasterState: master, newDocumentState: fork } = input;
  const assumed = (input.assumedMasterState ?? {}) as Partial<Doc>;
  const values = new Map<string, unknown>(Object.entries(master));
  const contested: string[] = [];
  for (const field of fields) {
    const forkChanged = !isEqual(fork[field], assumed[field]);
    const masterChanged = !isEqual(master[field], assumed[field]);
    if (!forkChanged) continue;
    if (masterChanged && !isEqual(fork[field], master[field])) {
      contested.push(field);
      if (!forkWins(field)) continue;
    }
    // Optional fields are absent, never `undefined`, in a stored document.
    if (fork[field] === undefined) values.delete(field);
    else values.set(field, fork[field]);
  }
  values.set('updatedAt', laterIsA(fork.updatedAt, master.updatedAt) ? fork.updatedAt : master.updatedAt);
  // A deletion on either side wins: resurrecting a document someone deleted is the worse surprise.
  values.set('_deleted', master._deleted || fork._deleted);
  return { merged: Object.fromEntries(values) as Doc, contested };
}

function report(collection: CollectionName, id: string, fields: string[]): void {
  if (fields.length > 0) mergeEvents$.next({ collection, documentId: id, fields });
}

const masterWins: RxConflictHandler<Doc> = {
  isEqual: (a, b) => isEqual(a, b),
  resolve: async (input) => input.realMasterState,
};

function fieldMerge(collection: CollectionName): RxConflictHandler<Doc> {
  return {
    isEqual: (a, b) => isEqual(a, b),
    resolve: async (input) => {
      const { realMasterState: master, newDocumentState: fork } = input;
      const fields = Object.keys({ ...master, ...fork }).filter((f) => f !== 'id' && f !== 'updatedAt' && f !== '_deleted');
      const { merged, contested } = mergeFields(input, fields, () => laterIsA(fork.updatedAt, master.updatedAt));
      report(collection, master.id, contested);
      return merged;
    },
  };
}

/** Exported for tests: the ticket merge (see header). */
export function mergeTickets(input: RxConflictHandlerInput<WithDeleted<Ticket>>): WithDeleted<Ticket> {
  const { realMasterState: master, newDocumentState: fork } = input;
  const forkTimes = fork.fieldUpdatedAt as Record<string, string | undefined>;
  const masterTimes = master.fieldUpdatedAt as Record<string, string | undefined>;
  const { merged, contested } = mergeFields(
    input as unknown as RxConflictHandlerInput<Doc>,
    TICKET_EDITABLE_FIELDS,
    (field) => laterIsA(forkTimes[field], masterTimes[field]),
  );
  const ticket = merged as unknown as WithDeleted<Ticket>;

  const times: Record<string, string> = {};
  for (const field of TICKET_EDITABLE_FIELDS) {
    const a = forkTimes[field];
    const b = masterTimes[field];
    const latest = laterIsA(a, b) ? a : b;
    if (latest) times[field] = latest;
  }
  ticket.fieldUpdatedAt = times;

  // Both sides' histories, once each, in time order; then one entry per contested field
  // keeping the value that lost.
  const seen = new Set<string>();
  const history: TicketHistoryEntry[] = [];
  for (const entry of [...master.history, ...fork.history]) {
    const key = JSON.stringify(entry);
    if (!seen.has(key)) {
      seen.add(key);
      history.push(entry);
    }
  }
  history.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const at = laterIsA(fork.updatedAt, master.updatedAt) ? fork.updatedAt : master.updatedAt;
  for (const field of contested) {
    const forkWon = laterIsA(forkTimes[field], masterTimes[field]);
    const loser = forkWon ? master : fork;
    const winner = forkWon ? fork : master;
    const loserEntry = [...loser.history].reverse().find((h) => h.field === field);
    history.push({
      at,
      by: loserEntry?.by ?? winner.history.at(-1)?.by ?? ticket.createdBy,
      kind: 'merge',
      field,
      from: traceValue((loser as Record<string, unknown>)[field]),
      to: traceValue((winner as Record<string, unknown>)[field]),
      note: 'edited on two devices offline: the later edit was kept',
    });
  }
  ticket.history = history.slice(-1000);
  report('tickets', ticket.id, contested);
  return ticket;
}

const tickets: RxConflictHandler<WithDeleted<Ticket>> = {
  isEqual: (a, b) => isEqual(a, b),
  resolve: async (input) => mergeTickets(input),
};

const interventions: RxConflictHandler<WithDeleted<Intervention>> = {
  isEqual: (a, b) => isEqual(a, b),
  resolve: async ({ realMasterState: master, newDocumentState: fork }) => {
    // Validated work is locked (domain.md §5): the lead's validated version stands.
    if (master.validatedAt) {
      if (!isEqual(master, fork)) report('interventions', master.id, ['validatedAt']);
      return master;
    }
    const winner = laterIsA(fork.updatedAt, master.updatedAt) ? fork : master;
    report('interventions', master.id, ['segments']);
    return winner;
  },
};

type Handlers = { [C in CollectionName]: RxConflictHandler<WithDeleted<DocumentOf<C>>> };

export const conflictHandlers = {
  clients: fieldMerge('clients'),
  contracts: fieldMerge('contracts'),
  equipment: fieldMerge('equipment'),
  vault: fieldMerge('vault'),
  tickets,
  interventions,
  logbook: masterWins,
  users: masterWins,
  invoices: masterWins,
} as unknown as Handlers;
