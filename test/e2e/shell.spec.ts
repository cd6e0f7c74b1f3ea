import { expect, test } from '@playwright/test';
import { screenshot, signIn, watchConsole } from './support/session';

test('greets a new device with the French sign-in screen', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/');
  await expect(page).toHaveTitle('Cadran');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await expect(page.getByLabel('Serveur')).toHaveValue(/^http:\/\/localhost:\d+$/);
  await screenshot(page, 'login');
  expect(problems).toEqual([]);
});

test('refuses a wrong password with a clear message', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Adresse e-mail').fill('julie.martin@demo.cadran.fr');
  await page.getByLabel('Mot de passe').fill('pas-le-bon');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toContainText('Connexion impossible');
});

test('opens the French app shell with no console error', async ({ page }) => {
  const problems = watchConsole(page);
  await signIn(page, 'technician');
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Julie' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Accueil' })).toHaveAttribute('aria-current', 'page');
  // French date in words, French time with "h". Month names carry accents (décembre, février,
  // août), which `\w` does not match: letters are \p{L}.
  await expect(page.getByText(/Nous sommes le \p{L}+ \d{1,2} \p{L}+ \d{4}, il est \d{2} h \d{2}\./u)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'En ligne' })).toBeVisible();
  await expect(page.getByTestId('sync-pending')).toHaveText('Tout est synchronisé', { timeout: 30_000 });
  await screenshot(page, 'home-technician');
  expect(problems).toEqual([]);
});

test('switches to English and remembers it', async ({ page }) => {
  await signIn(page, 'technician');
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Hello Julie' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('button', { name: 'New call' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Hello Julie' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await screenshot(page, 'home-english');
});

test('shows the offline state when the network drops, and works on', async ({ page, context }) => {
  await signIn(page, 'technician');
  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'Hors ligne' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Tickets' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tickets' })).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByRole('status').filter({ hasText: 'En ligne' })).toBeVisible();
});

test('logs out, offering to erase the local data', async ({ page }) => {
  await signIn(page, 'technician');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  const dialog = page.getByRole('dialog', { name: 'Se déconnecter' });
  await expect(dialog.getByText('Effacer aussi les données de Julie Martin sur cet appareil ?')).toBeVisible();
  await screenshot(page, 'logout-dialog');
  await dialog.getByRole('button', { name: 'Effacer les données' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
});
