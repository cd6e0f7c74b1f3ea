/**
 * Pull pages bounded by bytes (docs/server.md "Limits"): on a server whose page bound is small,
 * every page of a first sync comes back short and `truncated`. RxDB ends a pull at the first
 * short page; the device must carry on to the end, and call its first sync done only then.
 */
import { expect, test } from '@playwright/test';
import { generateYear } from '../fixtures/generate';
import { openDevice, seed } from './devices';
import { push } from './support/api';
import { startServer, type ServerProcess } from './support/server-process';

test.describe.configure({ timeout: 180_000 });

let server: ServerProcess;
test.afterEach(async () => {
  await server?.stop();
});

test('a first sync through byte-bounded pages holds every document when it says it is done', async ({ browser }) => {
  server = await startServer({ env: { CADRAN_PULL_PAGE_BYTES: '16384' } });
  const { admin, emails } = await seed(server, 1);
  const year = generateYear({ clients: 1, tickets: 300, interventions: 600, technicians: ['u-elsewhere'] });
  await push(server.url, admin.accessToken, 'clients', year.clients);
  await push(server.url, admin.accessToken, 'contracts', year.contracts);
  await push(server.url, admin.accessToken, 'tickets', year.tickets);
  await push(server.url, admin.accessToken, 'interventions', year.interventions);

  // The server does cut these pages short.
  const first = await fetch(`${server.url}/api/sync/interventions/pull?limit=5000`, {
    headers: { authorization: `Bearer ${admin.accessToken}` },
  });
  const page = (await first.json()) as { documents: unknown[]; truncated?: boolean };
  expect(page.truncated).toBe(true);
  expect(page.documents.length).toBeLessThan(100);

  const device = await openDevice(browser, server, emails[0] ?? '', 'device');
  // openDevice returned once the device said its first sync was done.
  const snapshot = await device.call<Record<string, { id: string }[]>>('snapshot');
  expect(snapshot.tickets?.length).toBe(300);
  expect(snapshot.interventions?.length).toBe(600);
  await device.context.close();
});
