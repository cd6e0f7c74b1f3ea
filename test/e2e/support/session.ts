import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from '../../fixtures/demo-users';

/**
 * The client account's navigation: the extranet's own screens (routes with `roles: ['client']`),
 * none of the staff's.
 */
export const CLIENT_NAVIGATION = [
  'Accueil',
  'Main courante',
  'Comptes-rendus',
  'Qualité',
  'Dossier technique',
  'Coffre-fort',
];

/** Signs in through the login screen as a demo user and waits for the shell, past the first sync. */
export async function signIn(page: Page, who: DemoUser = 'technician'): Promise<void> {
  const user = DEMO_USERS[who];
  await page.goto('/');
  await page.getByLabel('Adresse e-mail').fill(user.email);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  // A new device shows the first sync's progress before any screen.
  await expect(page.getByTestId('sync-pending')).toHaveText('Tout est synchronisé', { timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Première synchronisation' })).toHaveCount(0);
}

/** Collects console errors and page errors; assert it stays empty at the end of a test. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** Saves a full-page screenshot under test-results/screens/ for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}
