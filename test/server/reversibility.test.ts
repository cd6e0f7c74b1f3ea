/**
 * Reversibility end to end on the server side: the CLI-equivalent export of a client, imported
 * into an empty server, reproduces that client's documents exactly; a second import, or an
 * archive with an invalid document, writes nothing; and the export reads the database only as
 * fast as its output drains (bounded memory whatever the client's size).
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { COLLECTION_NAMES } from '../../shared/schemas';
import { queryRows } from '../../server/db/database';
import { exportClient } from '../../server/services/export/export-client';
import { importClient } from '../../server/services/export/import-client';
import { generateYear } from '../fixtures/generate';
import { BACKENDS } from './support/databases';
import { seedExportClients, unzip } from './support/export-fixtures';
import { store } from './support/scoped-documents';
import { startTestServer, type TestServer } from './support/server';

type Row = { collection: string; id: string; doc: Record<string, unknown> };

async function documentsOf(server: TestServer, ids: ReadonlySet<string>): Promise<Row[]> {
  const rows = await queryRows<Row>(
    server.db.orm,
    sql`select collection, id, doc from documents where not deleted order by collection, id`,
  );
  return rows.filter((row) => ids.has(`${row.collection}/${row.id}`));
}

/**
 * The documents without the main courante's `serverSeq`: the order stamp each server draws from
 * its own sequence (docs/domain-decisions.md D-45). The new server stamps the imported entries
 * anew, in the archive's order — checked apart, by `threadOrderOf`.
 */
const withoutServerOrder = (rows: Row[]) =>
  rows.map(({ doc: { serverSeq: _seq, ...doc }, ...row }) => ({ ...row, doc }));

/** The main courante's ids in the server's order. */
const threadOrderOf = (rows: Row[]) =>
  rows
    .filter((row) => row.collection === 'logbook')
    .sort((a, b) => Number(a.doc.serverSeq) - Number(b.doc.serverSeq))
    .map((row) => row.id);

async function exportToFile(server: TestServer, clientId: string, file: string) {
  return exportClient(server.db, { clientId, account: null }, createWriteStream(file));
}

describe.each(BACKENDS)('reversibility on %s', (backend) => {
  let source: TestServer;
  let dir: string;
  beforeAll(async () => {
    source = await startTestServer(backend);
    await seedExportClients(source);
    dir = await mkdtemp(path.join(tmpdir(), 'cadran-reversibility-'));
  }, 60_000);
  afterAll(() => source.close());

  it('re-imported into an empty server, reproduces the client’s documents exactly', async () => {
    const file = path.join(dir, 'cl-x.zip');
    const manifest = await exportToFile(source, 'cl-x', file);
    const files = await unzip(await readFile(file));
    const exportedIds = new Set(
      COLLECTION_NAMES.flatMap((collection) => {
        const text = files.get(`json/${collection}.json`)?.toString() ?? '';
        return (JSON.parse(text) as { documents: { id: string }[] }).documents.map((d) => `${collection}/${d.id}`);
      }),
    );
    expect(exportedIds.size).toBe(Object.values(manifest.collections).reduce((n, c) => n + c.documents, 0));

    const target = await startTestServer(backend);
    try {
      const result = await importClient(target.db, file);
      expect(result.documents.interventions).toBe(3);
      const imported = await documentsOf(target, exportedIds);
      const original = await documentsOf(source, exportedIds);
      expect(withoutServerOrder(imported)).toEqual(withoutServerOrder(original));
      expect(threadOrderOf(imported)).toEqual(threadOrderOf(original));
      expect(threadOrderOf(original).length).toBeGreaterThan(1);
      // Everything of the client is there, and it is served to devices like any document.
      expect((await target.pullAll('lead', 'tickets')).map((d) => d.id).sort()).toEqual(['tk-x1', 'tk-x2']);

      const before = await documentsOf(target, exportedIds);
      await expect(importClient(target.db, file)).rejects.toThrow(/already exists on this server/);
      expect(await documentsOf(target, exportedIds)).toEqual(before);
    } finally {
      await target.close();
    }
  });

  it('refuses an archive with an invalid document, naming it, and writes nothing', async () => {
    const good = await unzip(await readFile(path.join(dir, 'cl-x.zip')));
    const zip = new yazl.ZipFile();
    for (const [name, content] of good) {
      const text =
        name === 'json/tickets.json' ? content.toString().replace('"status":"new"', '"status":"perdu"') : content;
      zip.addBuffer(Buffer.from(text), name);
    }
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    const bad = path.join(dir, 'bad.zip');
    await writeFile(bad, Buffer.concat(chunks));

    const target = await startTestServer(backend);
    try {
      await expect(importClient(target.db, bad)).rejects.toThrow(
        /json\/tickets.json: document "tk-x1" is invalid at status/,
      );
      const [row] = await queryRows<{ n: number }>(
        target.db.orm,
        sql`select count(*)::int as n from documents where collection <> 'users'`,
      );
      expect(row?.n).toBe(0);
    } finally {
      await target.close();
    }
  });

  it('reads the database only as fast as the archive is taken: memory stays bounded', async () => {
    const year = generateYear({ clients: 1, tickets: 600, interventions: 3000, technicians: ['u-bench'] });
    await store(source, 'clients', year.clients);
    await store(source, 'contracts', year.contracts);
    for (let i = 0; i < year.tickets.length; i += 500) await store(source, 'tickets', year.tickets.slice(i, i + 500));
    for (let i = 0; i < year.interventions.length; i += 500)
      await store(source, 'interventions', year.interventions.slice(i, i + 500));
    const clientId = year.clients[0]?.id ?? '';

    // An output that takes one chunk and then nothing until released.
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let taken = 0;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        taken += chunk.length;
        if (taken > 1024) void released.then(() => done());
        else done();
      },
    });
    const counter = { rows: 0 };
    const exporting = exportClient(source.db, { clientId, account: null }, slow, { counter });
    // Give it time to run ahead if it could: it would read all 3,600 documents in well under this.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const whileStalled = counter.rows;
    release();
    const manifest = await exporting;
    // Measured: about 1,700 rows read before the output's buffers and the archive's two entry
    // buffers fill (generated documents compress some fifty times); an export that gathered
    // everything first would have read all ~11,000 rows of its three passes by then.
    expect(whileStalled).toBeLessThan(3000);
    expect(manifest.collections.interventions.documents).toBe(3000);
    // Each collection is read twice (JSON, CSV), the interventions a third time (comptes-rendus).
    expect(counter.rows).toBeGreaterThan(2 * 3600);
  }, 120_000);
});
