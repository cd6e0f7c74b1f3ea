/**
 * The main courante (CP art. 5): an entry written offline on one device (the technician's)
 * appears on another (the lead's) once synced, marked new, in the server's order with the
 * device's time shown; a correction is a new entry naming the old one; search; attachments.
 */
import { expect, test } from '@playwright/test';
import { go, MainCourante } from './pages/planning';
import { StatusBar } from './pages/technician';
import { screenshot, signIn, watchConsole } from './support/session';

const CLIENT = { id: 'cl-demo-01', name: 'Boulangerie Artisanale Moreau' };
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

test('an entry written offline on one device appears on another, and is corrected by a new entry', async ({
  browser,
}) => {
  const techContext = await browser.newContext();
  const tech = await techContext.newPage();
  const techProblems = watchConsole(tech);
  await signIn(tech, 'technician');
  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  const leadProblems = watchConsole(lead);
  await signIn(lead, 'lead');

  // The lead reads the client's thread once, then goes back to the list.
  await go(lead, '/main-courante');
  await expect(lead.getByRole('heading', { level: 1, name: 'Main courante' })).toBeVisible();
  await lead.getByRole('link', { name: CLIENT.name }).click();
  const leadThread = new MainCourante(lead, CLIENT.name);
  await expect(leadThread.entries().first()).toBeVisible();
  await lead.getByRole('link', { name: 'Tous les clients' }).click();
  const row = lead.getByRole('row').filter({ has: lead.getByRole('link', { name: CLIENT.name }) });
  await expect(row).not.toContainText('non lue');

  // The technician, offline, writes a request with a photo.
  await go(tech, `/main-courante/${CLIENT.id}`);
  const techThread = new MainCourante(tech, CLIENT.name);
  await expect(techThread.thread).toBeVisible();
  await techContext.setOffline(true);
  const text = 'Le client demande le déplacement de la caisse vers le comptoir nord avant samedi.';
  await techThread.write({ kind: 'Demande', text, file: { name: 'comptoir.png', mimeType: 'image/png', buffer: PNG } });
  await expect(techThread.composer.getByRole('status')).toHaveText(
    'Entrée ajoutée sur cet appareil : elle sera envoyée au retour du réseau.',
  );
  const written = techThread.entry(text);
  await expect(written).toContainText('En attente de synchronisation');
  await expect(written).toContainText('(heure de l’appareil)');
  await expect(written.getByRole('link', { name: /comptoir\.png/ })).toBeVisible();
  await screenshot(tech, 'main-courante-offline');
  // Not on the lead's device while the technician is offline.
  await lead.waitForTimeout(1500);
  await expect(row).not.toContainText('non lue');

  await techContext.setOffline(false);
  await new StatusBar(tech).expectSynced();
  await expect(written).not.toContainText('En attente de synchronisation');

  // On the lead's device: one unread entry for the client, then the entry itself, marked new,
  // last in the server's order.
  await expect(row).toContainText('1 non lue(s)', { timeout: 20_000 });
  await screenshot(lead, 'main-courante-list');
  await lead.getByRole('link', { name: CLIENT.name }).click();
  const received = leadThread.entry(text);
  await expect(received).toContainText('Nouveau');
  await expect(leadThread.thread.getByText('Nouveau', { exact: true })).toHaveCount(1);
  await expect(received).toContainText('Julie Martin');
  await expect(received).toContainText('Demande');
  await expect(leadThread.entries().last()).toContainText(text);
  await screenshot(lead, 'main-courante-thread');

  // The lead corrects it: a new entry naming the first, which stays as it was.
  await received.getByRole('button', { name: 'Corriger' }).click();
  await expect(leadThread.composer).toContainText('Correction de l’entrée de Julie Martin');
  const corrected = 'Le client demande le déplacement de la caisse vers le comptoir sud avant samedi.';
  await leadThread.composer.getByLabel('Texte').fill(corrected);
  await leadThread.composer.getByRole('button', { name: 'Ajouter à la main courante' }).click();
  await expect(leadThread.composer.getByRole('status')).toHaveText('Entrée ajoutée.');
  await expect(leadThread.entry(corrected)).toContainText('Corrige l’entrée de Julie Martin');
  await expect(received).toContainText('Corrigée par l’entrée de Claire Lefebvre');

  // Back on the technician's device, the correction arrives, marked new for her.
  await expect(techThread.entry(corrected)).toContainText('Corrige l’entrée de Julie Martin', { timeout: 20_000 });

  // Search: accents and case do not matter.
  await lead.getByLabel('Rechercher dans la main courante').fill('COMPTOIR sud');
  await expect(lead.getByRole('status').filter({ hasText: /entrée\(s\) sur/ })).toHaveText(/^1 entrée\(s\) sur \d+$/);
  await expect(leadThread.entries()).toHaveCount(1);
  await screenshot(lead, 'main-courante-search');

  // A file over 200 kB is refused, with its name.
  await leadThread.composer.getByLabel(/^Pièces jointes/).setInputFiles({
    name: 'gros-fichier.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(250_000, 1),
  });
  await expect(leadThread.composer.getByRole('alert')).toHaveText('« gros-fichier.pdf » dépasse 200 ko.');

  expect(techProblems).toEqual([]);
  expect(leadProblems).toEqual([]);
  await techContext.close();
  await leadContext.close();
});
