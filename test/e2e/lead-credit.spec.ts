/**
 * Which clients run out of credit: balances, renewals with their invoices, the forecast, and a
 * contract's movements — on the demo year's contracts.
 */
import { expect, test } from '@playwright/test';
import { LeadNavigation, frenchNumber, waitForSync } from './pages/lead-workspace';
import { screenshot, signIn, watchConsole } from './support/session';

test('lists every contract’s balances, soonest renewal first', async ({ page }) => {
  const problems = watchConsole(page);
  await signIn(page, 'lead');
  await waitForSync(page);
  await new LeadNavigation(page).open('Crédits');
  const table = page.getByRole('table', { name: 'Crédits UT et demi-journées' });
  // The demo's 30 contracts (other suites may add some).
  await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThanOrEqual(30);
  const all = await table.locator('tbody tr').count();
  // Every UT balance is within 1..base: a renewal happens at 0, not below.
  const balances = await table.locator('tbody tr td:nth-child(3) .gauge-text').allTextContents();
  for (const text of balances) {
    const [balance, base] = text.split('/').map(frenchNumber);
    expect(balance).toBeGreaterThanOrEqual(1);
    expect(balance).toBeLessThanOrEqual(base ?? 0);
  }
  await expect(table.getByRole('columnheader', { name: /Prochain renouvellement/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await screenshot(page, 'lead-credit');

  await page.getByLabel('Seulement les soldes bas').check();
  const low = await table.locator('tbody tr').count();
  expect(low).toBeLessThan(all);
  await expect(table.locator('tbody tr').first()).toContainText('Solde bas');
  expect(problems).toEqual([]);
});

test('shows a contract’s credit: balance, bases and their invoices, movements', async ({ page }) => {
  await signIn(page, 'lead');
  await waitForSync(page);
  await page.goto('/#/credit');
  const table = page.getByRole('table', { name: 'Crédits UT et demi-journées' });
  // The contract with the most renewals (a number column sorts biggest first) has history worth reading.
  await table.getByRole('button', { name: 'Renouvellements' }).click();
  await expect(table.getByRole('columnheader', { name: 'Renouvellements' })).toHaveAttribute('aria-sort', 'descending');
  await table.locator('tbody tr').first().getByRole('link').click();

  const ut = page.getByRole('region', { name: 'Crédit UT', exact: true });
  await expect(ut).toBeVisible();
  const balance = frenchNumber(
    (await ut.getByRole('group', { name: 'Solde' }).locator('.kpi-value').textContent()) ?? '',
  );
  const blocks = frenchNumber(
    (await ut.getByRole('group', { name: 'Bases facturées' }).locator('.kpi-value').textContent()) ?? '',
  );
  const hint = (await ut.getByRole('group', { name: 'Solde' }).locator('.kpi-hint').textContent()) ?? '';
  const [base, consumed] = [...hint.matchAll(/([\d\s\u202f]+) UT/g)].map((m) => frenchNumber(m[1] ?? ''));
  // The ledger's invariant, read off the screen: balance = blocks × base − consumed.
  expect(balance).toBe(blocks * (base ?? 0) - (consumed ?? 0));
  expect(blocks).toBeGreaterThan(1);

  const renewals = ut.getByRole('table', { name: 'Bases et renouvellements' });
  await expect(renewals.locator('tbody tr')).toHaveCount(blocks);
  await expect(renewals.locator('tbody tr').last()).toContainText('Prise d’effet');
  // The server issued an invoice for each base (the demo creates them through its invoice service).
  await expect(renewals.locator('tbody tr').last()).toContainText('Émise le');
  await expect(ut.getByRole('group', { name: 'Prochain renouvellement estimé' })).toBeVisible();
  await expect(ut.getByRole('heading', { name: /^Mouvements \(\d+\)$/ })).toBeVisible();
  await screenshot(page, 'lead-credit-contract');
});
