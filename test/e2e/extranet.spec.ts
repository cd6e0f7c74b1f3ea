/**
 * The client's extranet account end to end, on the real server with the demo year: a lead
 * invites the manager of one demo client, who signs in with the one-time password, chooses
 * their own, and lands on the client's home — having received, by every pull the device made,
 * only that client's documents (checked against the server's data). Both download the
 * reversibility archive: the lead's complete, the client's its own view.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { COLLECTION_NAMES } from '../../shared/schemas';
import type { PullResponse, WireDocument } from '../../shared/sync';
import { DEMO_PASSWORD, DEMO_USERS } from '../fixtures/demo-users';
import { aTicket } from '../server/support/documents';
import { exportedDocuments, unzip } from '../server/support/export-fixtures';
import { waitForSync } from './pages/lead-workspace';
import { apiLogin, pullAll } from './support/api';
import { CLIENT_NAVIGATION, screenshot, signIn, watchConsole } from './support/session';

const EMAIL = `gerant.${Date.now()}@client.demo.fr`;
const OPEN = ['new', 'in_progress', 'waiting_client'];
const NEW_PASSWORD = 'vendanges tardives 2026';

/** Which of the server's documents (as a lead pulls them) belong to the client. */
function belongs(collection: string, doc: WireDocument, clientId: string, accountId: string): boolean {
  if (collection === 'clients') return doc.id === clientId;
  if (collection === 'users') return doc.role !== 'client' || doc.id === accountId;
  return doc.clientId === clientId;
}

