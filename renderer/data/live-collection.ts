/**
 * Whole-collection live views, for the screens that aggregate a year of work (the ticket list's
 * SLA chips, the team lead's reports) over 100,000 interventions and 20,000 tickets.
 *
 * An RxDB query reads IndexedDB one cursor step per document and converts each one; on a
 * year of data that is 15–20 s before the first screen. Here the collection is read in one
 * IndexedDB `getAll` (through the Dexie table under RxDB's storage), then kept current from the
 * collection's change events — so it costs one bulk read per session, not one query per screen.
 * Storages without a Dexie table (the memory storage of unit tests) use the ordinary query.
 *
 * Invariant: events that arrive while the bulk read runs are applied after it, in order; an
 * event carries the whole document, so applying one that the read already saw is harmless.
 */
import type { RxCollection } from 'rxdb';
import { Observable, ReplaySubject, share, timer, type Subscription } from 'rxjs';
import { isKnownKeysRecord } from './known-keys';

type Row = Record<string, unknown> & { id: string };
type DexieTableLike = {
  toArray(): Promise<Row[]>;
  schema?: { indexes?: { name: string }[] };
  where(index: string): { between(lower: unknown, upper: unknown, includeLower: boolean, includeUpper: boolean): DexieTableLike };
};
type StorageEvent = { operation: 'INSERT' | 'UPDATE' | 'DELETE'; documentId: string; documentData: Row };

/** Keep the loaded collection this long after the last screen using it closed (ms). */
const KEEP_ALIVE_MS = 60_000;

const META_FIELDS = new Set(['_meta', '_rev', '_attachments', '_deleted']);

function plainRow(raw: Row): Row {
  const out: Row = { id: raw.id };
  for (const key in raw) if (!META_FIELDS.has(key)) out[key] = raw[key];
  return out;
}

/** RxDB's Dexie storage keeps indexed booleans as '1'/'0'. */
const isDeleted = (raw: Row) => raw._deleted === true || raw._deleted === '1';

async function dexieTableOf(collection: RxCollection): Promise<DexieTableLike | undefined> {
  const storage = (collection as unknown as { internalStorageInstance?: { internals?: Promise<{ dexieTable?: DexieTableLike }> } })
    .internalStorageInstance;
  return (await storage?.internals)?.dexieTable;
}

async function readAll(collection: RxCollection): Promise<Row[]> {
  const table = await dexieTableOf(collection);
  if (table) {
    const rows = await table.toArray();
    // The table also holds the known-keys middleware's bookkeeping record, which is no document.
    return rows.filter((row) => !isDeleted(row) && !isKnownKeysRecord(row)).map(plainRow);
  }
  const docs = await collection.find().exec();
  return docs.map((doc) => doc.toJSON() as Row);
}

/**
 * The documents whose indexed string `field` equals `value`, once (not live). An RxDB query
 * walks an IndexedDB cursor one document at a time — about a millisecond each on a slow
 * machine; here the matching range of RxDB's own index on that field (`[_deleted+field+…]`,
 * live documents under '0') is read with one `getAll`. Without such an index, or on other
 * storages, it is the ordinary query.
 */
export async function readWhereEquals<T>(collection: RxCollection<T>, field: string, value: string): Promise<T[]> {
  const key = collection as unknown as RxCollection;
  const table = await dexieTableOf(key);
  const index = table?.schema?.indexes?.find((candidate) => candidate.name.startsWith(`[_deleted+${field}+`));
  if (table && index) {
    // Array keys sort element by element and any array sorts after any string, so
    // ['0', value] … ['0', value, []] holds exactly the live documents with that value.
    const rows = await table.where(index.name).between(['0', value], ['0', value, []], true, true).toArray();
    return rows.map(plainRow) as unknown as T[];
  }
  const docs = await key.find({ selector: { [field]: value } }).exec();
  return docs.map((doc) => doc.toJSON() as Row) as unknown as T[];
}

const views = new WeakMap<RxCollection, Observable<Row[]>>();

export function liveCollection<T>(collection: RxCollection<T>): Observable<T[]> {
  const key = collection as unknown as RxCollection;
  let view = views.get(key);
  if (!view) {
    view = new Observable<Row[]>((subscriber) => {
      const rows = new Map<string, Row>();
      let buffered: StorageEvent[] | null = [];
      const apply = (event: StorageEvent) => {
        if (event.operation === 'DELETE' || isDeleted(event.documentData)) rows.delete(event.documentId);
        else rows.set(event.documentId, plainRow(event.documentData));
      };
      const events: Subscription = key.eventBulks$.subscribe((bulk) => {
        const list = bulk.events as unknown as StorageEvent[];
        if (buffered) {
          buffered.push(...list);
          return;
        }
        list.forEach(apply);
        subscriber.next([...rows.values()]);
      });
      readAll(key).then(
        (all) => {
          for (const row of all) rows.set(row.id, row);
          buffered?.forEach(apply);
          buffered = null;
          subscriber.next([...rows.values()]);
        },
        (error: unknown) => subscriber.error(error),
      );
      return () => events.unsubscribe();
    }).pipe(share({ connector: () => new ReplaySubject(1), resetOnRefCountZero: () => timer(KEEP_ALIVE_MS) }));
    views.set(key, view);
  }
  return view as unknown as Observable<T[]>;
}
