/**
 * The main courante: append-only, per client. A wrong entry is corrected by a new one naming
 * it (`correctionOf`); nothing is edited or deleted (the server refuses it too).
 *
 * Order: the server's sequence (`serverSeq`, stamped by the server on every entry it stores),
 * then the entries not synced yet in the order this device wrote them. The device's clock
 * (`at`) is shown, never used to order.
 *
 * Unread markers are per user and kept on the device (a local document of the user's own
 * database, not synced): the highest `serverSeq` the user has seen, per client.
 */
import type { RxCollection } from 'rxdb';
import { map, type Observable } from 'rxjs';
import type { LogbookAttachment, LogbookEntry, LogbookKind, Receipt, Role } from '../../../shared/schemas';
import { ForbiddenError } from '../errors';
import { liveCollection } from '../live-collection';
import { getDocument, newId, plainList$, putDocument, type Store } from '../store';

export type NewLogbookEntry = {
  clientId: string;
  kind: Exclude<LogbookKind, 'vault_reveal' | 'note' | 'call' | 'visit'>;
  text: string;
  ticketId?: string;
  interventionId?: string;
  internal?: boolean;
  correctionOf?: string;
  attachments?: LogbookAttachment[];
};

/** The provider's people: they may read and write internal entries (a client contact may not). */
const STAFF: readonly string[] = ['technician', 'lead', 'admin'] satisfies Role[];
export const isStaff = (role: string) => STAFF.includes(role);

/** Thread order: the server's sequence first, then unsynced entries as this device wrote them. */
export function threadOrder(a: LogbookEntry, b: LogbookEntry): number {
  if (a.serverSeq !== undefined && b.serverSeq !== undefined) return a.serverSeq - b.serverSeq;
  if (a.serverSeq !== undefined) return -1;
  if (b.serverSeq !== undefined) return 1;
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What the main courante thread shows: everything but the coffre-fort's reveal log. */
const inThread = (entry: LogbookEntry) => entry.kind !== 'vault_reveal';

/** One receipt per account: two devices offline may each have written one; the furthest counts. */
export function furthestPerAccount(list: readonly Receipt[]): Receipt[] {
  const byUser = new Map<string, Receipt>();
  for (const receipt of list) {
    const held = byUser.get(receipt.userId);
    if (!held || receipt.readUpTo > held.readUpTo) byUser.set(receipt.userId, receipt);
  }
  return [...byUser.values()].sort((a, b) => a.userName.localeCompare(b.userName, 'fr'));
}

const READ_MARKS = 'logbook-read';
type ReadMarks = { marks: Record<string, number> };

export function createLogbookRepository(store: Store) {
  const rx = () => store.db.logbook as RxCollection<LogbookEntry>;
  const staff = () => isStaff(store.user.role);
  const receipts = () => store.db.receipts as RxCollection<Receipt>;

  /** This account's receipt for the client, moved forward to `serverSeq` (one per account and client). */
  async function writeReceipt(clientId: string, serverSeq: number): Promise<void> {
    const mine = (await receipts().find({ selector: { clientId, userId: store.user.id } }).exec()).map((d) => d.toJSON());
    const furthest = mine.reduce<Receipt | undefined>((a, b) => (a && a.readUpTo >= b.readUpTo ? a : b), undefined);
    if (furthest && furthest.readUpTo >= serverSeq) return;
    const at = store.now().toISOString();
    await putDocument(store, 'receipts', {
      id: furthest?.id ?? newId('rc'),
      updatedAt: at,
      clientId,
      userId: store.user.id,
      userName: store.user.name,
      readUpTo: serverSeq,
      readAt: at,
    });
  }
  // Read marks are read-modify-written: one write at a time.
  let marking: Promise<unknown> = Promise.resolve();

  return {
    /**
     * A client's thread in order; internal entries for the provider's staff only. Vault reveals
     * are not part of the exchange: they have their own log (`reveals$`, the coffre-fort's).
     */
    byClient$(clientId: string): Observable<LogbookEntry[]> {
      const selector = staff() ? { clientId } : { clientId, internal: false };
      return plainList$(rx().find({ selector })).pipe(map((list) => list.filter(inThread).sort(threadOrder)));
    },
    /** Who revealed or copied which vault entry of the client, latest first (leads read it). */
    reveals$(clientId: string): Observable<LogbookEntry[]> {
      return plainList$(
        rx().find({ selector: { clientId, kind: 'vault_reveal' }, sort: [{ clientId: 'asc' }, { at: 'desc' }] }),
      );
    },
    /** Every entry this user may read (a shared whole-collection view), for unread counts. */
    all$(): Observable<LogbookEntry[]> {
      return liveCollection(rx()).pipe(map((list) => list.filter((e) => inThread(e) && (staff() || !e.internal))));
    },
    get: (id: string) => getDocument(store, 'logbook', id),
    /** How far each of the client's accounts has read its thread (the furthest receipt of each). */
    receipts$(clientId: string): Observable<Receipt[]> {
      return plainList$(receipts().find({ selector: { clientId } })).pipe(map(furthestPerAccount));
    },

    async append(input: NewLogbookEntry): Promise<LogbookEntry> {
      if (input.internal && !staff()) throw new ForbiddenError('only the provider’s staff write internal entries');
      if (input.correctionOf) {
        const corrected = await getDocument(store, 'logbook', input.correctionOf);
        if (!corrected || corrected.clientId !== input.clientId) {
          throw new RangeError('correctionOf: the corrected entry is not in this main courante');
        }
      }
      const at = store.now().toISOString();
      return putDocument(store, 'logbook', {
        id: newId('lb'),
        updatedAt: at,
        clientId: input.clientId,
        ...(input.ticketId ? { ticketId: input.ticketId } : {}),
        ...(input.interventionId ? { interventionId: input.interventionId } : {}),
        authorId: store.user.id,
        authorName: store.user.name,
        at,
        kind: input.kind,
        text: input.text.trim(),
        internal: input.internal ?? false,
        ...(input.correctionOf ? { correctionOf: input.correctionOf } : {}),
        ...(input.attachments && input.attachments.length > 0 ? { attachments: input.attachments } : {}),
      });
    },

    /** Per client, the highest server sequence this user has seen. */
    readMarks$(): Observable<Record<string, number>> {
      return store.db
        .getLocal$<ReadMarks>(READ_MARKS)
        .pipe(map((doc) => (doc ? { ...doc.toJSON().data.marks } : {})));
    },

    /**
     * Marks a client's thread read up to `serverSeq` (never back). A client account also writes
     * its reading receipt, which the technicians see (synced; the marks stay on this device).
     */
    markRead(clientId: string, serverSeq: number): Promise<void> {
      const write = marking.then(async () => {
        const current = (await store.db.getLocal<ReadMarks>(READ_MARKS))?.toJSON().data.marks ?? {};
        if ((current[clientId] ?? -1) < serverSeq) {
          await store.db.upsertLocal<ReadMarks>(READ_MARKS, { marks: { ...current, [clientId]: serverSeq } });
        }
        if (store.user.role === 'client') await writeReceipt(clientId, serverSeq);
      });
      marking = write.catch(() => undefined);
      return write;
    },
  };
}

export type LogbookRepository = ReturnType<typeof createLogbookRepository>;
