/**
 * The technician's day: a call comes in, the ticket is open with the clock running; the timer
 * is paused, resumed and stopped into an intervention; an on-site visit is logged with no
 * network and the client's signature, and reaches the server when the network is back.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { CallIntake, StatusBar, TimerBar } from './pages/technician';
import { screenshot, signIn, watchConsole } from './support/session';

async function openTicketFromCall(page: Page, query: string, client: string, title: string, startTimer = true) {
  const intake = new CallIntake(page);
  await intake.openWithShortcut();
  await intake.findClient(query, client);
  await intake.fill({ title, startTimer });
  await intake.submit();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible();
}

test('opens a ticket from a call with the 30-minute clock and the timer running', async ({ page }) => {
  const problems = watchConsole(page);
  await signIn(page, 'technician');
  const intake = new CallIntake(page);
  await intake.openWithButton();
  // Accents and case do not matter.
  await intake.findClient('etude notariale', 'Étude Notariale Petit-Laurent');
  await expect(intake.dialog.getByRole('complementary', { name: 'Fiche client' })).toContainText('Solde UT');
  await expect(intake.dialog.getByText('G · Forfait hotline (30 min par incident)')).toBeVisible();
  await intake.fill({ title: 'Imprimante du secrétariat hors ligne', description: 'Le voyant clignote orange.' });
  await screenshot(page, 'call-intake');
  await intake.submit();

  await expect(page.getByRole('heading', { level: 1, name: /Imprimante du secrétariat hors ligne/ })).toBeVisible();
  const timer = new TimerBar(page);
  await expect(timer.bar).toBeVisible();
  await expect(timer.bar).toContainText('Étude Notariale Petit-Laurent');
  await expect(timer.clock()).not.toHaveText('0:00:00', { timeout: 5000 });
  // Work started at once: the commitment is met.
  await expect(page.getByRole('region', { name: /Engagement d’intervention/ })).toContainText('Respecté');
  await expect(page.getByRole('complementary', { name: 'Fiche client' })).toContainText(
    'Forfait hotline : 30 min restantes sur 30 pour cet incident',
  );
  await screenshot(page, 'ticket-detail-running');
  expect(problems).toEqual([]);
});

test('pauses, resumes and stops the timer into an intervention with its billing explained', async ({ page }) => {
  await signIn(page, 'technician');
  await openTicketFromCall(page, 'pharmacie', 'Pharmacie du Centre', 'Caisse enregistreuse bloquée');
  const timer = new TimerBar(page);
  await timer.pause();
  await timer.resume();
  await page.keyboard.press('Alt+P');
  await expect(timer.bar.getByText('en pause')).toBeVisible();
  await page.keyboard.press('Alt+P');
  await expect(timer.bar.getByText('en pause')).toBeHidden();
  await screenshot(page, 'timer-bar');
  await timer.stopAndComplete({ report: 'Redémarrage du terminal de paiement, test de transaction OK.' });
  // The bar leaves this ticket (it may show another paused timer of this technician).
  await expect(
    page.getByRole('region', { name: 'Chrono en cours' }).filter({ hasText: 'Pharmacie du Centre' }),
  ).toHaveCount(0);

  const interventions = page.getByRole('region', { name: 'Interventions' });
  await expect(interventions.getByRole('row')).toHaveCount(2);
  await expect(interventions).toContainText('Forfait hotline (G)');
  await expect(interventions).toContainText('Temps mesuré');
  await expect(page.getByRole('region', { name: 'Historique (traçabilité)' })).toContainText('a ouvert le ticket');
  await screenshot(page, 'ticket-detail-completed');

  // The compte-rendu, laid out for paper and printed to a real PDF.
  await interventions.getByRole('link', { name: 'Compte-rendu PDF' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compte-rendu d’intervention' })).toBeVisible();
  await expect(page.getByText('Redémarrage du terminal de paiement')).toBeVisible();
  await screenshot(page, 'intervention-report');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Imprimer / PDF' })).toBeHidden();
  const pdf = await page.pdf({ path: 'test-results/screens/compte-rendu.pdf', format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect((await readFile('test-results/screens/compte-rendu.pdf')).length).toBeGreaterThan(5000);
});

test('keeps a running timer through a reload', async ({ page }) => {
  await signIn(page, 'technician');
  await openTicketFromCall(page, 'fromagerie', 'Fromagerie Girard', 'Poste comptable lent');
  const timer = new TimerBar(page);
  await expect(timer.clock()).not.toHaveText('0:00:00', { timeout: 5000 });
  await page.reload();
  await expect(timer.bar).toBeVisible();
  await expect(timer.bar).toContainText('Fromagerie Girard');
  await expect(timer.bar.getByText('en pause')).toBeHidden();
  await timer.stopAndComplete({ report: 'Nettoyage du démarrage.' });
});

test('lists, searches and filters the team’s tickets with their commitment chips', async ({ page }) => {
  await signIn(page, 'technician');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Tickets' }).click();
  const table = page.getByRole('table', { name: 'Tickets' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await page.getByRole('combobox', { name: 'Statut' }).selectOption({ label: 'Tous' });
  await screenshot(page, 'ticket-list');
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('pharmacie');
  const rows = table.getByRole('row');
  await expect(rows.nth(1)).toContainText('Pharmacie du Centre');
  for (const row of await rows.all()) {
    const text = await row.textContent();
    if (text?.includes('Réf.')) continue;
    expect(text).toContain('Pharmacie du Centre');
  }
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('');
  await page.getByRole('combobox', { name: 'Engagement 30 min' }).selectOption({ label: 'Dépassé' });
  await expect(rows.nth(1).getByText('Dépassé')).toBeVisible();
});

test('logs an on-site visit with the signature while offline, and syncs it when back', async ({
  page,
  context,
  browser,
}) => {
  await signIn(page, 'technician');
  await openTicketFromCall(page, 'boulangerie', 'Boulangerie Artisanale Moreau', 'Four connecté sans réseau', false);
  const ticketUrl = page.url();
  const status = new StatusBar(page);
  await status.expectSynced();

  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'Hors ligne' })).toBeVisible();
  await page.getByRole('button', { name: 'Saisir une visite sur site' }).click();
  const visit = page.getByRole('dialog', { name: 'Visite sur site' });
  const yesterday = new Date(Date.now() - 24 * 3600_000);
  const day = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${String(yesterday.getDate()).padStart(2, '0')}`;
  await visit.getByLabel('Date de la visite').fill(day);
  await visit.getByLabel('Arrivée').fill('09:00');
  await visit.getByLabel('Départ').fill('10:25');
  await visit.getByLabel('Déplacements (aller-retour)').fill('1');
  await visit
    .getByLabel('Compte-rendu', { exact: true })
    .fill('Remplacement du boîtier Wi-Fi du fournil, four reconnecté.');
  await visit.getByLabel('Nom du signataire').fill('M. Moreau');
  const pad = visit.getByRole('img', { name: 'Signature du client' });
  const box = await pad.boundingBox();
  if (!box) throw new Error('no signature pad');
  await page.mouse.move(box.x + 30, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 30 + i * 18, box.y + box.height / 2 + Math.sin(i) * 30);
  await page.mouse.up();
  await screenshot(page, 'visit-dialog');
  await visit.getByRole('button', { name: 'Enregistrer la visite' }).click();
  await expect(visit).toBeHidden();

  // 1 h 25 of work = 6 UT, plus 4 UT for the round trip: no forfait covers it (modules A and J only).
  const interventions = page.getByRole('region', { name: 'Interventions' });
  await expect(interventions).toContainText('10 UT');
  await status.expectPending(1);

  await context.setOffline(false);
  await status.expectSynced();

  // A team lead on another device sees the visit: it reached the server.
  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  await signIn(lead, 'lead');
  await lead.goto(ticketUrl);
  await expect(lead.getByRole('region', { name: 'Interventions' })).toContainText('10 UT', { timeout: 30_000 });
  await lead.getByRole('region', { name: 'Interventions' }).getByRole('link', { name: 'Compte-rendu PDF' }).click();
  await expect(lead.getByRole('img', { name: 'Signature de M. Moreau' })).toBeVisible();
  await screenshot(lead, 'visit-report-signed');
  await leadContext.close();
});

test('declares an interruption and shows its GTR overrun and penalty tier', async ({ page }) => {
  await signIn(page, 'technician');
  const intake = new CallIntake(page);
  await intake.openWithShortcut();
  await intake.findClient('tilleuls', 'Hôtel Les Tilleuls');
  await intake.fill({
    channel: 'Salle d’hébergement',
    title: 'Plus d’accès au serveur de réservation',
    startTimer: false,
  });
  await intake.submit();

  const panel = page.getByRole('region', { name: 'Interruption de service (GTR / IMS)' });
  await panel.getByRole('button', { name: 'Déclarer une interruption' }).click();
  // Monday 23 November 2026, 09:00 → 16:00: 3 h + 2 h = 5 h ouvrées, 30 min beyond 4 h 30.
  await panel.getByLabel('Signalement par le client').fill('2026-11-23T09:00');
  await panel.getByLabel('Notification du rétablissement').fill('2026-11-23T16:00');
  await panel.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(panel).toContainText('Échéance GTR (4 h 30 ouvrées) : 23/11/2026 15 h 30');
  await expect(panel).toContainText('Durée en heures ouvrées : 5 h');
  await expect(panel).toContainText('Dépassement de 30 min : pénalité de 10 % de la facture d’hébergement du mois.');
  await screenshot(page, 'ticket-interruption');

  // Excluded for a telecom operator's fault: no penalty owed.
  await panel.getByRole('button', { name: 'Modifier l’interruption' }).click();
  await panel.getByLabel('Motif d’exclusion (CG 4.5)').selectOption({ label: 'opérateur de télécommunications' });
  await panel.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(panel).toContainText('Exclue (CG 4.5) : opérateur de télécommunications.');
  await expect(panel).not.toContainText('pénalité de 10 %');
  await expect(page.getByRole('region', { name: 'Historique (traçabilité)' })).toContainText('l’interruption');
});
