/**
 * The dossier technique (CP art. 5): a technician with no network adds equipment with its
 * warranty, finds it in the échéances, opens the coffre-fort and reveals a password — the
 * reveal is logged and reaches the lead after sync — and exports the dossier to a PDF that
 * holds the equipment; a lead reads every client's échéances with their states around today.
 */
import { expect, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { frenchDay, parisDay } from './pages/lead-workspace';
import { Dossier, Vault } from './pages/dossier';
import { StatusBar } from './pages/technician';
import { screenshot, signIn, watchConsole } from './support/session';

const CLIENT = 'Boulangerie Artisanale Moreau';
/** A small synoptic diagram, as an SVG file. */
const SVG = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="520" height="140" font-family="sans-serif" font-size="14">
  <rect x="10" y="40" width="120" height="50" fill="#e8f0fe" stroke="#1a4a8a"/><text x="30" y="70">Internet</text>
  <rect x="200" y="40" width="120" height="50" fill="#fff8e1" stroke="#854d0e"/><text x="215" y="70">Pare-feu</text>
  <rect x="390" y="40" width="120" height="50" fill="#e6f4ea" stroke="#166534"/><text x="400" y="70">LAN magasin</text>
  <line x1="130" y1="65" x2="200" y2="65" stroke="#333"/><line x1="320" y1="65" x2="390" y2="65" stroke="#333"/>
</svg>`,
);

test('a technician offline keeps the dossier, reveals a password (logged for the lead) and exports the PDF', async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(180_000);
  const problems = watchConsole(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, 'technician');
  const status = new StatusBar(page);
  const dossier = new Dossier(page);
  dossier.onIndex = () => screenshot(page, 'dossiers');
  await dossier.open(CLIENT);
  dossier.onIndex = undefined;
  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'Hors ligne' })).toBeVisible();

  const warranty = parisDay(-12);
  await dossier.addEquipment({ kind: 'Serveur', name: 'NAS Synology DS923+', serial: 'SYN2026X0042', warranty });
  const inventory = page.getByRole('table', { name: /Inventaire/ });
  await expect(dossier.rows(inventory, 'NAS Synology DS923+')).toContainText('SYN2026X0042');
  await expect(dossier.rows(inventory, 'Pare-feu Stormshield SN210')).toContainText('Pare-feu');
  await screenshot(page, 'dossier-inventory');

  // A CSV inventory: the bad line is reported with its number and column; only the valid ones go in, on confirmation.
  await page.getByRole('button', { name: 'Importer un CSV' }).click();
  const csvDialog = page.getByRole('dialog', { name: 'Importer un inventaire (CSV)' });
  await csvDialog.getByLabel('Fichier CSV').setInputFiles({
    name: 'inventaire.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Type;Nom;Numéro de série;Couvert;Fin de garantie;Passerelle AV\n' +
        'Passerelle antivirus;Passerelle mail Vade;VD-77;oui;;31/03/2027\n' +
        'Grille-pain;Poste du fournil;;non;31/02/2027;\n',
    ),
  });
  await expect(csvDialog.getByRole('status')).toHaveText('1 ligne(s) valide(s), 1 en erreur.');
  await expect(csvDialog.getByRole('row').filter({ hasText: 'Erreur' })).toContainText(
    'type inconnu « Grille-pain » ; Fin de garantie : date « 31/02/2027 » invalide (JJ/MM/AAAA)',
  );
  await screenshot(page, 'dossier-csv-import');
  await csvDialog.getByRole('button', { name: 'Importer seulement les 1 ligne(s) valide(s)' }).click();
  await expect(csvDialog.getByRole('status')).toHaveText('1 équipement(s) importé(s).');
  await csvDialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dossier.rows(inventory, 'Passerelle mail Vade')).toContainText('Passerelle antivirus');
  await expect(inventory.getByRole('row').filter({ hasText: 'Poste du fournil' })).toHaveCount(0);

  await dossier.section('Échéances');
  const echeances = page.getByRole('table', { name: 'Échéances du client' });
  const row = dossier.rows(echeances, 'NAS Synology DS923+');
  await expect(row).toContainText(frenchDay(warranty));
  await expect(row).toContainText('≤ 30 jours');
  await expect(row).toContainText('dans 12 j');
  await screenshot(page, 'dossier-echeances');

  await dossier.section('Prestataires');
  await page.getByRole('button', { name: 'Ajouter un prestataire' }).click();
  const provider = page.getByRole('dialog', { name: 'Nouveau prestataire' });
  await provider.getByLabel('Raison sociale').fill('Orange Business');
  await provider.getByLabel('Catégorie').selectOption({ label: 'Fournisseur d’accès' });
  await provider.getByLabel('Prestation').fill('Fibre FTTO du magasin');
  await provider.getByRole('button', { name: 'Ajouter un numéro de support' }).click();
  await provider.getByLabel('Service 1').fill('Support technique 24/7');
  await provider.getByLabel('Numéro 1').fill('09 69 36 39 00');
  await provider.getByRole('button', { name: 'Ajouter une référence' }).click();
  await provider.getByLabel('Libellé 1').fill('Contrat fibre');
  await provider.getByLabel('Référence 1').fill('FTTO-0042-77');
  await provider.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(provider).toBeHidden();
  const card = page.getByRole('article', { name: 'Orange Business' });
  await expect(card.getByRole('link', { name: 'Appeler 09 69 36 39 00' })).toHaveAttribute('href', 'tel:0969363900');
  await card.getByRole('button', { name: 'Copier Contrat fibre' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('FTTO-0042-77');
  await screenshot(page, 'dossier-providers');

  await dossier.section('Réseau');
  await page
    .getByLabel(/Joindre un schéma/)
    .setInputFiles({ name: 'synoptique.svg', mimeType: 'image/svg+xml', buffer: SVG });
  await expect(page.getByRole('img', { name: `Schéma synoptique du réseau de ${CLIENT}, version 1` })).toBeVisible();
  await page.getByRole('button', { name: 'Modifier la liste' }).click();
  await page.getByRole('button', { name: 'Sous-réseaux — Ajouter une ligne' }).click();
  const subnets = page.getByRole('table', { name: 'Sous-réseaux' });
  await subnets.getByLabel('Sous-réseau (CIDR) 1').fill('192.168.10.0/24');
  await subnets.getByLabel('Nom 1').fill('LAN magasin');
  await page.getByRole('button', { name: 'Enregistrer la liste' }).click();
  await expect(page.getByRole('table', { name: 'Sous-réseaux' })).toContainText('192.168.10.0/24');
  await screenshot(page, 'dossier-network');

  // The coffre-fort: a wrong passphrase says so, the right one opens it, on this device.
  await page.getByRole('link', { name: 'Coffre-fort' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: `Coffre-fort — ${CLIENT}` })).toBeVisible();
  await screenshot(page, 'vault-locked');
  const vault = new Vault(page);
  await vault.unlock('coffre-demo-2025');
  await expect(page.getByRole('alert')).toHaveText('Phrase de passe incorrecte : rien n’a été déchiffré.', {
    timeout: 60_000,
  });
  await vault.unlock('coffre-demo-2026');
  await expect(vault.entries()).toBeVisible({ timeout: 60_000 });
  const firewall = vault.entries().getByRole('row').filter({ hasText: 'Pare-feu (interface d’administration)' });
  await expect(firewall).toContainText('Pare-feu Stormshield SN210');
  await firewall.getByRole('button', { name: /Afficher le mot de passe/ }).click();
  const secret = await page.getByTestId('revealed-secret').textContent();
  expect(secret).toMatch(/^Demo-[0-9A-Z]{10}!$/);
  await firewall.getByRole('button', { name: /Copier le mot de passe/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'effacé du presse-papiers dans 30 s' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await screenshot(page, 'vault-unlocked');

  // The whole dossier on paper, generated on the device.
  await page.getByRole('link', { name: '← Dossier technique' }).click();
  await page.getByRole('link', { name: 'Exporter le PDF' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dossier technique d’infogérance' })).toBeVisible();
  await expect(page.getByText(/^Généré le/)).toBeVisible();
  await screenshot(page, 'dossier-pdf');
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ path: 'test-results/screens/dossier-technique.pdf', format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  expect(text).toContain('NAS Synology DS923+');
  expect(text).toContain('SYN2026X0042');
  expect(text).toContain('Orange Business');
  expect(text).toContain('192.168.10.0/24');
  expect(text).toContain('Pare-feu (interface d’administration)');
  expect(text).not.toContain(secret);

  await context.setOffline(false);
  await status.expectSynced();

  // The lead, on another device, reads who revealed what, from which device.
  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  await signIn(lead, 'lead');
  await new Dossier(lead).open(CLIENT);
  await lead.getByRole('link', { name: 'Coffre-fort' }).first().click();
  const log = lead.getByRole('table', { name: 'Journal des accès' });
  const revealRow = log.getByRole('row').filter({ hasText: 'Julie Martin' }).filter({ hasText: 'Affichage' });
  await expect(revealRow).toContainText('Pare-feu (interface d’administration)', { timeout: 30_000 });
  await expect(log.getByRole('row').filter({ hasText: 'Julie Martin' }).filter({ hasText: 'Copie' })).toHaveCount(1);
  await expect(lead.getByRole('region', { name: 'Accès au coffre-fort' }).getByLabel(/Julie Martin/)).toBeChecked();
  await screenshot(lead, 'vault-lead-log');
  // The technician's equipment reached the server too.
  await lead.getByRole('link', { name: '← Dossier technique' }).click();
  await expect(lead.getByRole('table', { name: /Inventaire/ })).toContainText('NAS Synology DS923+', {
    timeout: 30_000,
  });
  await leadContext.close();
  // Requests the browser refused while the network was cut (sync retries, screens preloaded) are expected.
  expect(problems.filter((p) => !p.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
});

test('a lead reads every client’s échéances with their states around today', async ({ page }) => {
  await signIn(page, 'lead');
  await expect(page.getByTestId('home-echeances-count')).toContainText(/\d+ expirée\(s\), \d+ dans les 30 jours/);
  await expect(page.getByTestId('status-echeances')).toContainText(/échéances? à traiter/);
  await screenshot(page, 'home-echeances');
  await page.getByRole('link', { name: 'Voir les échéances' }).click();
  const table = page.getByRole('table', { name: 'Échéances' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  // The list is long: the screen as a lead first sees it.
  await page.screenshot({ path: 'test-results/screens/echeances.png' });
  await page.getByLabel('Afficher').selectOption({ label: 'Toutes' });

  // Every row's state follows from its date and today (Paris): expired before today, then 30 and 90 days.
  const today = Date.parse(`${parisDay(0)}T00:00:00Z`);
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.children[0]?.textContent ?? '',
        tr.children[1]?.textContent ?? '',
        tr.children[4]?.textContent ?? '',
      ]),
    );
  expect(rows.length).toBeGreaterThan(60);
  const seen = new Set<string>();
  let previous = -Infinity;
  for (const [date, state, client] of rows) {
    const [d, m, y] = (date ?? '').split('/');
    const day = Date.parse(`${y}-${m}-${d}T00:00:00Z`);
    const left = Math.round((day - today) / 86_400_000);
    const expected = left < 0 ? 'Expirée' : left <= 30 ? '≤ 30 jours' : left <= 90 ? '≤ 90 jours' : 'Plus tard';
    expect(state, `${client} ${date}`).toBe(expected);
    expect(day).toBeGreaterThanOrEqual(previous);
    previous = day;
    seen.add(expected);
    if (client) seen.add(`client:${client}`);
  }
  expect([...seen].filter((s) => !s.startsWith('client:')).sort()).toEqual([
    'Expirée',
    'Plus tard',
    '≤ 30 jours',
    '≤ 90 jours',
  ]);
  expect([...seen].filter((s) => s.startsWith('client:')).length).toBeGreaterThan(20);
});
