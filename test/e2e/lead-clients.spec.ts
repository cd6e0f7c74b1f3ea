/**
 * Clients, contracts and the inventory: a new client with its contacts, a contract with its
 * modules, prices and calendar, the notice date and the price revision, equipment with its
 * H/I coverage — everything refused field by field when wrong, nothing lost.
 */
import { expect, test } from '@playwright/test';
import { LeadNavigation, waitForSync } from './pages/lead-workspace';
import { screenshot, signIn, watchConsole } from './support/session';

test('creates a client, names a wrong phone number on its field, and keeps it', async ({ page }) => {
  const problems = watchConsole(page);
  await signIn(page, 'lead');
  await waitForSync(page);
  await new LeadNavigation(page).open('Clients');
  await expect
    .poll(() => page.getByRole('table', { name: 'Clients et contrats' }).locator('tbody tr').count())
    .toBeGreaterThanOrEqual(30);
  await screenshot(page, 'lead-clients');
  await page.getByRole('link', { name: 'Nouveau client' }).click();

  const form = page.getByRole('form', { name: 'Nouveau client' });
  await form.getByLabel('Raison sociale').fill('Garage du Rhin');
  await form.getByLabel('N° client').fill('C-9001');
  await form.getByLabel('Téléphone 1', { exact: true }).fill('appeler le standard');
  await form.getByRole('button', { name: 'Ajouter un contact' }).click();
  await form.getByRole('group', { name: 'Contact 1' }).getByLabel('Nom').fill('Paul Schmitt');
  await form.getByRole('group', { name: 'Contact 1' }).getByLabel('E-mail').fill('paul.schmitt@garage-du-rhin.fr');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByLabel('Téléphone 1', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Numéro invalide (ex. 01 23 45 67 89).')).toBeVisible();
  // Nothing typed was lost.
  await expect(form.getByLabel('Raison sociale')).toHaveValue('Garage du Rhin');

  await form.getByLabel('Téléphone 1', { exact: true }).fill('03 88 12 34 56');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Garage du Rhin/ })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Téléphone 1', { exact: true })).toHaveValue('03 88 12 34 56');
  await expect(page.getByRole('group', { name: 'Contact 1' }).getByLabel('Nom')).toHaveValue('Paul Schmitt');
  expect(problems).toEqual([]);
});

test('creates a contract with modules, prices and an Alsace calendar, then revises its prices', async ({ page }) => {
  await signIn(page, 'lead');
  await waitForSync(page);
  await page.goto('/#/clients');
  await page.getByRole('link', { name: 'Caves Gauthier' }).click();
  await page.getByRole('radio', { name: 'Contrats' }).click({ force: true });
  await page.getByRole('link', { name: 'Nouveau contrat' }).click();

  const form = page.getByRole('form', { name: 'Nouveau contrat' });
  await form.getByLabel('N° Solution de Service (contrat)').fill('CI-2099-001');
  await form.getByLabel('Date de prise d’effet').fill('2024-01-15');
  await form.getByLabel('G — Forfait hotline (30 min par incident)').check();
  await form.getByLabel('H — Forfait serveurs et réseau').check();
  await form.getByLabel(/^Quantité H/).fill('4');
  await form.getByLabel('Base UT (unités par crédit)').fill('0');
  await form.getByLabel('Redevance mensuelle d’hébergement HT').fill('450,50');
  await form.getByLabel('À partir du (1)').fill('2024-01-15');
  await form.getByLabel('Région (jours fériés locaux)').selectOption('67');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByText('Au moins 1.')).toBeVisible();
  await form.getByLabel('Base UT (unités par crédit)').fill('24');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contrat CI-2099-001' })).toBeVisible();

  // Term: 3 years firm from 15/01/2024, renewed tacitly; the notice falls six months before.
  const term = page.getByRole('region', { name: 'Durée et préavis' });
  await expect(term).toContainText('14/01/2027');
  await expect(term).toContainText('Dernier jour pour résilier');

  const revision = page.getByRole('region', { name: 'Révision des prix' });
  await revision.getByLabel('Indice de référence S0').fill('125');
  await revision.getByLabel('Nouvel indice S').fill('140');
  // 25,00 × (0,15 + 0,85 × 140 / 125) = 27,55 €; 360,00 × 1,102 = 396,72 €.
  await expect(revision).toContainText('UT 27,55 €');
  await expect(revision).toContainText('demi-journée 396,72 €');
  await revision.getByRole('button', { name: 'Ajouter ce tarif au contrat' }).click();
  await page.getByRole('form', { name: 'Contrat CI-2099-001' }).getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Prix de l’UT (2)')).toHaveValue('27.55');
  await expect(page.getByLabel('Redevance mensuelle d’hébergement HT')).toHaveValue('450.50');
  await expect(page.getByLabel('Région (jours fériés locaux)')).toHaveValue('67');
  await screenshot(page, 'lead-contract');
});

test('adds equipment and shows which forfait covers it and what expires', async ({ page }) => {
  await signIn(page, 'lead');
  await waitForSync(page);
  await page.goto('/#/clients');
  await page.getByRole('link', { name: 'Distribution Henry Frères' }).click();
  // The inventory lives in the client's dossier technique, shared with the technicians.
  await page.getByRole('radio', { name: 'Dossier technique' }).click({ force: true });
  await expect(
    page.getByRole('heading', { level: 1, name: 'Dossier technique — Distribution Henry Frères' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter un équipement' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvel équipement' });
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog.getByText('Obligatoire.')).toBeVisible();
  await dialog.getByLabel('Type').selectOption({ label: 'Serveur' });
  await dialog.getByLabel('Nom').fill('Serveur de sauvegarde NAS');
  await dialog.getByLabel('N° de série').fill('NAS-2026-01');
  await dialog.getByLabel('Listé en annexe du contrat (couvert par H ou I)').check();
  await dialog.getByRole('button', { name: 'Ajouter une échéance' }).click();
  await dialog.getByLabel('Libellé 1').fill('Garantie NAS');
  await dialog.getByLabel('Date 1').fill('2020-01-31');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: 'Serveur de sauvegarde NAS' });
  await expect(row).toContainText('Couvert (module H)');
  await expect(row).toContainText('Garantie NAS : échéance passée (31/01/2020)');
  await screenshot(page, 'lead-equipment');
});
