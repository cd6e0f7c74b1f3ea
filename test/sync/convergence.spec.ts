/**
 * Convergence under faults (architecture: "Sync"): devices offline, editing the same ticket and
 * recording interventions, a reload in the middle of a push, a server restarted mid-burst, an
 * access token expiring — every replica ends equal to the server, no intervention is lost or
 * billed twice, and every device derives the same credit ledger.
 */
import { expect, test, type Browser } from '@playwright/test';
import { contractLedger } from '../../shared/domain';
import type { Contract, Equipment, Intervention, Ticket } from '../../shared/schemas';
import { openDevice, seed, waitForDocument, type Device } from './devices';
import { login, pullAll } from './support/api';
import { ADMIN, startServer, type ServerProcess } from './support/server-process';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let server: ServerProcess;
test.afterEach(async () => {
  await server?.stop();
});

async function serverState(url: string) {
  const admin = await login(url, ADMIN.email, ADMIN.password);
  const [tickets, interventions, contracts] = await Promise.all([
    pullAll(url, admin.accessToken, 'tickets'),
    pullAll(url, admin.accessToken, 'interventions'),
    pullAll(url, admin.accessToken, 'contracts'),
  ]);
  return { tickets, interventions, contracts };
}

async function settle(devices: Device[]): Promise<void> {
  for (const device of devices) await device.call('waitFor', '(s) => s.pending === 0 && s.online', 60_000);
  for (const device of devices) await device.call('awaitInSync');
}

/**
 * One technician's device on a fresh server, holding a ticket; `recordVisit` logs a completed
 * on-site visit of `minutes` on it, ending `endOffsetMinutes` ago.
 */
async function oneDeviceWithTicket(browser: Browser, title: string, env?: Record<string, string>) {
  server = await startServer(env ? { env } : {});
  const { emails, client, contract } = await seed(server, 1);
  const device = await openDevice(browser, server, emails[0] ?? '');
  const ticket = await device.call<Ticket>('createTicket', { clientId: client.id, contractId: contract.id, title });
  const recordVisit = (minutes: number, endOffsetMinutes: number) =>
    device.call('recordVisit', {
      ticketId: ticket.id,
      clientId: client.id,
      contractId: contract.id,
      minutes,
      trips: 0,
      endOffsetMinutes,
    });
  return { device, recordVisit };
}

for (const count of [2, 3]) {
  test(`${count} devices offline, editing one ticket and recording interventions, converge on reconnect`, async ({
    browser,
  }) => {
    server = await startServer();
    const { emails, client, contract } = await seed(server, count);
    const devices: Device[] = [];
    for (const [i, email] of emails.entries())
      devices.push(await openDevice(browser, server, email, `device-${i + 1}`));
    const [first] = devices;
    if (!first) throw new Error('no device');

    const ticket = await first.call<Ticket>('createTicket', {
      clientId: client.id,
      contractId: contract.id,
      title: 'Serveur de fichiers lent',
    });
    for (const device of devices) await waitForDocument(device, 'tickets', ticket.id);

    for (const device of devices) await device.offline(true);
    for (const [i, device] of devices.entries()) {
      for (let k = 0; k < 3; k++) {
        await device.call('recordVisit', {
          ticketId: ticket.id,
          clientId: client.id,
          contractId: contract.id,
          minutes: 20 + 7 * i + k,
          trips: 1,
          endOffsetMinutes: 60 * (3 * i + k + 1),
        });
      }
      // Everyone edits the title (a real conflict) and one field of their own.
      const own = [{ status: 'in_progress' }, { priority: 'high' }, { nature: 'preventive' }][i] ?? {};
      await device.call('updateTicket', ticket.id, { title: `Titre du poste ${i + 1}`, ...own });
      const state = await device.call<{ pending: number }>('state');
      expect(state.pending).toBeGreaterThan(0);
    }

    for (const device of devices) await device.offline(false);
    await settle(devices);
    // Conflict resolutions push again; settle a second time.
    await settle(devices);

    const truth = await serverState(server.url);
    expect(truth.interventions).toHaveLength(3 * count);
    expect(new Set(truth.interventions.map((d) => d.id)).size).toBe(3 * count);
    const serverTicket = truth.tickets.find((t) => t.id === ticket.id) as Ticket;
    expect(serverTicket.status).toBe('in_progress');
    expect(serverTicket.priority).toBe('high');
    if (count === 3) expect(serverTicket.nature).toBe('preventive');
    expect(serverTicket.history.some((h) => h.kind === 'merge' && h.field === 'title')).toBe(true);

    const expected = contractLedger({
      contract: truth.contracts[0] as Contract,
      tickets: truth.tickets as Ticket[],
      equipment: [] as Equipment[],
      interventions: truth.interventions as Intervention[],
    }).ut;
    for (const device of devices) {
      await expect
        .poll(
          async () => {
            const snapshot = await device.call<Record<string, unknown[]>>('snapshot');
            return { tickets: snapshot.tickets, interventions: snapshot.interventions };
          },
          { timeout: 30_000 },
        )
        .toEqual({ tickets: truth.tickets, interventions: truth.interventions });
      expect(await device.call('ledger', contract.id)).toEqual({
        blocks: expected.blocks,
        balance: expected.balance,
        consumed: expected.consumed,
      });
    }
    for (const device of devices) await device.context.close();
  });
}

test('a page reloaded in the middle of a push creates no duplicate', async ({ browser }) => {
  const { device, recordVisit } = await oneDeviceWithTicket(browser, 'Sauvegardes');
  await device.offline(true);
  for (let k = 0; k < 25; k++) {
    await recordVisit(10 + k, 30 * (k + 1));
  }
  // Reload while the first push batches are on the wire (listen before reconnecting: the first
  // push leaves at once).
  const pushing = device.page.waitForRequest((r) => r.url().includes('/api/sync/interventions/push'));
  await device.offline(false);
  await pushing;
  await device.page.reload();
  await expect(device.page.locator('#status')).toHaveText('ready');
  expect(await device.call('resume')).toBe(true);
  await settle([device]);

  const truth = await serverState(server.url);
  expect(truth.interventions).toHaveLength(25);
  await device.context.close();
});

test('a server restarted in the middle of a burst converges', async ({ browser }) => {
  const { device, recordVisit } = await oneDeviceWithTicket(browser, 'Réseau');
  const burst = (async () => {
    for (let k = 0; k < 40; k++) {
      await recordVisit(5 + k, 20 * (k + 1));
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  await new Promise((r) => setTimeout(r, 300));
  await server.kill();
  await new Promise((r) => setTimeout(r, 500));
  await server.restart();
  await burst;
  await settle([device]);
  const truth = await serverState(server.url);
  expect(truth.interventions).toHaveLength(40);
  const snapshot = await device.call<Record<string, unknown[]>>('snapshot');
  expect(snapshot.interventions).toEqual(truth.interventions);
  await device.context.close();
});

test('an expired access token is refreshed and sync resumes', async ({ browser }) => {
  // The shortest access-token lifetime the server accepts (seconds).
  const { device, recordVisit } = await oneDeviceWithTicket(browser, 'Messagerie', { CADRAN_ACCESS_TOKEN_TTL: '10' });
  await settle([device]);
  await new Promise((r) => setTimeout(r, 11_000));
  const refreshed = device.page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh') && r.ok());
  await recordVisit(12, 5);
  await refreshed;
  await settle([device]);
  const truth = await serverState(server.url);
  expect(truth.interventions).toHaveLength(1);
  expect((await device.call<{ sessionExpired: boolean }>('state')).sessionExpired).toBe(false);
  await device.context.close();
});
