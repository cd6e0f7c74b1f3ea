/**
 * Server benchmark, on the local PostgreSQL over loopback HTTP (a throwaway database created
 * from DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres, and dropped after):
 * - a device's initial pull of 100,000 documents in pages of PULL_LIMIT_MAX (parsed as the
 *   app parses them);
 * - a client account's pull of its own client's share of them (filtered in SQL before the limit);
 * - push throughput and latency with 20 devices pushing batches of 10 new documents at once.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Ticket } from '../../shared/schemas';
import { aClient } from '../../test/fixtures/documents';
import {
  type Checkpoint,
  type LoginResponse,
  PULL_LIMIT_MAX,
  PULL_PAGE_MAX_BYTES,
  type PullResponse,
} from '../../shared/sync';
import { buildApp } from '../../server/app';
import { openDatabase } from '../../server/db/open';
import { writeDocuments } from '../../server/services/document-store';
import { createUser } from '../../server/services/users';
import type { BenchFigure, BenchPart } from './types';

const PULL_DOCUMENTS = 100_000;
/** Tickets of client cl-7 among them: ticket n belongs to cl-(n mod 300). */
const CLIENT_TICKETS = Math.floor((PULL_DOCUMENTS - 1 - 7) / 300) + 1;
const DEVICES = 20;
const PUSHES_PER_DEVICE = 40;
const BATCH = 10;

