/**
 * The client's technical file and vault on the extranet (CP art. 5), on the real server with
 * the demo data: the demo client account (manager of Cabinet Durand & Associés) reads its
 * dossier — only its client's equipment, checked against the server's data, with no edit
 * control anywhere — opens and downloads its diagrams and the printable dossier, unlocks its
 * vault with the demo passphrase and reveals a secret; the reveal reaches the server as the
 * staff's do, and a lead reads it in the vault's reveal log. Revoked, the vault says whom to ask.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import type { WireDocument } from '../../shared/sync';
import { DEMO_VAULT_PASSPHRASE } from '../../server/demo/vault';
import { DEMO_USERS } from '../fixtures/demo-users';
import { anAttachment } from '../server/support/documents';
import { Dossier, Vault } from './pages/dossier';
import { apiLogin, pullAll } from './support/api';
import { screenshot, signIn, watchConsole } from './support/session';

const CLIENT_ID = 'cl-demo-02';
const CLIENT = 'Cabinet Durand & Associés';
const GROUP_PASSWORD = 'holding des vignes 2026';
/** Words of the staff's edit, add, import, retire and upload controls, none of which may show. */
const EDITING = /Ajouter|Importer|Modifier|Retirer|Remettre|Supprimer|Enregistrer la liste|Joindre|Changer la phrase/;

