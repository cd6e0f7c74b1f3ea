/**
 * Seeded fault simulation (docs/server.md "Tests"): four devices — a lead and three technicians
 * — create and edit tickets, record, amend and validate interventions against a real server
 * process, pushing in shuffled order, twice, and replaying old batches late, pulling again from
 * old checkpoints, while the server is killed (SIGKILL) and restarted at once, twice, mid-burst
 * — on PGlite, and on PostgreSQL when DATABASE_URL is set. At the end, once every device has
 * pushed and pulled everything: no 4xx was ever answered, every acknowledged write is present
 * exactly once and no update was lost (checks.ts), every replica equals the server, and every
 * block of the contract's ledger has exactly one invoice.
 *
 * The seed decides every device's edits and requests; the moments of the kills depend on timing.
 * A failure names its seed: replay with `CADRAN_SIM_SEED=<seed> npx vitest run test/server/fault-simulation.test.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Contract, Intervention, Ticket } from '../../shared/schemas';
import type { LoginResponse } from '../../shared/sync';
import { prng } from '../fixtures/generate';
import { aClient, aContract } from './support/documents';
import { BACKENDS, createPostgresDatabase, type BackendName } from './support/databases';
import { type ServerProcess, startServerProcess } from './support/process';
import { acknowledgedWriteProblems, dueInvoiceIds, serverDocuments } from './support/simulation/checks';
import { step, SIM_CLIENT, SIM_CONTRACT } from './support/simulation/schedule';
import { COLLECTIONS, type Collection, type Doc, SimDevice } from './support/simulation/sim-device';

const SEED = process.env.CADRAN_SIM_SEED ? Number(process.env.CADRAN_SIM_SEED) : Math.floor(Math.random() * 2 ** 31);
const STEPS = 60;
const ADMIN = { email: 'admin@sim.test', password: 'admin password 123' };
const PASSWORD = 'device password 123';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function api<T>(url: string, route: string, token: string | null, body: unknown): Promise<T> {
  const response = await fetch(`${url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function simulate(backend: BackendName, seed: number): Promise<void> {
  const random = prng(seed);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cadran-sim-'));
  const postgres = backend === 'postgres' ? await createPostgresDatabase() : null;
  const env: Record<string, string> = {
    ...(postgres ? { DATABASE_URL: postgres.url } : { DATA_DIR: dataDir, DATABASE_URL: '' }),
    CADRAN_ADMIN_EMAIL: ADMIN.email,
    CADRAN_ADMIN_PASSWORD: ADMIN.password,
    // Tokens expire during the run: refreshes race the kills too.
    CADRAN_ACCESS_TOKEN_TTL: '10',
  };
  let process: ServerProcess = await startServerProcess(env);
  const server = { url: process.url };
  try {
    const admin = await api<LoginResponse>(server.url, '/api/auth/login', null, ADMIN);
    const people = [
      { email: 'lead@sim.test', name: 'Léa Lead', role: 'lead' },
      ...[1, 2, 3].map((n) => ({ email: `tech${n}@sim.test`, name: `Technicien ${n}`, role: 'technician' })),
    ];
    for (const person of people)
      await api(server.url, '/api/users', admin.accessToken, { ...person, password: PASSWORD });
    const rows = (docs: object[]) =>
      docs.map((d) => ({ assumedMasterState: null, newDocumentState: { ...d, _deleted: false } }));
    await api(server.url, '/api/sync/clients/push', admin.accessToken, rows([aClient({ id: SIM_CLIENT })]));
    await api(
      server.url,
      '/api/sync/contracts/push',
      admin.accessToken,
      rows([aContract({ id: SIM_CONTRACT, clientId: SIM_CLIENT, utBase: 16 })]),
    );

    const devices = people.map((p, i) => ({
      role: p.role as 'lead' | 'technician',
      device: new SimDevice(`d${i}`, p.email, PASSWORD, server, prng(seed + i + 1)),
      random: prng(seed * 31 + i),
    }));
    for (const { device } of devices) expect(await device.signIn()).toBe(true);

    // Two kills, at seeded points of the burst, each followed at once by a restart on the same data.
    let done = 0;
    const total = devices.length * STEPS;
    const killAt = [Math.floor(total * (0.2 + 0.2 * random())), Math.floor(total * (0.55 + 0.2 * random()))];
    const port = Number(new URL(server.url).port);
    const controller = (async () => {
      for (const at of killAt) {
        while (done < at) await sleep(5);
        await process.stop('SIGKILL');
        process = await startServerProcess(env, port);
      }
    })();
    await Promise.all([
      controller,
      ...devices.map(async ({ device, role, random: r }) => {
        for (let s = 0; s < STEPS; s++) {
          const before = device.unanswered;
          await step(device, role, r);
          done++;
          // As the app does: a request without an answer is retried after a pause.
          if (device.unanswered > before) await sleep(150);
        }
      }),
    ]);

    // Everyone pushes everything, then pulls everything.
    for (let round = 0; round < 40; round++) {
      for (const { device } of devices) for (const c of COLLECTIONS) await device.push(c, 100);
      if (devices.every(({ device }) => COLLECTIONS.every((c) => device.dirty(c).length === 0))) break;
      await sleep(100);
    }
    for (const { device } of devices) for (const c of COLLECTIONS) expect(await device.pull(c)).toBe(true);

    const token = (await api<LoginResponse>(server.url, '/api/auth/login', null, ADMIN)).accessToken;
    const truth = new Map<Collection, Map<string, Doc>>();
    for (const c of COLLECTIONS) truth.set(c, await serverDocuments(server.url, token, c));

    expect(devices.flatMap(({ device }) => device.refusals)).toEqual([]);
    // The kills did land mid-burst: requests went unanswered.
    expect(devices.reduce((n, { device }) => n + device.unanswered, 0)).toBeGreaterThan(0);
    expect(devices.map(({ device }) => COLLECTIONS.map((c) => device.dirty(c).length))).toEqual(
      devices.map(() => [0, 0]),
    );
    const acks = devices.flatMap(({ device }) => device.acks);
    expect(acks.length).toBeGreaterThan(total / 4);
    expect(acknowledgedWriteProblems(acks, truth)).toEqual([]);
    for (const { device } of devices) {
      for (const c of COLLECTIONS) {
        const sorted = (m: Map<string, Doc> | undefined) =>
          [...(m?.values() ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(sorted(device.replica.get(c)), `${device.name}'s ${c}`).toEqual(sorted(truth.get(c)));
      }
    }
    // The invoices: one per block of the ledger the server's documents make, none twice, none
    // missing — the start-up pass repairs what a kill interrupted.
    const contracts = [...(await serverDocuments(server.url, token, 'contracts')).values()] as unknown as Contract[];
    const due = dueInvoiceIds(contracts, [...(truth.get('tickets')?.values() ?? [])] as unknown as Ticket[], [], [
      ...(truth.get('interventions')?.values() ?? []),
    ] as unknown as Intervention[]).sort();
    expect(due.length).toBeGreaterThan(2);
    await expect
      .poll(async () => [...(await serverDocuments(server.url, token, 'invoices')).keys()].sort(), { timeout: 20_000 })
      .toEqual(due);
  } finally {
    await process.stop();
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe.each(BACKENDS)('seeded fault simulation on %s', { timeout: 180_000 }, (backend) => {
  it('keeps every acknowledged write exactly once, replicas equal to the server, one invoice per block', async () => {
    try {
      await simulate(backend, SEED);
    } catch (error) {
      const replay = `fault simulation failed with seed ${SEED} on ${backend}: replay with CADRAN_SIM_SEED=${SEED} npx vitest run test/server/fault-simulation.test.ts`;
      console.error(replay);
      if (error instanceof Error) error.message = `${replay}\n${error.message}`;
      throw error;
    }
  });
});