function ticket(id: string, n: number): Ticket {
  const at = new Date(Date.UTC(2026, 0, 5, 8, 30) + n * 60_000).toISOString();
  return {
    id,
    updatedAt: at,
    reference: `T-BENCH-${n}`,
    clientId: `cl-${n % 300}`,
    contractId: `ct-${n % 300}`,
    channel: 'hotline',
    nature: 'curative',
    priority: 'normal',
    status: 'closed',
    receivedAt: at,
    assigneeId: 'u-bench',
    title: 'Imprimante hors ligne — Copieur multifonction',
    description: 'Le copieur n’apparaît plus sur les postes depuis la coupure de courant de ce matin.',
    createdBy: 'u-bench',
    createdAt: at,
    fieldUpdatedAt: { status: at },
    history: [
      { at, by: 'u-bench', kind: 'create' },
      { at, by: 'u-bench', kind: 'edit', field: 'status', from: '"new"', to: '"closed"' },
    ],
  };
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

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
  const db = await openDatabase({ databaseUrl: url, poolSize: 20 });
  const app = await buildApp({
    db,
    config: {
      staticDir: '/nonexistent',
      logLevel: 'warn',
      jwtSecret: undefined,
      accessTokenTtlSeconds: 3600,
      refreshTokenDays: 1,
      heartbeatMs: 15_000,
      bodyLimit: 5 * 1024 * 1024,
      trustProxy: false,
      pullPageBytes: PULL_PAGE_MAX_BYTES,
    },
  });
  try {
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    await createUser(
      db,
      { email: 'bench@test.fr', name: 'Bench', role: 'lead', password: 'bench password 1' },
      'server',
    );
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@test.fr', password: 'bench password 1' }),
    });
    const { accessToken } = (await login.json()) as LoginResponse;
    const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };

    for (let i = 0; i < PULL_DOCUMENTS; i += 1000) {
      const docs = Array.from({ length: 1000 }, (_, k) => ticket(`tk-pull-${i + k}`, i + k));
      await db.orm.transaction((tx) =>
        writeDocuments(
          tx,
          'tickets',
          docs.map((doc) => ({ id: doc.id, doc, deleted: false })),
          'bench',
        ),
      );
    }
    const pullStart = performance.now();
    let checkpoint: Checkpoint | null = null;
    let pulled = 0;
    for (;;) {
      const query = checkpoint ? `seq=${checkpoint.seq}&id=${encodeURIComponent(checkpoint.id)}&` : '';
      const response = await fetch(`${base}/api/sync/tickets/pull?${query}limit=${PULL_LIMIT_MAX}`, { headers });
      const page = (await response.json()) as PullResponse;
      pulled += page.documents.length;
      if (page.documents.length === 0) break;
      checkpoint = page.checkpoint;
    }
    const pullSeconds = (performance.now() - pullStart) / 1000;
    if (pulled !== PULL_DOCUMENTS) throw new Error(`pulled ${pulled} documents, expected ${PULL_DOCUMENTS}`);

    // A client account bound to one of the 300 clients: its pull walks only that client's rows.
    await writeDocuments(db.orm, 'clients', [{ id: 'cl-7', doc: aClient({ id: 'cl-7' }), deleted: false }], 'bench');
    await createUser(
      db,
      { email: 'client@test.fr', name: 'Client', role: 'client', clientIds: ['cl-7'], password: 'bench password 1' },
      'server',
    );
    const clientLogin = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'client@test.fr', password: 'bench password 1' }),
    });
    const clientHeaders = { authorization: `Bearer ${((await clientLogin.json()) as LoginResponse).accessToken}` };
    const clientStart = performance.now();
    let clientPulled = 0;
    checkpoint = null;
    for (;;) {
      const query = checkpoint ? `seq=${checkpoint.seq}&id=${encodeURIComponent(checkpoint.id)}&` : '';
      const response = await fetch(`${base}/api/sync/tickets/pull?${query}limit=100`, { headers: clientHeaders });
      const page = (await response.json()) as PullResponse;
      clientPulled += page.documents.length;
      if (page.documents.length === 0) break;
      checkpoint = page.checkpoint;
    }
    const clientMs = performance.now() - clientStart;
    if (clientPulled !== CLIENT_TICKETS) throw new Error(`the client account pulled ${clientPulled} tickets`);

    const latencies: number[] = [];
    const pushStart = performance.now();
    await Promise.all(
      Array.from({ length: DEVICES }, async (_, device) => {
        for (let push = 0; push < PUSHES_PER_DEVICE; push++) {
          const rows = Array.from({ length: BATCH }, (_, k) => {
            const n = (device * PUSHES_PER_DEVICE + push) * BATCH + k;
            return { assumedMasterState: null, newDocumentState: { ...ticket(`tk-push-${n}`, n), _deleted: false } };
          });
          const started = performance.now();
          const response = await fetch(`${base}/api/sync/tickets/push`, {
            method: 'POST',
            headers,
            body: JSON.stringify(rows),
          });
          const conflicts = (await response.json()) as unknown[];
          latencies.push(performance.now() - started);
          if (response.status !== 200 || conflicts.length > 0) throw new Error(`push answered ${response.status}`);
        }
      }),
    );
    const pushSeconds = (performance.now() - pushStart) / 1000;
    latencies.sort((a, b) => a - b);
    return [
      {
        name: `pull ${PULL_DOCUMENTS.toLocaleString('en')} documents in pages of ${PULL_LIMIT_MAX} (PostgreSQL, loopback)`,
        value: pullSeconds,
        unit: 's',
        target: { value: 5, lowerIsBetter: true },
      },
      {
        name: `client account: pull its ${CLIENT_TICKETS} of them in pages of 100`,
        value: clientMs,
        unit: 'ms',
      },
      {
        name: `push throughput, ${DEVICES} devices × batches of ${BATCH}`,
        value: (DEVICES * PUSHES_PER_DEVICE * BATCH) / pushSeconds,
        unit: 'docs/s',
        target: { value: 1000, lowerIsBetter: false },
      },
      { name: 'push latency p50', value: percentile(latencies, 0.5), unit: 'ms' },
      { name: 'push latency p99', value: percentile(latencies, 0.99), unit: 'ms' },
    ];
  } finally {
    await app.close();
    await db.close();
  }
}

const part: BenchPart = {
  title: 'server',
  run: () => withThrowawayDatabase(measure),
};

export default part;
