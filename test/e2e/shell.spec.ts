import { expect, test } from '@playwright/test';

test('opens the French app shell with no console error', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  await page.goto('/');
  await expect(page).toHaveTitle('Cadran');
  await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue sur Cadran' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Accueil' })).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  // French date in words, French time with "h".
  await expect(page.getByText(/Nous sommes le \w+ \d{1,2} \w+ \d{4}, il est \d{2} h \d{2}\./)).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('En ligne');

  await page.screenshot({ path: 'test-results/screens/shell-fr.png', fullPage: true });
  expect(problems).toEqual([]);
});

test('switches to English and remembers it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Cadran' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Cadran' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.screenshot({ path: 'test-results/screens/shell-en.png' });
});

test('shows the offline state when the network drops', async ({ page, context }) => {
  await page.goto('/');
  await context.setOffline(true);
  await expect(page.getByRole('status')).toHaveText('Hors ligne');
  await context.setOffline(false);
  await expect(page.getByRole('status')).toHaveText('En ligne');
});
