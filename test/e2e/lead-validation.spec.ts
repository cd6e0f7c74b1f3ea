/**
 * Review and validate the week's work; validated work is locked and corrected through a new
 * record that keeps the history.
 */
import { expect, test } from '@playwright/test';
import { ValidationScreen, monday, waitForSync } from './pages/lead-workspace';
import { screenshot, signIn, watchConsole } from './support/session';

/** The most recent past week of the demo that still has work to validate. */
async function weekWithWork(screen: ValidationScreen): Promise<string> {
  for (let weeksAgo = 1; weeksAgo < 12; weeksAgo++) {
    await screen.openWeek(monday(weeksAgo));
    await expect(screen.count('À valider')).toHaveText(/\d+/);
    if (Number(await screen.count('À valider').textContent()) >= 3) return monday(weeksAgo);
  }
  throw new Error('no week of the demo has three interventions to validate');
}

test('validates one intervention, then the rest of the week', async ({ page }) => {
  const problems = watchConsole(page);
  await signIn(page, 'lead');
  await waitForSync(page);
  const screen = new ValidationScreen(page);
  const week = await weekWithWork(screen);
  const before = Number(await screen.count('À valider').textContent());
  await screenshot(page, 'lead-validation');

  await screen
    .rows()
    .first()
    .getByRole('button', { name: /^Valider l’intervention du / })
    .click();
  await expect(page.getByRole('status').filter({ hasText: '1 intervention(s) validée(s).' })).toBeVisible();
  await expect(screen.count('À valider')).toHaveText(String(before - 1));

  await screen.validateWeek();
  await expect(page.getByRole('status').filter({ hasText: `${before - 1} intervention(s) validée(s).` })).toBeVisible();
  await expect(screen.count('À valider')).toHaveText('0');
  await expect(page.getByRole('button', { name: 'Valider la semaine (0)' })).toBeDisabled();

  // Validated work is locked: only a correction is offered.
  await screen.openWeek(week, 'validated');
  const row = screen.rows().first();
  await expect(row).toContainText('Validée');
  await expect(row.getByRole('button', { name: /^Valider/ })).toHaveCount(0);
  await expect(row.getByRole('button', { name: /^Corriger/ })).toBeVisible();
  expect(problems).toEqual([]);
});

test('corrects validated work with a new record, a reason and its history', async ({ page }) => {
  await signIn(page, 'lead');
  await waitForSync(page);
  const screen = new ValidationScreen(page);
  // Validate a week first, so there is locked work to correct.
  const week = await weekWithWork(screen);
  await screen.validateWeek();
  // The whole week is written before a row is picked: a row read while the validations still
  // arrive may not be the first one a moment later.
  await expect(screen.count('À valider')).toHaveText('0');
  await screen.openWeek(week, 'validated');
  const first = screen.rows().first();
  // The ticket and the start of the work name it among the week's rows.
  // (The cell reads "16/11/2026 09 h 49–11 h 46 Sur site": the start is what precedes the dash.)
  const when = (await first.locator('td').first().textContent())?.split('–')[0] ?? '';
  const ticket = (await first.getByRole('link').first().textContent()) ?? '';
  const row = screen.rows().filter({ hasText: ticket }).filter({ hasText: when }).first();
  await row.getByRole('button', { name: /^Corriger/ }).click();

  const dialog = page.getByRole('dialog', { name: 'Corriger une intervention validée' });
  // Keep one period of work: the others go.
  const remove = dialog.getByRole('button', { name: /^Retirer la période [2-9]/ });
  while ((await remove.count()) > 0) await remove.last().click();
  const end = dialog.getByLabel('Fin de la période 1');
  const start = await dialog.getByLabel('Début de la période 1').inputValue();
  // Without a reason nothing is saved, and the error says why, next to the field.
  await dialog.getByRole('button', { name: 'Enregistrer la correction' }).click();
  await expect(dialog.getByText('Dites pourquoi l’intervention est corrigée.')).toBeVisible();
  // An end before the start is named on its field.
  await end.fill(
    start.replace(/T(\d{2})/, (_m, h: string) => `T${String(Math.max(0, Number(h) - 1)).padStart(2, '0')}`),
  );
  await dialog.getByLabel('Motif de la correction').fill('Pause déjeuner comptée par erreur');
  await dialog.getByRole('button', { name: 'Enregistrer la correction' }).click();
  await expect(dialog.getByText('La période 1 finit avant de commencer.')).toBeVisible();
  // Ten minutes of work, then saved.
  const tenMinutes = new Date(`${start}:00Z`);
  tenMinutes.setUTCMinutes(tenMinutes.getUTCMinutes() + 10);
  await end.fill(tenMinutes.toISOString().slice(0, 16));
  await dialog.getByRole('button', { name: 'Enregistrer la correction' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Correction enregistrée.' })).toBeVisible();

  await screen.openWeek(week, 'all');
  // The state as a whole word: a report may say "Batterie remplacée" (the demo data does).
  const replaced = screen
    .rows()
    .filter({ hasText: ticket })
    .filter({ hasText: when })
    .filter({ has: page.getByText('Remplacée', { exact: true }) });
  await expect(replaced).toHaveCount(1);
  await expect(replaced.getByRole('button', { name: /^Corriger/ })).toHaveCount(0);
  const correction = screen.rows().filter({ hasText: 'Correction : Pause déjeuner comptée par erreur' });
  await expect(correction).toContainText('À valider');
  await expect(correction).toContainText('10 min');
  await correction.getByRole('button', { name: /^Historique/ }).click();
  const history = page.getByRole('dialog', { name: 'Historique de l’intervention' });
  await expect(history.getByRole('heading', { name: /^Version 1 — Enregistrement d’origine/ })).toBeVisible();
  await expect(history.getByRole('heading', { name: /^Version 2 — Correction : Pause déjeuner/ })).toBeVisible();
  await expect(history.getByRole('rowheader', { name: 'Périodes' })).toBeVisible();
  await screenshot(page, 'lead-validation-history');
});
