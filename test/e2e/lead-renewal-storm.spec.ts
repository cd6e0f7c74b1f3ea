/**
 * The server's renewal-storm signal as a lead sees it (docs/server.md "Invoices"): on a server of
 * its own, one pushed intervention of 24 hours and 20 trips on a 1-UT contract makes 176 bases
 * due; the credit screen says so, names the ticket to check, and shows the bases the server has
 * not invoiced yet as waiting, until the background passes have issued them all.
 */
import { expect, test } from '@playwright/test';
import { aClient, aContract } from '../fixtures/documents';
import { createUser, login, push } from '../sync/support/api';
import { ADMIN, startServer, type ServerProcess } from '../sync/support/server-process';
import { screenshot } from './support/session';

const PASSWORD = 'storm-password-123';
let server: ServerProcess;
test.afterEach(async () => server?.stop());

test('warns a lead of a renewal storm on the contract’s credit screen', async ({ page }) => {
  test.setTimeout(120_000);
  server = await startServer({ staticDir: 'dist/renderer' });
  const admin = await login(server.url, ADMIN.email, ADMIN.password);
  await createUser(server.url, admin.accessToken, {
    email: 'chef@storm.test',
    name: 'Claire Chef',
    role: 'lead',
    password: PASSWORD,
  });
  const tech = await createUser(server.url, admin.accessToken, {
    email: 'tech@storm.test',
    name: 'Théo Terrain',
    role: 'technician',
    password: PASSWORD,
  });
  const client = aClient({ id: 'cl-storm', name: 'Imprimerie Durand', code: 'C-STORM' });
  const contract = aContract({
    id: 'ct-storm',
    clientId: client.id,
    number: 'SS-STORM',
    utBase: 1,
    startDate: '2026-01-01',
  });
  await push(server.url, admin.accessToken, 'clients', [client]);
  await push(server.url, admin.accessToken, 'contracts', [contract]);
  const technician = await login(server.url, 'tech@storm.test', PASSWORD);
  const start = new Date(Date.now() - 2 * 86_400_000);
  const end = new Date(start.getTime() + 24 * 3_600_000);
  await push(server.url, technician.accessToken, 'tickets', [
    {
      id: 'tk-storm',
      updatedAt: start.toISOString(),
      reference: 'T-STORM-0001',
      clientId: client.id,
      contractId: contract.id,
      channel: 'onsite',
      nature: 'curative',
      priority: 'high',
      status: 'resolved',
      receivedAt: start.toISOString(),
      title: 'Serveur d’impression en panne',
      description: '',
      createdBy: tech.id,
      createdAt: start.toISOString(),
      fieldUpdatedAt: {},
      history: [],
    },
  ]);
  await push(server.url, technician.accessToken, 'interventions', [
    {
      id: 'iv-storm',
      updatedAt: end.toISOString(),
      ticketId: 'tk-storm',
      clientId: client.id,
      contractId: contract.id,
      technicianId: tech.id,
      channel: 'onsite',
      segments: [{ start: start.toISOString(), end: end.toISOString() }],
      trips: 20,
      halfDay: false,
      report: 'Journée entière sur site (saisie à vérifier).',
      completedAt: end.toISOString(),
      createdAt: start.toISOString(),
    },
  ]);

  await page.goto(server.url);
  await page.getByLabel('Adresse e-mail').fill('chef@storm.test');
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  await page.goto(`${server.url}/#/credit/ct-storm`);
  const alert = page.getByRole('alert').filter({ hasText: 'Renouvellements en rafale' });
  await expect(alert).toContainText('176 bases dues d’un coup (T-STORM-0001');
  await expect(alert.getByRole('link', { name: 'T-STORM-0001' })).toBeVisible();
  const renewals = page
    .getByRole('region', { name: 'Crédit UT', exact: true })
    .getByRole('table', { name: 'Bases et renouvellements' });
  await expect(renewals.locator('tbody tr')).toHaveCount(177);
  await screenshot(page, 'lead-credit-renewal-storm');
  // The warning itself, as the screen opens (the full page is 177 bases long).
  await page.screenshot({ path: 'test-results/screens/lead-credit-renewal-storm-top.png' });
  // The server's background passes issue every base: none is left waiting.
  await expect(renewals.getByText('En attente du serveur')).toHaveCount(0, { timeout: 30_000 });
});
