/**
 * The client's comptes-rendus and quality index on the extranet (CP art. 5), on the real server
 * with the demo year: the demo client account (Cabinet Durand & Associés) lists its completed
 * interventions — exactly its own client's, checked against the server's data — filters them,
 * opens one, downloads the server's PDF (read back: it names the client), is told offline that
 * the PDF needs the network and offered the print view, and opens Qualité (its contract plans
 * no services, modules AGHIJ: a plain sentence says so).
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import type { WireDocument } from '../../shared/sync';
import { DEMO_PASSWORD, DEMO_USERS } from '../fixtures/demo-users';
import { apiLogin, pullAll } from './support/api';
import { CLIENT_NAVIGATION, screenshot, signIn, watchConsole } from './support/session';

const CLIENT_ID = 'cl-demo-02';
const CLIENT_NAME = 'Cabinet Durand & Associés';

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

test('the client’s manager lists its comptes-rendus, downloads one as a PDF and reads its quality index', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const problems = watchConsole(page);
  // The server's data as a lead reads it: every client's interventions, complete.
  const leadToken = await apiLogin(page, DEMO_USERS.lead.email);
  const tickets = new Map((await pullAll(page, leadToken, 'tickets')).map((t) => [t.id, t]));
  const all = (await pullAll(page, leadToken, 'interventions')).filter((d) => !d._deleted && d.completedAt);
  const own = all.filter((d) => d.clientId === CLIENT_ID);
  expect(own.length).toBeGreaterThan(0);
  expect(all.length).toBeGreaterThan(own.length);
  const start = (d: WireDocument) => Date.parse(String((d.segments as { start: string }[])[0]?.start ?? d.createdAt));
  const newest = [...own].sort((a, b) => start(b) - start(a))[0] as WireDocument;
  const newestTicket = tickets.get(String(newest.ticketId)) as WireDocument;

  await signIn(page, 'client');
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link')).toHaveText(CLIENT_NAVIGATION);
  await nav.getByRole('link', { name: 'Comptes-rendus' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Comptes-rendus d’intervention' })).toBeVisible();

  // Exactly its client's completed interventions, as the server holds them.
  const rows = page.getByRole('table').locator('tbody tr');
  await expect(page.getByRole('status').filter({ hasText: /comptes-rendus?$/ })).toHaveText(
    `${own.length} compte${own.length > 1 ? 's-rendus' : '-rendu'}`,
  );
  await expect(rows).toHaveCount(own.length);
  const listed = (await rows.locator('td:nth-child(2) .muted').allTextContents()).sort();
  expect(listed).toEqual(own.map((d) => String(tickets.get(String(d.ticketId))?.reference)).sort());
  // Newest first: the first row is the latest intervention's ticket.
  await expect(rows.first()).toContainText(String(newestTicket.reference));
  await expect(rows.first()).toContainText(String(newestTicket.title));
  await expect(rows.first().locator('td').nth(4)).toHaveText(/^\d+ UT/);
  await screenshot(page, 'extranet-comptes-rendus');

  // Search by the ticket subject, and filter by the period of the newest one.
  const paris = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' });
  const [year, month] = paris.format(start(newest)).split('-') as [string, string];
  await page.getByLabel('Année').selectOption(year);
  await page.getByLabel('Mois').selectOption(month);
  const inMonth = own.filter((d) => paris.format(start(d)) === `${year}-${month}`);
  await expect(rows).toHaveCount(inMonth.length);
  const subject = String(newestTicket.title);
  await page.getByLabel('Rechercher (objet de la demande)').fill(subject);
  const matching = inMonth.filter((d) =>
    String(tickets.get(String(d.ticketId))?.title)
      .toLowerCase()
      .includes(subject.toLowerCase()),
  );
  await expect(rows).toHaveCount(matching.length);
  await screenshot(page, 'extranet-comptes-rendus-filtered');

  // Open the newest: the compte-rendu, as the staff's print view draws it.
  await rows.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compte-rendu d’intervention' })).toBeVisible();
  await expect(page.locator('.report-header')).toContainText(CLIENT_NAME);
  await expect(page.locator('.report-header')).toContainText(String(newestTicket.reference));
  await screenshot(page, 'extranet-compte-rendu');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger le PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(
      `^compte-rendu-${String(newestTicket.reference).replace(/[^A-Za-z0-9_-]+/g, '_')}-\\d{4}-\\d\\d-\\d\\d\\.pdf$`,
    ),
  );
  const bytes = await readFile((await download.path()) ?? '');
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = await pdfText(bytes);
  expect(text).toContain(`${CLIENT_NAME} — n° client`);
  expect(text).toContain(`Ticket : ${String(newestTicket.reference)}`);
  expect(text).toMatch(/Décompte : \d+ UT/);
  expect(text).toContain(`Intervention ${newest.id}`);
  await expect(page.getByRole('status').filter({ hasText: 'PDF téléchargé' })).toBeVisible();

  // Without a network the PDF cannot come from the server: said so, and the print view offered.
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Télécharger le PDF' }).click();
  const offline = page.getByRole('alert').filter({ hasText: 'Pas de connexion au serveur' });
  await expect(offline).toBeVisible();
  await expect(offline.getByRole('button', { name: 'Imprimer / enregistrer en PDF' })).toBeVisible();
  await screenshot(page, 'extranet-compte-rendu-offline');
  await context.setOffline(false);

  // Another client's compte-rendu: the same 404 as an unknown id, for this account.
  const clientToken = await apiLogin(page, DEMO_USERS.client.email);
  const foreign = all.find((d) => d.clientId !== CLIENT_ID) as WireDocument;
  const asClient = (id: string) =>
    page.request.get(`/api/interventions/${id}/compte-rendu.pdf`, {
      headers: { authorization: `Bearer ${clientToken}` },
    });
  const [other, unknown] = [await asClient(String(foreign.id)), await asClient('iv-inconnue')];
  expect(other.status()).toBe(404);
  expect(await other.text()).toBe(await unknown.text());

  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Qualité' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Qualité des prestations préventives' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ce que mesure l’indice' })).toBeVisible();
  await expect(
    page.getByText(`Votre contrat avec ${CLIENT_NAME} ne comprend pas de prestations planifiées (modules C à F)`),
  ).toBeVisible();
  await screenshot(page, 'extranet-qualite');
  expect(problems).toEqual([]);
});

test('a client whose contract plans services reads its quality index, without the staff’s links', async ({
  page,
  browser,
}) => {
  const problems = watchConsole(page);
  // The demo client with the most planned-service tickets, and an account for its manager.
  const leadToken = await apiLogin(page, DEMO_USERS.lead.email);
  const planned = new Map<string, number>();
  for (const ticket of await pullAll(page, leadToken, 'tickets')) {
    if (ticket.occurrence) planned.set(String(ticket.clientId), (planned.get(String(ticket.clientId)) ?? 0) + 1);
  }
  const [clientId] = [...planned.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [''];
  const name = String((await pullAll(page, leadToken, 'clients')).find((c) => c.id === clientId)?.name);
  const email = `qualite.${Date.now()}@client.demo.fr`;
  const created = await page.request.post('/api/users', {
    headers: { authorization: `Bearer ${leadToken}` },
    data: { email, name: 'Gérant Qualité', role: 'client', clientIds: [clientId], password: DEMO_PASSWORD },
  });
  expect(created.status()).toBe(201);

  const context = await browser.newContext();
  const device = await context.newPage();
  const deviceProblems = watchConsole(device);
  await device.goto('/');
  await device.getByLabel('Adresse e-mail').fill(email);
  await device.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await device.getByRole('button', { name: 'Se connecter' }).click();
  await expect(device.getByTestId('sync-pending')).toHaveText('Tout est synchronisé', { timeout: 60_000 });
  await device
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Qualité' })
    .click();
  await expect(
    device.getByRole('heading', { level: 2, name: `Indice de qualité des prestations préventives — ${name}` }),
  ).toBeVisible();
  await expect(device.getByRole('heading', { name: 'Par module' })).toBeVisible();
  // The index's figures (QualityKpis): an index in percent, or a dash when nothing is due yet.
  await expect(device.getByRole('region', { name: 'Chiffres de l’indice' })).toBeVisible();
  await expect(device.getByText('ne comprend pas de prestations planifiées')).toHaveCount(0);
  // No way into the staff's screens from here: no client file, main courante or ticket links.
  const main = device.locator('main');
  await expect(
    main.locator('a[href^="#/clients"], a[href^="#/main-courante"], a[href^="#/tickets"], a[href^="#/quality"]'),
  ).toHaveCount(0);
  await screenshot(device, 'extranet-qualite-index');
  expect(deviceProblems).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});
