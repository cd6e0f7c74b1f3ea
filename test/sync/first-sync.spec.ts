/**
 * A device's first sync with the live stream connecting in the middle of it (architecture:
 * "Initial sync and first screen"). The server opens every stream with RESYNC; arriving while
 * the collections are still being pulled, it must neither make the device read back what it has
 * just written nor lose a document the server received meanwhile.
 */
import { expect, test } from '@playwright/test';
import { generateYear } from '../fixtures/generate';
import { PASSWORD, openBlankDevice, seed } from './devices';
import { push } from './support/api';
import { startServer, type ServerProcess } from './support/server-process';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

/** More than one pull page (5,000 documents) of interventions. */
const INTERVENTIONS = 6_000;

let server: ServerProcess;
test.afterEach(async () => {
  await server?.stop();
});

test('a stream connecting mid-way through the first sync makes it reread nothing it pulled and loses nothing', async ({
  browser,
}) => {
  server = await startServer();
  const { admin, emails } = await seed(server, 1);
  const year = generateYear({ clients: 2, tickets: 200, interventions: INTERVENTIONS, technicians: ['u-elsewhere'] });
  const late = year.interventions.pop();
  if (!late) throw new Error('no intervention generated');
  await push(server.url, admin.accessToken, 'clients', year.clients);
  await push(server.url, admin.accessToken, 'contracts', year.contracts);
  await push(server.url, admin.accessToken, 'tickets', year.tickets);
  for (let i = 0; i < year.interventions.length; i += 1000) {
    await push(server.url, admin.accessToken, 'interventions', year.interventions.slice(i, i + 1000));
  }

  const device = await openBlankDevice(browser, server, 'device');
  const { page } = device;

  // The stream waits until the first page of interventions is stored; the second page waits
  // until the stream is open, so its RESYNC lands in the middle of the first sync.
  let openStream = (): void => undefined;
  const streamAllowed = new Promise<void>((resolve) => (openStream = resolve));
  await page.route('**/api/sync/stream*', async (route) => {
    await streamAllowed;
    await route.continue();
  });
  let baseline = -1;
  let pulls = 0;
  await page.route('**/api/sync/interventions/pull*', async (route) => {
    pulls += 1;
    if (pulls === 2) {
      await expect
        .poll(async () => (await device.call<Record<string, unknown[]>>('snapshot')).interventions?.length ?? 0, {
          timeout: 60_000,
        })
        .toBeGreaterThanOrEqual(5_000);
      baseline = await device.call<number>('documentsRead');
      // A document the server receives while the stream connects.
      await push(server.url, admin.accessToken, 'interventions', [late]);
      openStream();
      await device.call('waitFor', '(s) => s.connected', 30_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await route.continue();
  });

  await device.call('signIn', emails[0] ?? '', PASSWORD);
  await device.call('waitFor', '(s) => s.initialSyncDone && s.pending === 0', 120_000);
  await device.call('awaitInSync');
  expect(pulls).toBeGreaterThanOrEqual(2);
  expect(baseline).toBeGreaterThanOrEqual(0);
  // What the rest of the sync reads back: checkpoints and the one pull the held RESYNC makes
  // afterwards (116 documents here). A RESYNC played at once makes RxDB's push side scan again
  // from its last checkpoint and reread documents it has just written with their replication
  // states (683 here; on a year of data it chases the pulls and rereads most of them).
  const reread = (await device.call<number>('documentsRead')) - baseline;
  expect(reread).toBeLessThan(300);

  const snapshot = await device.call<Record<string, { id: string }[]>>('snapshot');
  expect(snapshot.interventions).toHaveLength(INTERVENTIONS);
  expect(snapshot.interventions?.some((doc) => doc.id === late.id)).toBe(true);
  await device.context.close();
});
