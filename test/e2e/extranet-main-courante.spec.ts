/**
 * The client's extranet, its side of the exchange: the manager of a demo client writes a
 * request in its main courante (only the kinds a client writes, never internal), and the
 * technician reads it on their own device after sync; a hosting client's home gives the year's
 * GTR and IMS standing with the penalties it is owed, equal to what the server's data gives.
 */
import { expect, test } from '@playwright/test';
import type { Client, Contract, Ticket } from '../../shared/schemas';
import { formatMoney } from '../../shared/format';
import { slaYears } from '../../renderer/features/service-levels/penalties';
import { DEMO_PASSWORD, DEMO_USERS } from '../fixtures/demo-users';
import { parisDay, waitForSync } from './pages/lead-workspace';
import { apiLogin, pullAll } from './support/api';
import { screenshot, signIn, watchConsole } from './support/session';

const DURAND = 'Cabinet Durand & Associés';

test('the client’s manager writes a request in its main courante, and the technician reads it', async ({
  page,
  browser,
}) => {
  const problems = watchConsole(page);
  await signIn(page, 'client');
  await expect(page.getByRole('heading', { level: 1, name: `Espace client — ${DURAND}` })).toBeVisible();
  // Cabinet Durand has no hosting module: its home says so rather than showing empty figures.
  await expect(page.getByRole('heading', { name: /^Garanties d’hébergement \d{4}/ })).toBeVisible();
  await expect(page.getByText(/Votre contrat ne comprend pas d’hébergement/)).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Main courante' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: `Main courante — ${DURAND}` })).toBeVisible();
  // One client: the thread itself, no list of clients to go back to.
  await expect(page.getByRole('link', { name: /Tous les clients/ })).toHaveCount(0);
  const composer = page.getByRole('form', { name: 'Nouvelle entrée' });
  await expect(composer.getByLabel('Type').locator('option')).toHaveText(['Information', 'Demande', 'Incident']);
  await expect(composer.getByLabel(/Entrée interne/)).toHaveCount(0);
  const text = `Merci de prévoir le remplacement de l’onduleur de la salle serveur (${Date.now()}).`;
  await composer.getByLabel('Type').selectOption('request');
  await composer.getByLabel('Texte').fill(text);
  await composer.getByRole('button', { name: 'Ajouter à la main courante' }).click();
  await expect(composer.getByRole('status')).toHaveText('Entrée ajoutée.');
  const mine = page.getByRole('listitem', { name: /Hélène Durand, Demande/ }).filter({ hasText: text });
  await expect(mine).toBeVisible();
  await waitForSync(page);
  // Stored by the server (it stamps the order), the entry loses its "not sent yet" mark.
  await expect(mine.getByText('En attente de synchronisation')).toHaveCount(0);
  // A staff entry cannot be corrected by the client; its own can.
  await expect(mine.getByRole('button', { name: 'Corriger' })).toBeVisible();
  await screenshot(page, 'client-main-courante');

  // The server holds it as written by the account, for its client, not internal.
  const clientToken = await apiLogin(page, DEMO_USERS.client.email, DEMO_PASSWORD);
  const entries = await pullAll(page, clientToken, 'logbook');
  expect(entries.every((entry) => entry.clientId === 'cl-demo-02' && entry.internal === false)).toBe(true);
  expect(entries.find((entry) => entry.text === text)).toMatchObject({ kind: 'request', authorName: 'Hélène Durand' });

  const context = await browser.newContext();
  const technician = await context.newPage();
  await signIn(technician, 'technician');
  await technician.goto('/#/main-courante/cl-demo-02');
  const seen = technician.getByRole('listitem', { name: /Hélène Durand, Demande/ }).filter({ hasText: text });
  await expect(seen).toBeVisible();
  await expect(seen.getByText('Nouveau')).toBeVisible();
  // The client read its thread to the end: its receipt sits under its own entry, the last one.
  await expect(seen.getByText(/^✓ Lu jusqu’ici par Hélène Durand \(client\), le \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  await screenshot(technician, 'technician-reads-client-entry');
  await context.close();
  expect(problems).toEqual([]);
});

test('a hosting client’s home gives its year’s GTR and IMS and the penalties owed', async ({ page }) => {
  const leadToken = await apiLogin(page, DEMO_USERS.lead.email, DEMO_PASSWORD);
  const clients = (await pullAll(page, leadToken, 'clients')) as unknown as Client[];
  const contracts = (await pullAll(page, leadToken, 'contracts')) as unknown as Contract[];
  const tickets = (await pullAll(page, leadToken, 'tickets')) as unknown as Ticket[];
  const year = Number(parisDay().slice(0, 4));
  const now = new Date();
  // The hosting client owed the most this year (then with the most interruptions), by the lead's data.
  const [expected] = slaYears(contracts, clients, tickets, year, now)
    .filter((row) => row.gtrActive && row.ims)
    .sort((a, b) => Number(b.cap.capped) - Number(a.cap.capped) || b.interruptions.length - a.interruptions.length);
  if (!expected?.client) throw new Error('the demo has no hosting client');
  const email = `direction.${Date.now()}@hebergement.demo.fr`;
  const password = 'sauvegarde nocturne 2026';
  const created = await page.request.post('/api/users', {
    headers: { authorization: `Bearer ${leadToken}` },
    data: { email, name: 'Paul Hébergé', role: 'client', clientIds: [expected.client.id], password },
  });
  expect(created.status()).toBe(201);

  const problems = watchConsole(page);
  await page.goto('/');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await waitForSync(page);
  const card = page.getByRole('region', { name: `Garanties d’hébergement ${year} (GTR et IMS)` });
  const contract = card.getByRole('article', { name: `Contrat ${expected.contract.number}` });
  const counted = expected.interruptions.filter((row) => row.status === 'counted');
  const overruns = counted.filter((row) => row.gtr.overrunMinutes > 0).length;
  await expect(contract).toContainText(
    `${counted.length} interruption(s) comptée(s), dont ${overruns} au-delà de la garantie`,
  );
  const spaces = (value: string) => value.replace(/\s/g, ' ');
  const penalties = contract
    .locator('dt', { hasText: 'Pénalités dues à ce jour' })
    .locator('xpath=following-sibling::dd[1]');
  await expect
    .poll(async () => spaces((await penalties.textContent()) ?? ''))
    .toContain(spaces(formatMoney(expected.cap.capped)));
  await expect(contract).toContainText('d’interruption sur 30 h admises');
  await screenshot(page, 'client-home-hosting');
  expect(problems).toEqual([]);
});
