/**
 * The checkpoint pitfall on pooled PostgreSQL (needs DATABASE_URL): a transaction that draws a
 * seq and commits late must never let a reader that follows checkpoints move past its row.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PULL_PAGE_MAX_BYTES, type PullResponse } from '../../shared/sync';
import type { Database } from '../../server/db/database';
import { pageAfter, writeDocuments } from '../../server/services/document-store';
import { openTestDatabase, POSTGRES_URL, type TestDatabase } from './support/databases';
import { aTicket } from './support/documents';
import { creations, startTestServer, type TestServer } from './support/server';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Follows checkpoints like a device until `done` resolves, then pulls once more. */
async function followingReader(db: Database, done: Promise<unknown>): Promise<Set<string>> {
  const seen = new Set<string>();
  let checkpoint: { seq: number; id: string } | null = null;
  let finished = false;
  void done.finally(() => (finished = true));
  for (;;) {
    const last = finished;
    const { rows } = await pageAfter(db.orm, 'tickets', checkpoint, 1000, PULL_PAGE_MAX_BYTES);
    for (const row of rows) seen.add(row.id);
    const tail = rows.at(-1);
    if (tail) checkpoint = { seq: tail.seq, id: tail.id };
    if (last) return seen;
    await sleep(10);
  }
}

/** Writer A draws its seq first and commits 400 ms later; writer B starts 100 ms after A and commits at once. */
async function lateCommitRace(
  db: Database,
  write: (tx: Parameters<Parameters<Database['orm']['transaction']>[0]>[0], id: string) => Promise<void>,
) {
  const a = db.orm.transaction(async (tx) => {
    await write(tx, 'tk-late');
    await tx.execute(sql`select pg_sleep(0.4)`);
  });
  await sleep(100);
  const b = db.orm.transaction((tx) => write(tx, 'tk-early'));
  return followingReader(db, Promise.all([a, b]));
}

describe.skipIf(!POSTGRES_URL)('concurrent writers on pooled PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('postgres', { poolSize: 10 });
  });
  afterAll(() => database.dispose());

  it('shows the hazard: without the collection lock a late commit is skipped by the reader', async () => {
    await database.db.orm.execute(sql`delete from documents`);
    const seen = await lateCommitRace(database.db, async (tx, id) => {
      await tx.execute(sql`insert into documents (collection, id, seq, doc, author_id)
                           values ('tickets', ${id}, nextval('document_seq'), '{}'::jsonb, 'test')`);
    });
    expect(seen.has('tk-early')).toBe(true);
    expect(seen.has('tk-late')).toBe(false);
  });

  it('never lets the reader skip a row when writes go through the document store', async () => {
    await database.db.orm.execute(sql`delete from documents`);
    const seen = await lateCommitRace(database.db, async (tx, id) => {
      await writeDocuments(tx, 'tickets', [{ id, doc: aTicket({ id }), deleted: false }], 'test');
    });
    expect([...seen].sort()).toEqual(['tk-early', 'tk-late']);
  });
});

describe.skipIf(!POSTGRES_URL)('twenty devices pushing while one pulls, on pooled PostgreSQL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('postgres', { poolSize: 20 });
  });
  afterAll(() => server.close());

  it('delivers every pushed document to a reader following checkpoints', async () => {
    const devices = 20;
    const batches = 15;
    const writers = Array.from({ length: devices }, async (_, device) => {
      for (let batch = 0; batch < batches; batch++) {
        const docs = Array.from({ length: 5 }, (_, i) =>
          aTicket({ id: `tk-${device}-${batch}-${i}`, reference: `T-${device}-${batch}-${i}` }),
        );
        const response = await server.push(device % 2 ? 'tech' : 'tech2', 'tickets', creations(docs));
        expect(response.statusCode).toBe(200);
      }
    });
    const seen = new Set<string>();
    let checkpoint: PullResponse['checkpoint'] = null;
    let finished = false;
    const all = Promise.all(writers).finally(() => (finished = true));
    for (;;) {
      const last = finished;
      const page: PullResponse = (await server.pull('lead', 'tickets', checkpoint, 50)).json<PullResponse>();
      for (const doc of page.documents) seen.add(String(doc.id));
      checkpoint = page.checkpoint;
      if (last && page.documents.length === 0) break;
    }
    await all;
    expect(seen.size).toBe(devices * batches * 5);
  });
});