test('a lead invites a client’s manager, who sees only that client and downloads its data', async ({
  page,
  browser,
}) => {
  const problems = watchConsole(page);
  // The demo client with the most open calls (planned services carry no 30-minute commitment),
  // so its home has commitment states to show.
  const leadToken = await apiLogin(page, DEMO_USERS.lead.email, DEMO_PASSWORD);
  const openCount = new Map<string, number>();
  for (const ticket of await pullAll(page, leadToken, 'tickets')) {
    if (OPEN.includes(String(ticket.status)))
      openCount.set(String(ticket.clientId), (openCount.get(String(ticket.clientId)) ?? 0) + 1);
  }
  const [clientId] = [...openCount.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [''];
  const CLIENT_NAME = String((await pullAll(page, leadToken, 'clients')).find((c) => c.id === clientId)?.name);
  // A call of that client taken by the hotline just now: its 30-minute commitment runs.
  const contract = (await pullAll(page, leadToken, 'contracts')).find((c) => c.clientId === clientId);
  const now = new Date().toISOString();
  const call = aTicket({
    id: `tk-e2e-${Date.now()}`,
    reference: `T-E2E-${Date.now() % 100_000}`,
    clientId,
    contractId: String(contract?.id),
    title: 'Messagerie inaccessible',
    receivedAt: now,
    createdAt: now,
    updatedAt: now,
    createdBy: 'u-e2e',
  });
  const pushed = await page.request.post('/api/sync/tickets/push', {
    headers: { authorization: `Bearer ${leadToken}` },
    data: [{ assumedMasterState: null, newDocumentState: { ...call, _deleted: false } }],
  });
  expect(pushed.status()).toBe(200);
  await signIn(page, 'lead');
  await waitForSync(page);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Utilisateurs' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Utilisateurs' })).toBeVisible();
  await screenshot(page, 'lead-users');

  const form = page.getByRole('form', { name: 'Inviter une personne' });
  await form.getByLabel('Nom et prénom').fill('Hélène Gérante');
  await form.getByLabel('Adresse e-mail').fill(EMAIL);
  await form.getByLabel('Rôle').selectOption('client');
  await form.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(form.getByRole('alert')).toHaveText('Choisissez au moins un client pour un compte client.');
  await form.getByRole('searchbox', { name: 'Rechercher un client' }).fill(CLIENT_NAME.split(' ')[0] ?? '');
  await form.getByRole('checkbox', { name: new RegExp(CLIENT_NAME) }).check();
  await form.getByRole('button', { name: 'Créer le compte' }).click();
  const created = page.getByRole('status').filter({ hasText: 'Compte de Hélène Gérante créé' });
  await expect(created).toBeVisible();
  const oneTimePassword = (await created.locator('code').textContent()) ?? '';
  expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{18}$/);
  // The new account syncs into the list, its invitation pending.
  await expect(page.getByRole('row', { name: /Hélène Gérante/ })).toContainText('Invitation en attente');
  await screenshot(page, 'lead-users-invited');

  // The lead's complete archive, from the client's page.
  await page.goto('/#/clients');
  await page.getByRole('link', { name: CLIENT_NAME, exact: true }).click();
  const [leadDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export de réversibilité (ZIP)' }).click(),
  ]);
  expect(leadDownload.suggestedFilename()).toMatch(/^reversibilite-.+\.zip$/);
  await screenshot(page, 'lead-client-export');
  const complete = await unzip(await readFile((await leadDownload.path()) ?? ''));
  const manifest = JSON.parse(complete.get('manifest.json')?.toString() ?? '{}');
  expect(manifest.complete).toBe(true);
  expect(manifest.client.id).toBe(clientId);
  const collections = Object.keys(manifest.collections);
  expect(collections).toEqual([...COLLECTION_NAMES]);
  for (const collection of ['tickets', 'interventions', 'contracts', 'invoices']) {
    const stored = (await pullAll(page, leadToken, collection)).filter((d) => d.clientId === clientId);
    expect(
      exportedDocuments(complete, collection)
        .map((d) => d.id)
        .sort(),
      collection,
    ).toEqual(stored.map((d) => d.id).sort());
  }
  expect([...complete.keys()].some((name) => name.startsWith('comptes-rendus/'))).toBe(true);

  // The manager signs in on their own device.
  const context = await browser.newContext();
  const device = await context.newPage();
  const clientProblems = watchConsole(device);
  const pulled = new Map<string, WireDocument[]>();
  device.on('response', async (response) => {
    const match = /\/api\/sync\/(\w+)\/pull/.exec(response.url());
    if (!match?.[1] || response.status() !== 200) return;
    const body = (await response.json()) as PullResponse;
    pulled.set(match[1], [...(pulled.get(match[1]) ?? []), ...body.documents]);
  });
  await device.goto('/');
  await device.getByLabel('Adresse e-mail').fill(EMAIL);
  await device.getByLabel('Mot de passe').fill(oneTimePassword);
  await device.getByRole('button', { name: 'Se connecter' }).click();
  await expect(device.getByRole('heading', { name: 'Choisissez votre mot de passe' })).toBeVisible();
  await device.getByLabel('Mot de passe provisoire').fill(oneTimePassword);
  await device.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
  await device.getByLabel('Confirmez le nouveau mot de passe').fill('vendanges précoces 2026');
  await device.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(device.getByRole('alert')).toHaveText('Les deux saisies du nouveau mot de passe diffèrent.');
  await screenshot(device, 'client-change-password');
  await device.getByLabel('Confirmez le nouveau mot de passe').fill(NEW_PASSWORD);
  await device.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();

  await expect(device.getByRole('heading', { level: 1, name: `Espace client — ${CLIENT_NAME}` })).toBeVisible();
  await expect(device.getByTestId('sync-pending')).toHaveText('Tout est synchronisé', { timeout: 60_000 });
  const nav = device.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link')).toHaveText(CLIENT_NAVIGATION);
  await expect(device.getByRole('button', { name: /Nouvel appel/ })).toHaveCount(0);
  await expect(device.getByRole('heading', { name: 'Votre crédit' })).toBeVisible();
  await expect(device.getByText(/^Solde UT/).first()).toBeVisible();
  await screenshot(device, 'client-home');

  // What the device received, pull by pull, is exactly that client's part of the server's data.
  const accountToken = await apiLogin(page, EMAIL, NEW_PASSWORD);
  const accountId = JSON.parse(Buffer.from(accountToken.split('.')[1] ?? '', 'base64url').toString()).sub as string;
  for (const collection of collections) {
    const received = pulled.get(collection) ?? [];
    for (const doc of received)
      expect(belongs(collection, doc, clientId, accountId), `${collection} ${doc.id}`).toBe(true);
    const server = await pullAll(page, leadToken, collection);
    const expected = server.filter((d) => belongs(collection, d, clientId, accountId));
    const hidden = collection === 'logbook' ? expected.filter((d) => d.internal) : [];
    // A lead sees every vault only where granted; the client none by default.
    if (collection !== 'vault' && collection !== 'users') {
      expect(new Set(received.map((d) => d.id)), collection).toEqual(
        new Set(expected.filter((d) => !hidden.includes(d)).map((d) => d.id)),
      );
    }
  }
  expect((pulled.get('tickets') ?? []).length).toBeGreaterThan(0);
  // Its open tickets, as the server has them, are the ones listed with their commitment.
  const open = (await pullAll(page, leadToken, 'tickets')).filter(
    (d) => d.clientId === clientId && OPEN.includes(String(d.status)),
  );
  expect(open.length).toBeGreaterThan(0);
  await expect(device.getByRole('heading', { name: `Demandes en cours (${open.length})` })).toBeVisible();
  const rows = device.getByRole('table').first().locator('tbody tr');
  await expect(rows).toHaveCount(open.length);
  for (const ticket of open) await expect(rows.filter({ hasText: String(ticket.reference) })).toHaveCount(1);
  // Each with its commitment state, as the staff screens derive it: the new call's is running.
  await expect(rows.locator('.chip')).toHaveCount(open.length);
  await expect(rows.filter({ hasText: call.reference }).locator('.chip')).toHaveText(/min/);

  const [ownDownload] = await Promise.all([
    device.waitForEvent('download'),
    device.getByRole('button', { name: 'Export de réversibilité (ZIP)' }).click(),
  ]);
  const own = await unzip(await readFile((await ownDownload.path()) ?? ''));
  expect(JSON.parse(own.get('manifest.json')?.toString() ?? '{}')).toMatchObject({
    complete: false,
    client: { id: clientId },
  });
  for (const collection of collections) {
    for (const doc of exportedDocuments(own, collection)) {
      expect(belongs(collection, doc as WireDocument, clientId, accountId), `${collection} ${String(doc.id)}`).toBe(
        true,
      );
    }
  }
  expect(exportedDocuments(own, 'logbook').every((d) => d.internal === false)).toBe(true);
  await screenshot(device, 'client-home-exported');
  expect(clientProblems).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});
