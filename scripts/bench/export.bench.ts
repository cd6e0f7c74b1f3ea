/**
 * Reversibility export benchmark, on the local PostgreSQL (a throwaway database, as the server
 * part): one client with 100,000 interventions on 20,000 tickets, beside two other clients,
 * exported to a file as `export-client` does. Prints the time, the archive's size and what the
 * process's memory grew by at its peak (resident set and JavaScript heap, sampled every 50 ms
 * against the figures just before the export) — the export holds one cursor batch and two ZIP
 * entry buffers at a time, so the peak must not follow the client's size.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../../server/db/open';
import { writeDocuments } from '../../server/services/document-store';
import { exportClient } from '../../server/services/export/export-client';
import type { CollectionName } from '../../shared/schemas';
import { generateYear } from '../../test/fixtures/generate';
import type { BenchFigure, BenchPart } from './types';

const INTERVENTIONS = 100_000;
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const TICKETS = 20_000;
const MB = 1024 * 1024;

async function withThrowawayDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const base = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `cadran_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  try {
    return await run(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function measure(url: string): Promise<BenchFigure[]> {
  const db = await openDatabase({ databaseUrl: url, poolSize: 4 });
  const dir = await mkdtemp(path.join(tmpdir(), 'cadran-export-bench-'));
  try {
    // The large client is cl-gen-0: generateYear spreads tickets over its clients, so give it one.
    const year = generateYear({
      clients: 1,
      tickets: TICKETS,
      interventions: INTERVENTIONS,
      technicians: ['u-a', 'u-b'],
    });
    const others = generateYear({ clients: 3, tickets: 3000, interventions: 6000, technicians: ['u-a'], seed: 7 });
    const put = async (collection: CollectionName, docs: readonly { id: string }[]) => {
      for (let i = 0; i < docs.length; i += 1000) {
        const slice = docs.slice(i, i + 1000);
        await db.orm.transaction((tx) =>
          writeDocuments(
            tx,
            collection,
            slice.map((doc) => ({ id: doc.id, doc: doc as unknown as Record<string, unknown>, deleted: false })),
            'bench',
          ),
        );
      }
    };
    const rename = <T extends { id: string }>(docs: T[], prefix: string) =>
      docs.map((doc) => ({ ...doc, id: `${prefix}${doc.id}` }));
    await put('clients', year.clients);
    await put('contracts', year.contracts);
    await put('tickets', year.tickets);
    await put('interventions', year.interventions);
    // The other clients' documents under other ids and client ids, so the export has to skip them.
    const otherClient = (doc: { clientId: string }) => ({ clientId: `o-${doc.clientId}` });
    await put('clients', rename(others.clients, 'o-'));
    await put(
      'tickets',
      rename(
        others.tickets.map((t) => ({ ...t, ...otherClient(t) })),
        'o-',
      ),
    );
    await put(
      'interventions',
      rename(
        others.interventions.map((i) => ({ ...i, ...otherClient(i) })),
        'o-',
      ),
    );
    await db.orm.execute(sql`analyze documents`);

    const file = path.join(dir, 'export.zip');
    // The live heap is what the export holds; heapUsed alone also counts garbage not yet collected.
    gc();
    const before = process.memoryUsage();
    const peak = { rss: before.rss, heap: before.heapUsed, live: before.heapUsed };
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peak.rss = Math.max(peak.rss, now.rss);
      peak.heap = Math.max(peak.heap, now.heapUsed);
    }, 50);
    const collector = setInterval(() => {
      gc();
      peak.live = Math.max(peak.live, process.memoryUsage().heapUsed);
    }, 2000);
    const started = performance.now();
    const manifest = await exportClient(db, { clientId: 'cl-gen-0', account: null }, createWriteStream(file));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    clearInterval(collector);
    if (manifest.collections.interventions.documents !== INTERVENTIONS) {
      throw new Error(`exported ${manifest.collections.interventions.documents} interventions`);
    }
    const size = (await stat(file)).size;
    return [
      {
        name: `export a client with ${INTERVENTIONS.toLocaleString('en')} interventions (PostgreSQL, to a file)`,
        value: seconds,
        unit: 's',
      },
      {
        name: `  its archive (${manifest.reports.toLocaleString('en')} comptes-rendus in PDF)`,
        value: size / MB,
        unit: 'MB',
      },
      { name: '  peak growth of the resident set during the export', value: (peak.rss - before.rss) / MB, unit: 'MB' },
      {
        name: '  peak growth of the JavaScript heap (garbage included)',
        value: (peak.heap - before.heapUsed) / MB,
        unit: 'MB',
      },
      {
        name: '  peak growth of the live heap (after a collection, every 2 s)',
        value: (peak.live - before.heapUsed) / MB,
        unit: 'MB',
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
    await db.close();
  }
}

const part: BenchPart = {
  title: 'export',
  run: () => withThrowawayDatabase(measure),
};

export default part;
