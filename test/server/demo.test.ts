import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractLedger, createCalendar, isWorkingDay } from '../../shared/domain';
import {
  COLLECTION_NAMES,
  type CollectionName,
  type Contract,
  type Equipment,
  type Intervention,
  type Ticket,
  validateDocument,
} from '../../shared/schemas';
import { type Database, queryRows } from '../../server/db/database';
import { DEMO_CLIENT_ACCOUNT, DEMO_PASSWORD } from '../../server/demo/people';
import { seedDemo, type SeedResult } from '../../server/demo/seed';
import { DEMO_PASSWORD as FIXTURE_PASSWORD, DEMO_USERS } from '../fixtures/demo-users';
import { openTestDatabase, type TestDatabase } from './support/databases';

const NOW = new Date('2026-11-27T10:15:00.000Z');

async function all<T>(db: Database, collection: CollectionName): Promise<T[]> {
  const rows = await queryRows<{ doc: T }>(
    db.orm,
    sql`select doc from documents where collection = ${collection} and not deleted order by id`,
  );
  return rows.map((row) => row.doc);
}

describe('demo data', { timeout: 120_000 }, () => {
  let database: TestDatabase;
  let result: SeedResult;
  let tickets: Ticket[];
  let interventions: Intervention[];
  let contracts: Contract[];
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    result = await seedDemo(database.db, { size: 'normal', now: NOW });
    tickets = await all<Ticket>(database.db, 'tickets');
    interventions = await all<Intervention>(database.db, 'interventions');
    contracts = await all<Contract>(database.db, 'contracts');
  });
  afterAll(() => database.dispose());

  it('seeds once, and only into a database without clients', async () => {
    expect(result.seeded).toBe(true);
    expect((await seedDemo(database.db, { size: 'normal', now: NOW })).seeded).toBe(false);
    expect(await all(database.db, 'clients')).toHaveLength(30);
  });

  it('signs in the accounts the end-to-end suites use, with the printed password', async () => {
    expect(DEMO_PASSWORD).toBe(FIXTURE_PASSWORD);
    const users = await all<{ email: string; role: string }>(database.db, 'users');
    for (const user of Object.values(DEMO_USERS))
      expect(users).toContainEqual(expect.objectContaining({ email: user.email, role: user.role }));
    expect(users.filter((u) => u.role === 'lead')).toHaveLength(2);
    expect(users.filter((u) => u.role === 'technician')).toHaveLength(6);
    expect(result.logins.filter((l) => l.password === DEMO_PASSWORD)).toHaveLength(9);
  });

  it('binds the extranet account to its one client, whose vault grants it', async () => {
    const users = await all<{ id: string; email: string; role: string; clientIds?: string[] }>(database.db, 'users');
    const account = users.find((u) => u.email === DEMO_USERS.client.email);
    expect(account).toMatchObject({ role: 'client', clientIds: [DEMO_CLIENT_ACCOUNT.clientId] });
    const clients = await all<{ id: string; vaultAccess: string[] }>(database.db, 'clients');
    const granting = clients.filter((c) => c.vaultAccess.includes(String(account?.id))).map((c) => c.id);
    expect(granting).toEqual([DEMO_CLIENT_ACCOUNT.clientId]);
  });

  it('writes only documents valid against shared/schemas', async () => {
    for (const collection of COLLECTION_NAMES) {
      for (const doc of await all(database.db, collection)) {
        const checked = validateDocument(collection, doc);
        expect(checked.ok, `${collection}: ${JSON.stringify(checked.ok ? '' : checked.failure)}`).toBe(true);
      }
    }
  });

  it('varies contracts: module A always, G/H/I/K/L on some, bases 16–40, half-days, Alsace-Moselle', () => {
    expect(contracts.every((c) => c.modules.A.active)).toBe(true);
    for (const code of ['G', 'H', 'I', 'K', 'L'] as const) {
      const count = contracts.filter((c) => c.modules[code].active).length;
      expect(count, code).toBeGreaterThan(0);
      expect(count, code).toBeLessThan(30);
    }
    expect(Math.min(...contracts.map((c) => c.utBase))).toBe(16);
    expect(Math.max(...contracts.map((c) => c.utBase))).toBe(40);
    expect(contracts.some((c) => c.halfDayBase > 0)).toBe(true);
    expect(
      contracts
        .map((c) => c.calendar.region)
        .filter(Boolean)
        .sort(),
    ).toEqual(['67', '68']);
  });

  it('covers a year of work of every channel, mostly received in heures ouvrées', () => {
    const channels = new Set(tickets.map((t) => t.channel));
    expect([...channels].sort()).toEqual(['hosting', 'hotline', 'onsite', 'telemaintenance']);
    expect(new Set(interventions.map((i) => i.channel)).size).toBe(4);
    expect(interventions.some((i) => i.channel === 'onsite' && i.trips > 0)).toBe(true);
    expect(tickets.some((t) => t.plannedService)).toBe(true);
    expect(tickets.filter((t) => t.interruption?.restoredAt).length).toBeGreaterThan(3);
    expect(interventions.filter((i) => i.validatedAt).length).toBeGreaterThan(interventions.length / 3);
    const days = tickets.map((t) => t.receivedAt).sort();
    expect(Date.parse(days[0] ?? '')).toBeGreaterThan(NOW.getTime() - 366 * 86_400_000);
    expect(Date.parse(days.at(-1) ?? '')).toBeLessThanOrEqual(NOW.getTime());

    const calendar = createCalendar();
    const inHours = tickets.filter((t) => {
      const local = DateTime.fromISO(t.receivedAt, { zone: 'Europe/Paris' });
      const minute = local.hour * 60 + local.minute;
      const working = isWorkingDay(calendar, local.toISODate() ?? '');
      return working && ((minute >= 510 && minute < 720) || (minute >= 840 && minute < 1080));
    });
    expect(inHours.length / tickets.length).toBeGreaterThan(0.8);
    expect(inHours.length).toBeLessThan(tickets.length);
  });

  it('leaves the demo technician a running timer', async () => {
    const julie = (await all<{ id: string; email: string }>(database.db, 'users')).find(
      (u) => u.email === DEMO_USERS.technician.email,
    );
    const running = interventions.filter((i) => i.segments.at(-1)?.end === undefined);
    expect(running.map((i) => i.technicianId)).toEqual([julie?.id]);
  });

  it('creates the invoices of every block of every ledger through the invoice service', async () => {
    const invoices = await all<{ id: string }>(database.db, 'invoices');
    const equipment = await all<Equipment>(database.db, 'equipment');
    const expected = contracts.flatMap((contract) => {
      const ledger = contractLedger({
        contract,
        tickets: tickets.filter((t) => t.contractId === contract.id),
        equipment: equipment.filter((e) => e.clientId === contract.clientId),
        interventions: interventions.filter((i) => i.contractId === contract.id),
      });
      return [ledger.ut, ...(ledger.halfDays ? [ledger.halfDays] : [])].flatMap((credit) =>
        credit.blockEvents.map((event) => `${contract.id}:${credit.kind}:${event.block}`),
      );
    });
    expect(invoices.map((i) => i.id).sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(contracts.length);
  });

  it('is deterministic for a given day', async () => {
    const other = await openTestDatabase('pglite');
    try {
      await seedDemo(other.db, { size: 'normal', now: NOW });
      const again = await all<Ticket>(other.db, 'tickets');
      const shape = (list: Ticket[]) =>
        list.map((t) => [t.id, t.reference, t.receivedAt, t.channel, t.status, t.title]);
      expect(shape(again)).toEqual(shape(tickets));
    } finally {
      await other.dispose();
    }
  });
});
