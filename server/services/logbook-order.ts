/**
 * Main courante entries stored before the server stamped its order into them (`serverSeq`,
 * document-store.ts) get it once, at start: rewritten in their existing seq order under the
 * logbook lock, so they keep their relative order, get new seqs and reach every device on its
 * next pull like any change. Entries are append-only for devices; this is the server's own write.
 */
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../db/database';
import { lockCollection, writeDocuments } from './document-store';

const BATCH = 500;

/** Stamps every logbook entry lacking `serverSeq`; resolves to how many were stamped. */
export async function stampLegacyLogbook(db: Database): Promise<number> {
  let stamped = 0;
  for (;;) {
    const count = await db.orm.transaction(async (tx) => {
      await lockCollection(tx, 'logbook');
      const rows = await queryRows<{ id: string; doc: Record<string, unknown>; deleted: boolean }>(
        tx,
        sql`select id, doc, deleted from documents
            where collection = 'logbook' and not (doc ? 'serverSeq')
            order by seq, id limit ${BATCH}`,
      );
      await writeDocuments(tx, 'logbook', rows, 'server');
      return rows.length;
    });
    stamped += count;
    if (count < BATCH) return stamped;
  }
}
