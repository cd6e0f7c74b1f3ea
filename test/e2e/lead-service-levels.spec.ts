/**
 * Which commitments slip: the 30-minute commitment per client, technician and month with each
 * breach explained, the tickets at risk now, and GTR/IMS with penalties under their cap.
 */
import { expect, test } from '@playwright/test';
import { CallIntake } from './pages/technician';
import { LeadNavigation, parisDay, waitForSync } from './pages/lead-workspace';
import { screenshot, signIn, watchConsole } from './support/session';

test('measures the 30-minute commitment and explains every breach', async ({ page }) => {
  const problems = watchConsole(page);
  await signIn(page, 'lead');
  await waitForSync(page);
  await new LeadNavigation(page).open('Engagements');
  await page.goto(`/#/service-levels?period=range&from=${parisDay(364)}&to=${parisDay(0)}`);
  const kpis = page.getByRole('region', { name: 'Respect de l’engagement sur la période' });
  await expect(kpis.getByRole('group', { name: 'Taux de respect' })).toContainText('%');

  const compliance = page.getByRole('region', { name: 'Respect par client' });
  await expect(compliance.locator('tbody tr').first()).toBeVisible();
  await compliance.getByRole('radio', { name: 'Mois' }).click({ force: true });
  await expect(page.getByRole('region', { name: 'Respect par mois' }).locator('tbody tr').first()).toBeVisible();

  const breaches = page.getByRole('region', { name: /^Dépassements \(\d+\)$/ });
  const breach = breaches.locator('tbody tr').first();
  await expect(breach.locator('.chip-sla-breached')).toContainText(/\d+ (min|h)/);
  await breach.getByText('Décompte').click();
  // The business minutes counted, day by day, with the periods they came from.
  await expect(breach.locator('.day-count').first()).toContainText(
    /\d{2}\/\d{2}\/\d{4} : .*\(\d{2} h \d{2} – \d{2} h \d{2}/,
  );
  await screenshot(page, 'lead-service-levels');
  expect(problems).toEqual([]);
});

test('puts a new call waiting for its first intervention among the tickets at risk', async ({ page }) => {
  await signIn(page, 'lead');
  await waitForSync(page);
  const intake = new CallIntake(page);
  await intake.openWithButton();
  await intake.findClient('fromagerie', 'Fromagerie Girard');
  await intake.fill({ title: 'Caisse enregistreuse bloquée', startTimer: false });
  await intake.submit();
  await page.goto('/#/service-levels');
  const atRisk = page.getByRole('region', { name: /^Tickets à risque maintenant \(\d+\)$/ });
  const row = atRisk.getByRole('row').filter({ hasText: 'Caisse enregistreuse bloquée' });
  await expect(row).toContainText('Fromagerie Girard');
  await expect(row).toContainText(/\d+ min ouvrées/);
});

test('shows GTR and IMS with penalties and the yearly cap', async ({ page }) => {
  await signIn(page, 'lead');
  await waitForSync(page);
  await page.goto('/#/service-levels?tab=hosting');
  const summary = page.getByRole('region', { name: 'Synthèse de l’année' });
  await expect(summary.getByRole('group', { name: 'Pénalités dues (après plafond)' })).toContainText('€');
  const card = page.locator('.hosting-card').first();
  await expect(card.getByRole('heading', { name: /GTR — garantie de temps de rétablissement/ })).toBeVisible();
  await expect(card.getByText('Plafond de l’année (3 mois de redevance d’hébergement)')).toBeVisible();
  await screenshot(page, 'lead-gtr-ims');
  await page.getByRole('button', { name: 'Année précédente' }).click();
  await expect(page.getByText(`Année ${Number(parisDay(0).slice(0, 4)) - 1}`)).toBeVisible();
});
