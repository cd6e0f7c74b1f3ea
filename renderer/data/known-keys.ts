/**
 * A Dexie middleware that answers "is there a document with this id?" from memory, so RxDB's
 * bulk reads of documents that do not exist yet cost no IndexedDB request.
 *
 * Why: RxDB's replication reads every document it pulls four times before writing it (the local
 * document and its replication state, once to compare and once more inside each write), one
 * IndexedDB `get` each, and on a first sync nearly all of those reads find nothing. Those
 * requests were about a quarter of the first sync's time (docs/architecture.md, "Initial sync
 * and first screen").
 *
 * How: for a bulk read (`getMany`) of at least MIN_KEYS keys, the middleware keeps the set of
 * every primary key of the table, read once with one `getAllKeys`, and asks IndexedDB only for
 * the keys in the set; the others are answered `undefined` at once. Small reads (a screen
 * opening one ticket) go straight to IndexedDB and never load the set.
 *
 * Soundness, with several tabs or windows on one database: the only wrong answer would be
 * "absent" for a key that exists, which needs a key written by someone the set did not see. So
 * every write through this middleware, in any tab, also writes a fresh random token in a
 * sentinel record of the same table, in the same transaction. The set is paired with the token
 * of the state it reflects; a bulk read first reads the stored token in its own transaction
 * (a consistent snapshot) and reloads the set when the tokens differ. A write extends the set
 * only when the token it found stored was the set's own; otherwise it drops the set. A write
 * that later aborts leaves a token that never reached the store, which forces a reload: never
 * a wrong answer. "Present" answers are always checked by a real `get`, so deletions need no
 * bookkeeping. The sentinel record has no `_deleted` field, so it is in none of RxDB's indexes
 * and no RxDB query or count ever sees it.
 *
 * Limit: a tab running a build from before this middleware writes no token; after an update,
 * reload the other tabs (the desktop app has one window).
 */
import type { DBCore, DBCoreGetManyRequest, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';

/**
 * Below this many keys a bulk read goes straight to IndexedDB and never loads the key set (one
 * read of every key of the table): a screen's few ids and the upstream's batches of 100 (whose
 * keys exist anyway) gain nothing; a first sync's pulls of up to 5,000 documents do.
 */
export const MIN_KEYS = 256;

/** The table RxDB's Dexie storage keeps documents in (rxdb/plugins/storage-dexie, DEXIE_DOCS_TABLE_NAME). */
const DOCS_TABLE = 'docs';

/** Primary key of the sentinel record; sorts before every id. */
export const TOKEN_KEY = '\u0000cadran:known-keys-token';

/**
 * True for the sentinel record. It is in no index, so RxDB never sees it; code that reads a whole
 * `docs` table without an index (live-collection.ts) must skip it.
 */
export function isKnownKeysRecord(row: Record<string, unknown>): boolean {
  return row.id === TOKEN_KEY;
}

/** Every primary key of the table as of `token` (the stored token when the set was made or last extended). */
type KnownKeys = { keys: Set<unknown>; token: string | undefined };

const ALL_KEYS: DBCoreKeyRange = { type: 3 as DBCoreKeyRange['type'], lower: undefined, upper: undefined };

function newToken(): string {
  return crypto.randomUUID();
}

function knownKeysTable(table: DBCoreTable): DBCoreTable {
  const keyPath = table.schema.primaryKey.keyPath;
  // Only tables keyed by one property (RxDB's `docs` tables) can hold the sentinel record.
  if (typeof keyPath !== 'string' || table.schema.primaryKey.autoIncrement) return table;
  let known: KnownKeys | null = null;

  const storedToken = async (trans: DBCoreGetManyRequest['trans']): Promise<string | undefined> => {
    const [record] = (await table.getMany({ trans, keys: [TOKEN_KEY] })) as ({ token?: string } | undefined)[];
    return record?.token;
  };

  return {
    ...table,
    async getMany(request: DBCoreGetManyRequest): Promise<unknown[]> {
      if (request.keys.length < MIN_KEYS) return table.getMany(request);
      const token = await storedToken(request.trans);
      let keys = known !== null && known.token === token ? known.keys : null;
      if (keys === null) {
        const { result } = await table.query({
          trans: request.trans,
          values: false,
          query: { index: table.schema.primaryKey, range: ALL_KEYS },
        });
        keys = new Set(result);
        keys.delete(TOKEN_KEY);
        known = { keys, token };
      }
      const wanted: unknown[] = [];
      const positions: number[] = [];
      request.keys.forEach((key, position) => {
        if (keys.has(key)) {
          wanted.push(key);
          positions.push(position);
        }
      });
      // Dense, as IndexedDB answers: callers may `map` it, which skips the holes of a sparse array.
      const results = new Array<unknown>(request.keys.length).fill(undefined);
      if (wanted.length === 0) return results;
      const found = await table.getMany({ ...request, keys: wanted });
      positions.forEach((position, i) => {
        results[position] = found[i];
      });
      return results;
    },
    async mutate(request: DBCoreMutateRequest) {
      if (request.type !== 'put' && request.type !== 'add') return table.mutate(request);
      const before = await storedToken(request.trans);
      const response = await table.mutate(request);
      const token = newToken();
      await table.mutate({ type: 'put', trans: request.trans, values: [{ [keyPath]: TOKEN_KEY, token }] });
      // One synchronous step from here: no other transaction's bookkeeping can interleave.
      if (known !== null && known.token === before) {
        const written = response.results ?? [];
        written.forEach((key, i) => {
          if (response.failures[i] === undefined && key !== undefined) known?.keys.add(key);
        });
        known.token = token;
      } else {
        known = null;
      }
      return response;
    },
  };
}

/** The middleware, installed on every Dexie database RxDB opens (`getRxStorageDexie({ onCreate })`). */
export const knownKeysMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'cadran-known-keys',
  create(down: DBCore): Partial<DBCore> {
    // One wrapper, and so one key set, per table of this database connection.
    const tables = new Map<string, DBCoreTable>();
    return {
      ...down,
      table(name: string): DBCoreTable {
        // Only RxDB's documents table: its attachments table is never read in bulk.
        if (name !== DOCS_TABLE) return down.table(name);
        let table = tables.get(name);
        if (table === undefined) {
          table = knownKeysTable(down.table(name));
          tables.set(name, table);
        }
        return table;
      },
    };
  },
};