const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="90"><rect x="5" y="5" width="100" height="40" fill="#cde"/><text x="12" y="30">Box fibre</text><text x="130" y="30">LAN cabinet</text></svg>',
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function push(page: Page, token: string, collection: string, docs: object[], assumed?: object) {
  const response = await page.request.post(`/api/sync/${collection}/push`, {
    headers: { authorization: `Bearer ${token}` },
    data: docs.map((doc) => ({ assumedMasterState: assumed ?? null, newDocumentState: { ...doc, _deleted: false } })),
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** Every button and file input of the page's main content, named, so a test can say none edits. */
async function editingControls(main: Locator): Promise<string[]> {
  const names = await main
    .getByRole('button')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''));
  const files = await main.locator('input[type="file"]').count();
  return [...names.filter((name) => EDITING.test(name)), ...(files > 0 ? [`${files} file input(s)`] : [])];
}

test('the client’s manager reads its own dossier, downloads it, and reveals a vault secret the lead sees logged', async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const problems = watchConsole(page);
  const leadToken = await apiLogin(page, DEMO_USERS.lead.email);
  // The network diagrams of the client, as a technician would have attached them: an SVG, then
  // a PDF (the latest version shown first).
  const lead = (await pullAll(page, leadToken, 'users')).find((u) => u.email === DEMO_USERS.lead.email);
  const diagram = (version: number, fileName: string, mediaType: 'image/svg+xml' | 'application/pdf', bytes: Buffer) =>
    anAttachment({
      id: `at-e2e-${CLIENT_ID}-${version}-${Date.now()}`,
      clientId: CLIENT_ID,
      version,
      fileName,
      mediaType,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      data: bytes.toString('base64'),
      createdBy: String(lead?.id),
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    });
  await push(page, leadToken, 'attachments', [diagram(1, 'synoptique-cabinet.svg', 'image/svg+xml', SVG)]);
  await push(page, leadToken, 'attachments', [diagram(2, 'synoptique-cabinet.pdf', 'application/pdf', PDF)]);

  // What the server holds: this client's equipment in service, and the others' (told apart by
  // their serial numbers: the demo names every client's items alike).
  const equipment = await pullAll(page, leadToken, 'equipment');
  const own = equipment.filter((e) => e.clientId === CLIENT_ID && !e.retired && !e._deleted);
  const ownSerials = own.map((e) => String(e.serial));
  const foreignSerials = equipment.filter((e) => e.clientId !== CLIENT_ID).map((e) => String(e.serial));
  expect(own.length).toBeGreaterThan(0);
  expect(foreignSerials.length).toBeGreaterThan(0);
  const vaultEntries = (await pullAll(page, leadToken, 'vault')).filter((v) => v.clientId === CLIENT_ID);
  expect(vaultEntries.length).toBeGreaterThan(0);

  await signIn(page, 'client');
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Dossier technique' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dossier technique — ${CLIENT}` })).toBeVisible();
  const main = page.locator('main');
  const inventory = page.getByRole('table', { name: /Inventaire/ });
  await expect(inventory.locator('tbody tr')).toHaveCount(own.length);
  const shown = await inventory.locator('tbody td.mono').allTextContents();
  expect(shown.sort()).toEqual([...ownSerials].sort());
  for (const e of own)
    await expect(inventory.getByRole('row').filter({ hasText: String(e.serial) })).toContainText(String(e.name));
  // The account's own pulls carried no other client's equipment either.
  const clientToken = await apiLogin(page, DEMO_USERS.client.email);
  expect(new Set((await pullAll(page, clientToken, 'equipment')).map((e) => e.clientId))).toEqual(new Set([CLIENT_ID]));
  expect(await editingControls(main)).toEqual([]);
  await screenshot(page, 'extranet-dossier-inventory');

  const dossier = new Dossier(page);
  await dossier.section('Échéances');
  await expect(page.getByRole('heading', { name: 'Échéances du client' })).toBeVisible();
  expect(await editingControls(main)).toEqual([]);
  await screenshot(page, 'extranet-dossier-echeances');

  await dossier.section('Prestataires');
  await expect(page.getByRole('heading', { level: 2, name: /Prestataires/ })).toBeVisible();
  expect(await editingControls(main)).toEqual([]);
  await screenshot(page, 'extranet-dossier-providers');

  // The diagram: the latest version (a PDF) is downloaded as it was attached; the first is shown.
  await dossier.section('Réseau');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Enregistrer le PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('synoptique-cabinet.pdf');
  expect(await readFile((await download.path()) ?? '')).toEqual(PDF);
  await page.getByRole('button', { name: 'Afficher la version 1' }).click();
  await expect(page.getByRole('img', { name: `Schéma synoptique du réseau de ${CLIENT}, version 1` })).toBeVisible();
  expect(await editingControls(main)).toEqual([]);
  await screenshot(page, 'extranet-dossier-network');

  // The printable dossier: this client's equipment, never a secret nor another client's.
  await page.getByRole('link', { name: 'Version imprimable (PDF)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dossier technique d’infogérance' })).toBeVisible();
  await expect(page.getByText(/^Généré le .* par Hélène Durand/)).toBeVisible();
  await screenshot(page, 'extranet-dossier-pdf');
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ path: 'test-results/screens/extranet-dossier-technique.pdf', format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  expect(text).toContain(CLIENT);
  for (const serial of ownSerials) expect(text).toContain(serial);
  for (const serial of foreignSerials) expect(text, serial).not.toContain(serial);
  for (const v of vaultEntries) expect(text).toContain(String(v.label));

  // The vault: unlocked with the demo passphrase, reveal and copy only.
  await nav.getByRole('link', { name: 'Coffre-fort' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Coffre-fort — ${CLIENT}` })).toBeVisible();
  await screenshot(page, 'extranet-vault-locked');
  const vault = new Vault(page);
  await vault.unlock(DEMO_VAULT_PASSPHRASE);
  await expect(vault.entries()).toBeVisible({ timeout: 60_000 });
  await expect(vault.entries().locator('tbody tr')).toHaveCount(vaultEntries.length);
  const entry = vaultEntries.map((v) => String(v.label)).sort((a, b) => a.localeCompare(b, 'fr'))[0] ?? '';
  const row = vault.entries().getByRole('row').filter({ hasText: entry });
  await row.getByRole('button', { name: /Afficher le mot de passe/ }).click();
  const secret = (await page.getByTestId('revealed-secret').textContent()) ?? '';
  expect(secret).toMatch(/^Demo-[0-9A-Z]{10}!$/);
  await row.getByRole('button', { name: /Copier le mot de passe/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'effacé du presse-papiers dans 30 s' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  expect(await editingControls(main)).toEqual([]);
  await expect(page.getByRole('region', { name: 'Accès au coffre-fort' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Journal des accès' })).toHaveCount(0);
  await screenshot(page, 'extranet-vault-unlocked');
  await expect(page.getByTestId('sync-pending')).toHaveText('Tout est synchronisé', { timeout: 30_000 });

  // The server holds the reveal, written as the account, internal.
  const account = (await pullAll(page, leadToken, 'users')).find((u) => u.email === DEMO_USERS.client.email);
  const entryId = vaultEntries.find((v) => v.label === entry)?.id;
  await expect
    .poll(async () =>
      (await pullAll(page, leadToken, 'logbook'))
        .filter((l) => l.kind === 'vault_reveal' && l.authorId === account?.id && l.internal === true)
        .map((l) => l.reveal as { entryId?: string; action?: string })
        .filter((reveal) => reveal.entryId === entryId)
        .map((reveal) => reveal.action)
        .sort(),
    )
    .toEqual(['copy', 'reveal']);

  // A lead, on another device, reads it in the vault's reveal log.
  const leadContext = await browser.newContext();
  const leadPage = await leadContext.newPage();
  await signIn(leadPage, 'lead');
  await new Dossier(leadPage).open(CLIENT);
  await leadPage.getByRole('link', { name: 'Coffre-fort' }).first().click();
  const log = leadPage.getByRole('table', { name: 'Journal des accès' });
  const revealRow = log.getByRole('row').filter({ hasText: 'Hélène Durand' }).filter({ hasText: 'Affichage' });
  await expect(revealRow).toContainText(entry, { timeout: 30_000 });
  await expect(log.getByRole('row').filter({ hasText: 'Hélène Durand' }).filter({ hasText: 'Copie' })).toContainText(
    entry,
  );
  await screenshot(leadPage, 'extranet-vault-lead-log');

  // The lead closes the vault to the account: the account's screen says whom to ask.
  const clientDoc = (await pullAll(page, leadToken, 'clients')).find((c) => c.id === CLIENT_ID) as WireDocument;
  const { _deleted: _gone, ...current } = clientDoc;
  await push(
    page,
    leadToken,
    'clients',
    [{ ...current, vaultAccess: (current.vaultAccess as string[]).filter((id) => id !== account?.id) }],
    clientDoc,
  );
  await leadContext.close();
  const leads = (await pullAll(page, leadToken, 'users'))
    .filter((u) => u.role === 'lead' && u.active)
    .map((u) => String(u.name))
    .sort((a, b) => a.localeCompare(b, 'fr'));
  expect(leads).toContain(DEMO_USERS.lead.name);
  await expect(page.getByRole('status').filter({ hasText: 'ne vous est pas ouvert' })).toHaveText(
    `Le coffre-fort de ${CLIENT} ne vous est pas ouvert. Pour y accéder, demandez-le à un responsable de votre prestataire : ${leads.join(', ')}.`,
    { timeout: 30_000 },
  );
  await expect(page.getByTestId('revealed-secret')).toHaveCount(0);
  await screenshot(page, 'extranet-vault-not-granted');
  // The entries it received stay on the device (docs/server.md), but the printable dossier no
  // longer lists them.
  await nav.getByRole('link', { name: 'Dossier technique' }).click();
  await page.getByRole('link', { name: 'Version imprimable (PDF)' }).click();
  const vaultList = page.getByRole('region', { name: 'Coffre-fort (liste des entrées, sans les secrets)' });
  await expect(vaultList.getByRole('columnheader', { name: 'Entrée' })).toBeVisible();
  await expect(vaultList.locator('tbody tr')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a group’s manager picks which of its clients to read; a vault not granted says whom to ask', async ({ page }) => {
  const problems = watchConsole(page);
  const leadToken = await apiLogin(page, DEMO_USERS.lead.email);
  // Cabinet Durand and the demo client listed just before it by name: the screens open the
  // first by name, so the manager has to pick Cabinet Durand to read it.
  const clients = (await pullAll(page, leadToken, 'clients')).sort((a, b) =>
    String(a.name).localeCompare(String(b.name), 'fr'),
  );
  const other = clients[clients.findIndex((c) => c.id === CLIENT_ID) - 1] as WireDocument;
  expect(other).toBeDefined();
  const email = `groupe.${Date.now()}@holding.demo.fr`;
  // Invited by the lead for two clients, its one-time password replaced by its own (the API the
  // Utilisateurs screen uses; extranet.spec.ts goes through the screens).
  const invited = await page.request.post('/api/users', {
    headers: { authorization: `Bearer ${leadToken}` },
    data: { email, name: 'Gaëlle Groupe', role: 'client', clientIds: [CLIENT_ID, other.id] },
  });
  expect(invited.status(), await invited.text()).toBe(201);
  const { oneTimePassword } = (await invited.json()) as { oneTimePassword: string };
  const first = await page.request.post('/api/auth/login', { data: { email, password: oneTimePassword } });
  const changed = await page.request.post('/api/auth/password', {
    headers: { authorization: `Bearer ${((await first.json()) as { accessToken: string }).accessToken}` },
    data: { currentPassword: oneTimePassword, newPassword: GROUP_PASSWORD },
  });
  expect(changed.status(), await changed.text()).toBe(200);
  const equipment = await pullAll(page, leadToken, 'equipment');
  const serialsOf = (clientId: unknown) =>
    equipment
      .filter((e) => e.clientId === clientId && !e.retired)
      .map((e) => String(e.serial))
      .sort();

  await page.goto('/');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(GROUP_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByTestId('sync-pending')).toHaveText('Tout est synchronisé', { timeout: 60_000 });
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Dossier technique' }).click();
  const picker = page.getByLabel('Client', { exact: true });
  await expect(picker.locator('option')).toHaveText([String(other.name), CLIENT]);
  const inventory = page.getByRole('table', { name: /Inventaire/ });
  const shownSerials = async () => (await inventory.locator('tbody td.mono').allTextContents()).sort();
  await expect(
    page.getByRole('heading', { level: 1, name: `Dossier technique — ${String(other.name)}` }),
  ).toBeVisible();
  await expect.poll(shownSerials).toEqual(serialsOf(other.id));
  await picker.selectOption({ label: CLIENT });
  await expect(page.getByRole('heading', { level: 1, name: `Dossier technique — ${CLIENT}` })).toBeVisible();
  await expect(picker).toHaveValue(CLIENT_ID);
  await expect.poll(shownSerials).toEqual(serialsOf(CLIENT_ID));
  expect(await editingControls(page.locator('main'))).toEqual([]);
  await screenshot(page, 'extranet-dossier-group-picker');

  // Neither client's vault lists the new account: each says so, and whom to ask.
  await nav.getByRole('link', { name: 'Coffre-fort' }).click();
  for (const name of [String(other.name), CLIENT]) {
    await page.getByLabel('Client', { exact: true }).selectOption({ label: name });
    await expect(page.getByRole('heading', { level: 1, name: `Coffre-fort — ${name}` })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'ne vous est pas ouvert' })).toContainText(
      `Le coffre-fort de ${name} ne vous est pas ouvert. Pour y accéder, demandez-le à un responsable de votre prestataire : ${DEMO_USERS.lead.name}`,
    );
  }
  await expect(page.getByLabel('Phrase de passe du coffre-fort')).toHaveCount(0);
  await screenshot(page, 'extranet-vault-group-not-granted');
  expect(problems).toEqual([]);
});
