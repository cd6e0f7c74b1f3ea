/**
 * Raw Dexie databases with the known-keys middleware (renderer/data/known-keys.ts), driven from
 * test/sync/known-keys.spec.ts through `window.cadranKnownKeys`: two pages of one browser
 * context are two tabs on the same IndexedDB. Every call counts the IndexedDB `get` requests the
 * page made (counted in idb-reads.ts), so the test can see which reads reached IndexedDB.
 */
import { Dexie } from 'dexie';
import { knownKeysMiddleware } from '../../../renderer/data/known-keys';
import { idbStoreGets } from './idb-reads';

type Doc = { id: string; value: number };

const databases = new Map<string, Dexie>();

async function open(name: string, withMiddleware = true): Promise<Dexie> {
  const key = `${name}:${String(withMiddleware)}`;
  let db = databases.get(key);
  if (db === undefined) {
    db = new Dexie(name);
    if (withMiddleware) db.use(knownKeysMiddleware);
    // The same shape as RxDB's Dexie storage: documents in `docs`, keyed by id.
    db.version(1).stores({ docs: 'id, value' });
    await db.open();
    databases.set(key, db);
  }
  return db;
}

export const knownKeysProbe = {
  async put(name: string, docs: Doc[]): Promise<void> {
    const db = await open(name);
    await db.table<Doc, string>('docs').bulkPut(docs);
  },
  /** Puts `docs` in a transaction that then fails: nothing of it may stay. */
  async putThenAbort(name: string, docs: Doc[]): Promise<string> {
    const db = await open(name);
    try {
      await db.transaction('rw', 'docs', async () => {
        await db.table<Doc, string>('docs').bulkPut(docs);
        throw new Error('aborted on purpose');
      });
      return 'committed';
    } catch (error) {
      return (error as Error).message;
    }
  },
  /** `bulkGet` of `ids`, with the number of IndexedDB get requests it made. */
  async bulkGet(name: string, ids: string[]): Promise<{ docs: (Doc | null)[]; gets: number }> {
    const db = await open(name);
    const before = idbStoreGets();
    const docs = await db.table<Doc, string>('docs').bulkGet(ids);
    return { docs: docs.map((doc) => doc ?? null), gets: idbStoreGets() - before };
  },
  /** What an indexed query and a count see (the sentinel record must be in neither). */
  async indexed(name: string): Promise<{ ids: string[]; count: number; indexCount: number }> {
    const db = await open(name);
    const table = db.table<Doc, string>('docs');
    const ids = (await table.orderBy('value').toArray()).map((doc) => doc.id);
    return { ids, count: await table.count(), indexCount: await table.where('value').aboveOrEqual(-Infinity).count() };
  },
};
