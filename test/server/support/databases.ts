/**
 * The databases server tests run against: embedded PGlite always, and the local PostgreSQL
 * when DATABASE_URL is set. Each test gets its own throwaway database (a fresh in-memory
 * PGlite, or `CREATE DATABASE cadran_t_…` dropped afterwards), so files run in parallel.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../../server/db/database';
import { openDatabase } from '../../../server/db/open';

export type BackendName = 'pglite' | 'postgres';
export type TestDatabase = { db: Database; url: string | undefined; dispose(): Promise<void> };

export const POSTGRES_URL = process.env.DATABASE_URL || undefined;

/** The backends to run a suite against: `describe.each(BACKENDS)`. */
export const BACKENDS: BackendName[] = POSTGRES_URL ? ['pglite', 'postgres'] : ['pglite'];

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A connection for CREATE/DROP DATABASE: the URL's database, or `postgres` if that one is absent. */
async function adminClient(url: string): Promise<pg.Client> {
  for (const candidate of [url, withDatabase(url, 'postgres')]) {
    const client = new pg.Client({ connectionString: candidate });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      if ((error as { code?: string }).code !== '3D000' || candidate !== url) throw error;
    }
  }
  throw new Error(`cannot connect to ${url}`);
}

/** A new empty PostgreSQL database on the DATABASE_URL server; its URL and how to drop it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!POSTGRES_URL) throw new Error('DATABASE_URL is not set');
  const name = `cadran_t_${randomBytes(6).toString('hex')}`;
  const admin = await adminClient(POSTGRES_URL);
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(POSTGRES_URL, name),
    async drop() {
      const client = await adminClient(POSTGRES_URL);
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

export async function openTestDatabase(
  backend: BackendName,
  options: { poolSize?: number; dataDir?: string } = {},
): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const db = await openDatabase({ dataDir: options.dataDir });
    return { db, url: undefined, dispose: () => db.close() };
  }
  const created = await createPostgresDatabase();
  const db = await openDatabase({ databaseUrl: created.url, poolSize: options.poolSize ?? 5 });
  return {
    db,
    url: created.url,
    async dispose() {
      await db.close();
      await created.drop();
    },
  };
}
