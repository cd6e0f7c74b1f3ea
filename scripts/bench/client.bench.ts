/**
 * Client benchmark (issue: offline-first local data): a technician signs in on a fresh browser
 * profile and syncs a year of data — 100,000 interventions and 20,000 tickets — then reopens the
 * app with that data already local. Real server (PGlite), real app build, real Chromium.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../test/e2e/browser';
import { generateYear } from '../../test/fixtures/generate';
import { createUser, login, push } from '../../test/sync/support/api';
import { ADMIN, startServer } from '../../test/sync/support/server-process';
import type { BenchFigure, BenchPart } from './types';

const TICKETS = 20_000;
const INTERVENTIONS = 100_000;
const PASSWORD = 'bench-password-123';

async function pushAll(url: string, token: string, collection: string, docs: Record<string, unknown>[]): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < docs.length; i += 1000) batches.push(docs.slice(i, i + 1000));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      if (batch) await push(url, token, collection, batch);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

/**
 * The floor under the initial-sync figure on this machine: the same documents written straight
 * into IndexedDB in the same fresh kind of profile — one put per document, batches of 5,000, no
 * index, no RxDB. Any IndexedDB-backed client pays at least this; RxDB's replication writes each
 * document and its replication state, with their indexes, and reads both first
 * (docs/architecture.md, "Initial sync"). Documents cross into the page untimed.
 */
async function indexedDbFloor(browser: Browser, url: string, batches: Record<string, unknown>[][]): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('bench-floor', 1);
          request.onupgradeneeded = () => request.result.createObjectStore('docs', { keyPath: 'id' });
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
        }),
    );
    let seconds = 0;
    for (const batch of batches) {
      seconds += await page.evaluate(
        (docs) =>
          new Promise<number>((resolve, reject) => {
            const request = indexedDB.open('bench-floor', 1);
            request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
            request.onsuccess = () => {
              const db = request.result;
              const started = performance.now();
              const tx = db.transaction('docs', 'readwrite');
              const store = tx.objectStore('docs');
              for (const doc of docs) store.put(doc);
              tx.oncomplete = () => {
                db.close();
                resolve((performance.now() - started) / 1000);
              };
              tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
            };
          }),
        batch,
      );
    }
    return seconds;
  } finally {
    await context.close();
  }
}

const part: BenchPart = {
  title: 'client',
  async run(): Promise<BenchFigure[]> {
    if (!existsSync('dist/renderer/index.html')) throw new Error('build the app first: npm run build');
    const server = await startServer({ staticDir: 'dist/renderer' });
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const admin = await login(server.url, ADMIN.email, ADMIN.password);
      const tech = await createUser(server.url, admin.accessToken, {
        email: 'bench@cadran.test',
        name: 'Technicien Mesure',
        role: 'technician',
        password: PASSWORD,
      });
      const year = generateYear({
        clients: 30,
        tickets: TICKETS,
        interventions: INTERVENTIONS,
        technicians: [tech.id],
      });
      const seedStart = performance.now();
      await pushAll(server.url, admin.accessToken, 'clients', year.clients);
      await pushAll(server.url, admin.accessToken, 'contracts', year.contracts);
      await pushAll(server.url, admin.accessToken, 'tickets', year.tickets);
      await pushAll(server.url, admin.accessToken, 'interventions', year.interventions);
      const seedSeconds = (performance.now() - seedStart) / 1000;

      const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByLabel('Adresse e-mail').fill('bench@cadran.test');
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      const syncStart = performance.now();
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
      await page.getByTestId('sync-pending').filter({ hasText: 'Tout est synchronisé' }).waitFor({ timeout: 300_000 });
      const syncSeconds = (performance.now() - syncStart) / 1000;

      // Reopen: a new page of the same profile loads the app from scratch with the data local.
      await page.close();
      const reopened = await context.newPage();
      const reopenStart = performance.now();
      await reopened.goto(`${server.url}/#/tickets`);
      await reopened.getByRole('table', { name: 'Tickets' }).getByRole('row').nth(5).waitFor({ timeout: 120_000 });
      const firstScreenSeconds = (performance.now() - reopenStart) / 1000;
      await context.close();

      const documents = [...year.tickets, ...year.interventions];
      const floorBatches: Record<string, unknown>[][] = [];
      for (let i = 0; i < documents.length; i += 5000) floorBatches.push(documents.slice(i, i + 5000));
      const floorSeconds = await indexedDbFloor(browser, server.url, floorBatches);

      return [
        { name: `seed the server (${TICKETS + INTERVENTIONS + 60} documents pushed)`, value: seedSeconds, unit: 's' },
        {
          name: `initial sync of ${INTERVENTIONS / 1000}k interventions + ${TICKETS / 1000}k tickets`,
          value: syncSeconds,
          unit: 's',
          target: { value: 20, lowerIsBetter: true },
        },
        {
          name: `  floor: the same ${(documents.length / 1000).toFixed(0)}k documents put straight into IndexedDB`,
          value: floorSeconds,
          unit: 's',
        },
        {
          name: 'reopen to a usable ticket list with that data local',
          value: firstScreenSeconds,
          unit: 's',
          target: { value: 2, lowerIsBetter: true },
        },
      ];
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};

export default part;
