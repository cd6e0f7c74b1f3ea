/**
 * The database handle the services share, the same whether it is a PostgreSQL pool or embedded
 * PGlite: a Drizzle instance, LISTEN/NOTIFY, and close.
 */
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { schema } from './schema';

export type Orm = PgDatabase<PgQueryResultHKT, typeof schema>;
/** Anything that runs SQL: the database itself or a transaction. */
export type Executor = Pick<Orm, 'execute'>;
export type Transaction = Parameters<Parameters<Orm['transaction']>[0]>[0];

export type DatabaseKind = 'postgres' | 'pglite';

export type Database = {
  kind: DatabaseKind;
  orm: Orm;
  /**
   * Calls `onPayload` for each NOTIFY on `channel` (after the notifying transaction commits).
   * `onGap` is called when notifications may have been missed (the listening connection was
   * lost and is back), so the caller re-reads what it follows. Resolves once listening.
   */
  listen(channel: string, onPayload: (payload: string) => void, onGap: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

/** Rows of a raw query, whichever driver ran it (both answer `{ rows }`). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Channel of the change notifications: payload `${collection}:${seq}` (far under 8000 bytes). */
export const CHANGES_CHANNEL = 'cadran_changes';
