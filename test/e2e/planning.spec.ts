/**
 * Planned services (modules C–F): a lead plans a contract year and assigns it, the technician
 * does one occurrence offline with its compte-rendu, and once synced the client's quality index
 * moves as defined (docs/domain-decisions.md D-43); a lead moves and cancels occurrences with
 * their reasons; a coordination day's compte-rendu takes the previous action plan over and
 * prints to PDF.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { StatusBar, TimerBar } from './pages/technician';
import { frenchIndex, go, PlanningScreen, qualityFigures } from './pages/planning';
import { screenshot, signIn, watchConsole } from './support/session';

// Groupe Médical Robin (modules A C D G H I J K L): its current contract year is left to plan.
const ROBIN = { id: 'cl-demo-23', name: 'Groupe Médical Robin' };
// Expertise Comptable Mercier (C and D), planned by the demo.
const MERCIER = 'Expertise Comptable Mercier';
// Bureau d’Études Garnier (E and F): a coordination day done seven months ago, with its action plan.
const GARNIER = 'Bureau d’Études Garnier';

test('a lead plans a contract year, the technician does one occurrence offline, the quality index moves', async ({
  browser,
}) => {
  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  const problems = watchConsole(lead);
  await signIn(lead, 'lead');

  // The index of Robin's current contract year before anything is planned.
  await go(lead, `/quality/${ROBIN.id}`);
  await expect(lead.getByRole('heading', { level: 1, name: new RegExp(ROBIN.name) })).toBeVisible();
  const before = await qualityFigures(lead);

  const planning = new PlanningScreen(lead);
  await planning.open();
  await screenshot(lead, 'planning-week');
  const created = await planning.planYear(ROBIN.name);
  expect(created).toBeGreaterThan(0);

  // The first new telemaintenance of Robin, unassigned: the lead gives it to Julie Martin.
  const chip = await planning.findOccurrence(new RegExp(`^Télémaintenance planifiée, ${ROBIN.name}, .*, Planifiée$`));
  await planning.view('Mois', 'Par client');
  await screenshot(lead, 'planning-month-by-client');
  await planning.view('Mois', 'Par technicien');
  // Its day, as the chip names it: "Télémaintenance planifiée, Groupe Médical Robin, 07/12/2026, Planifiée".
  const day = /, (\d{2}\/\d{2}\/\d{4}), Planifiée$/.exec((await chip.getAttribute('aria-label')) ?? '')?.[1] ?? '';
  expect(day).not.toBe('');
  await chip.click();
  await expect(planning.dialog).toContainText('Non attribuées');
  await planning.assign('Julie Martin');
  await expect(planning.dialog).toContainText(/a attribué la prestation à Julie Martin/);
  await screenshot(lead, 'planning-occurrence');
  await planning.dialog.getByRole('button', { name: 'Fermer' }).click();

  // The technician, on her own device.
  const techContext = await browser.newContext();
  const tech = await techContext.newPage();
  await signIn(tech, 'technician');
  const home = tech.getByRole('region', { name: 'Mes prestations planifiées' });
  const work = home.getByRole('link', { name: `${day} · C · Télémaintenance planifiée — ${ROBIN.name}` });
  await expect(work).toBeVisible({ timeout: 20_000 });
  await screenshot(tech, 'home-planned-work');

  // Offline: the telemaintenance is done with its compte-rendu, on this device only.
  await techContext.setOffline(true);
  await work.click();
  const panel = tech.getByRole('region', { name: 'Prestation planifiée' });
  await expect(panel).toContainText('Planifiée');
  await expect(panel).toContainText('aucune UT décomptée');
  // No 30-minute clock on planned work.
  await expect(tech.getByRole('region', { name: /Engagement d’intervention/ })).toHaveCount(0);
  await tech.getByRole('button', { name: 'Démarrer le chrono' }).click();
  const timer = new TimerBar(tech);
  await expect(timer.bar).toContainText(ROBIN.name);
  await timer.stopAndComplete({
    report: 'Mises à jour Windows et antivirus, sauvegardes vérifiées, disques contrôlés.',
  });
  await expect(panel).toContainText('Réalisée');
  await expect(tech.getByRole('region', { name: 'Interventions' })).toContainText('Prestation planifiée');
  await screenshot(tech, 'ticket-planned-service');
  await expect(tech.getByTestId('sync-pending')).toHaveText(/^[1-9]\d* modification\(s\) en attente$/);

  // Back online: the lead's index counts one more occurrence, done on time (1 point).
  await techContext.setOffline(false);
  await new StatusBar(tech).expectSynced();
  await go(lead, `/quality/${ROBIN.id}`);
  const expected = { points: before.points + 1, counted: before.counted + 1 };
  await expect(lead.getByRole('group', { name: 'Indice' })).toContainText(
    `${String(expected.points).replace('.', ',')} point(s) sur ${expected.counted} prestation(s) comptée(s)`,
    { timeout: 20_000 },
  );
  const after = await qualityFigures(lead);
  expect(after.value).toBe(frenchIndex(expected.points / expected.counted));
  await screenshot(lead, 'quality-client');

  // Across clients, with the trend over twelve months.
  await go(lead, '/quality');
  await expect(lead.getByRole('figure', { name: 'Évolution sur 12 mois' })).toBeVisible();
  await expect(lead.getByRole('link', { name: `Indice de ${ROBIN.name}` })).toBeVisible();
  await screenshot(lead, 'quality-overview');

  // And in the client's file.
  await go(lead, `/clients/${ROBIN.id}`);
  await expect(lead.getByRole('region', { name: 'Qualité préventive et main courante' })).toContainText(after.value);
  await screenshot(lead, 'client-file-quality');
  expect(problems).toEqual([]);
  await techContext.close();
  await leadContext.close();
});

test('a lead moves an occurrence with its reason and cancels one at the client’s request', async ({ page }) => {
  await signIn(page, 'lead');
  const planning = new PlanningScreen(page);
  await planning.open();
  const chip = await planning.findOccurrence(new RegExp(`^Demi-journée préventive, ${MERCIER}, .*, Planifiée$`));
  await chip.click();
  const dialog = planning.dialog;
  // A Saturday is refused, with the reason on screen; nothing moves without a reason.
  const saturday = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() + ((6 - d.getDay() + 7) % 7 || 7) + 7);
    return d.toISOString().slice(0, 10);
  });
  await dialog.getByLabel('Nouvelle date').fill(saturday);
  await dialog.getByLabel('Motif du déplacement').fill('Le client est fermé ce jour-là');
  await dialog.getByRole('button', { name: 'Déplacer' }).click();
  await expect(dialog.getByRole('alert')).toContainText('n’est pas un jour ouvré du contrat');
  const monday = await page.evaluate((sat) => {
    const d = new Date(`${sat}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 2);
    return d.toISOString().slice(0, 10);
  }, saturday);
  await dialog.getByLabel('Nouvelle date').fill(monday);
  await dialog.getByLabel('Motif du déplacement').fill('');
  await dialog.getByRole('button', { name: 'Déplacer' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Indiquez le motif.');
  await dialog.getByLabel('Motif du déplacement').fill('Le client est fermé ce jour-là');
  await dialog.getByRole('button', { name: 'Déplacer' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Enregistré.');
  await expect(dialog).toContainText(/a déplacé la prestation du .* au .* \(motif : Le client est fermé ce jour-là\)/);

  await dialog.getByLabel('Motif de l’annulation').fill('Locaux fermés pour travaux');
  await dialog.getByRole('button', { name: 'Annuler la prestation' }).click();
  await expect(dialog).toContainText(/Annulée le .* \(à la demande du client\) : Locaux fermés pour travaux/);
  await expect(dialog).toContainText('Annulée (demande du client)');
  await screenshot(page, 'planning-cancelled');
  await dialog.getByRole('button', { name: 'Fermer' }).click();
});

test('a coordination day’s compte-rendu takes the previous action plan over and prints to PDF', async ({ page }) => {
  const problems = watchConsole(page);
  await signIn(page, 'lead');
  const planning = new PlanningScreen(page);
  await planning.open();
  // The next coordination day is in the next contract year.
  await planning.planYear(GARNIER, 'next');
  const chip = await planning.findOccurrence(new RegExp(`^Journée de coordination, ${GARNIER}, .*, Planifiée$`));
  await chip.click();
  await planning.dialog.getByRole('link', { name: 'Compte-rendu de coordination' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Compte-rendu de la journée de coordination' }),
  ).toBeVisible();

  // The previous day's plan, and its open actions already in this one's.
  await expect(page.getByRole('region', { name: /^Plan d’actions de la journée du / })).toContainText(
    'Chiffrer le remplacement du commutateur principal',
  );
  const form = page.getByRole('form', { name: 'Compte-rendu de la journée de coordination' });
  await expect(form.getByLabel('Action 1', { exact: true })).toHaveValue(
    'Chiffrer le remplacement du commutateur principal',
  );
  await expect(form.getByText('reprise de la journée précédente').first()).toBeVisible();

  // Nothing written yet: refused, and said.
  await form.getByRole('button', { name: 'Enregistrer le compte-rendu' }).click();
  await expect(form.getByRole('alert')).toHaveText('Renseignez au moins une rubrique du compte-rendu.');

  await form.getByLabel('Actions réalisées').fill('Remplacement du commutateur principal, migration des sauvegardes.');
  await form.getByLabel('Complétude des opérations réalisées').fill('Toutes les opérations prévues sont terminées.');
  await form.getByLabel('Dysfonctionnements rencontrés et actions mises en place').fill('Une coupure opérateur.');
  await form.getByLabel('Axes d’amélioration de l’infrastructure').fill('Passer le Wi-Fi invité sur un VLAN dédié.');
  await form.getByLabel('Projets à venir pouvant impacter l’infrastructure').fill('Déménagement de l’agence de Nancy.');
  await form
    .getByLabel('Satisfaction du client', { exact: true })
    .fill('Client satisfait, demande un point trimestriel.');
  await form.getByLabel('Note de satisfaction du client').selectOption({ label: '5/5' });
  await form.getByLabel('État de l’action 1').selectOption({ label: 'Faite' });
  await form.getByRole('button', { name: 'Ajouter une action' }).click();
  const n = await form.getByLabel(/^Action \d+$/).count();
  await form.getByLabel(`Action ${n}`, { exact: true }).fill('Planifier le déménagement du réseau de Nancy');
  await form.getByLabel(`Responsable de l’action ${n}`).fill('Prestataire — bureau d’étude');
  await screenshot(page, 'coordination-report');
  await form.getByRole('button', { name: 'Enregistrer le compte-rendu' }).click();
  await expect(form.getByRole('status')).toHaveText('Compte-rendu enregistré.');

  await page.getByRole('link', { name: 'Compte-rendu PDF' }).click();
  const sheet = page.getByRole('article', { name: 'Compte-rendu de journée de coordination' });
  await expect(sheet).toContainText('Axes d’amélioration de l’infrastructure');
  await expect(sheet).toContainText('Planifier le déménagement du réseau de Nancy');
  await expect(sheet).toContainText('Satisfaction du client : 5/5');
  await screenshot(page, 'coordination-sheet');
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ path: 'test-results/screens/coordination.pdf', format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect((await readFile('test-results/screens/coordination.pdf')).length).toBeGreaterThan(5000);
  expect(problems).toEqual([]);
});
