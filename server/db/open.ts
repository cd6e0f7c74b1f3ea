/**
 * Opens the central store: PostgreSQL when a URL is given, else embedded PGlite in a data
 * directory (or in memory for tests), and applies the migrations in `server/db/migrations`.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Database, Orm } from './database';
import { acquireDataDirLock } from './data-dir-lock';
import { listenPg } from './pg-listener';
import { schema } from './schema';

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Advisory lock key of the migration step, so processes starting together migrate once. */
const MIGRATION_LOCK = [0x0cae, 1] as const;

export type OpenOptions = {
  /** PostgreSQL URL; absent → PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; absent → in memory (tests). */
  dataDir?: string | undefined;
  /** Connections in the PostgreSQL pool (default 10). */
  poolSize?: number;
  onError?: (error: Error) => void;
};

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options.dataDir);
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  await migratePostgres(url);
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle client losing its connection must not crash the process: the pool replaces it.
  pool.on('error', (error) => options.onError?.(error));
  const orm = drizzlePg({ client: pool, schema }) as unknown as Orm;
  return {
    kind: 'postgres',
    orm,
    listen: (channel, onPayload, onGap) => listenPg(url, channel, onPayload, onGap, options.onError),
    close: () => pool.end(),
  };
}

/** Runs the migrations on one connection holding a session advisory lock. */
async function migratePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1, $2)', [...MIGRATION_LOCK]);
    await migratePg(drizzlePg({ client, schema }), { migrationsFolder });
    await client.query('select pg_advisory_unlock($1, $2)', [...MIGRATION_LOCK]);
  } finally {
    await client.end();
  }
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  let release: (() => Promise<void>) | undefined;
  let client: PGlite;
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    release = await acquireDataDirLock(dataDir);
    client = new PGlite(path.join(dataDir, 'pglite'));
  } else {
    client = new PGlite();
  }
  try {
    await client.waitReady;
    const orm = drizzlePglite({ client, schema });
    await migratePglite(orm, { migrationsFolder });
    return {
      kind: 'pglite',
      orm: orm as unknown as Orm,
      // One process owns a PGlite database, so a notification can never be missed: no gaps.
      listen: async (channel, onPayload) => {
        const unlisten = await client.listen(channel, onPayload);
        return () => unlisten();
      },
      close: async () => {
        await client.close();
        await release?.();
      },
    };
  } catch (error) {
    await release?.();
    throw error;
  }
}
