/**
 * Reading a client's documents for the export: inside one read-only REPEATABLE READ
 * transaction (every file of the archive describes the same instant, whatever devices push
 * meanwhile), through server-side cursors fetched a batch at a time, so the server holds one
 * batch of rows in memory however many the client has.
 *
 * On PGlite the single embedded connection runs one transaction at a time: other requests
 * wait while an export reads (docs/server.md).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { CollectionName } from '../../../shared/schemas';
import { type Executor, type Orm, queryRows, type Transaction } from '../../db/database';
import { type ClientScope, clientView } from '../client-scope';
import { scopedPageQuery, type ScopeMode } from '../client-pages';

export const BATCH = 500;

/** Counts the rows read from the database (the memory-bound test watches it). */
export type ReadCounter = { rows: number };

export function inSnapshot<T>(db: Orm, run: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      // Cursors walk the indexes in order instead of sorting (see document-store.ts).
      await tx.execute(
        sql`select set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true)`,
      );
      return run(tx);
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

let cursorNumber = 0;

/** Batches of rows of `query`, through a cursor closed at the end (or on a throw). */
export async function* cursorBatches<T>(
  tx: Executor,
  query: SQL,
  counter: ReadCounter,
  batch = BATCH,
): AsyncGenerator<T[]> {
  const name = sql.raw(`export_cursor_${++cursorNumber}`);
  await tx.execute(sql`declare ${name} no scroll cursor for ${query}`);
  try {
    for (;;) {
      const rows = await queryRows<T>(tx, sql`fetch forward ${sql.raw(String(batch))} from ${name}`);
      counter.rows += rows.length;
      if (rows.length > 0) yield rows;
      if (rows.length < batch) return;
    }
  } finally {
    await tx.execute(sql`close ${name}`);
  }
}

/**
 * The live documents of a collection in the scope, in server order: everything the client owns
 * (`owned`, a lead's export) or what its account may read, as it sees it (`account`).
 */
export async function* scopedDocuments(
  tx: Executor,
  collection: CollectionName,
  scope: ClientScope,
  mode: ScopeMode,
  counter: ReadCounter,
): AsyncGenerator<Record<string, unknown>[]> {
  const query = scopedPageQuery(collection, scope, mode, null, null, { includeDeleted: false });
  for await (const rows of cursorBatches<{ json: string }>(tx, query, counter)) {
    yield rows.map((row) => {
      const { _deleted: _gone, ...doc } = JSON.parse(row.json) as Record<string, unknown>;
      return mode === 'account' ? clientView(collection, doc) : doc;
    });
  }
}
