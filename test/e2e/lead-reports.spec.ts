/**
 * The team lead's reports on the demo year: where the time goes per client, technician and
 * period, raw beside billed, drill-down to the interventions, and spreadsheet exports a French
 * Excel opens right.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { LeadNavigation, ReportsScreen, frenchNumber, parisDay, waitForSync } from './pages/lead-workspace';
import { screenshot, signIn, watchConsole } from './support/session';

const from = parisDay(364);
const to = parisDay(0);

test('shows the lead workspace to team leads', async ({ page }) => {
  await signIn(page, 'lead');
  await waitForSync(page);
  const nav = new LeadNavigation(page);
  for (const section of ['Rapports', 'Crédits', 'Engagements', 'Validation', 'Clients']) {
    await expect(nav.nav.getByRole('link', { name: section })).toBeVisible();
  }
});

test('keeps the lead workspace from technicians', async ({ page }) => {
  await signIn(page, 'technician');
  await expect(
    page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Rapports' }),
  ).toHaveCount(0);
  await page.goto('/#/reports');
  await expect(page.getByRole('heading', { level: 1, name: 'Cette page n’existe pas.' })).toBeVisible();
});

test('reports a year of work: figures that add up, per client and per technician', async ({ page }) => {
  const problems = watchConsole(page);
  await signIn(page, 'lead');
  await waitForSync(page);
  await new LeadNavigation(page).open('Rapports');
  const reports = new ReportsScreen(page);
  await reports.openRange(from, to);
  await expect(reports.drill).toBeVisible();

  await expect.poll(() => reports.drillCount()).toBeGreaterThan(100);
  const interventions = await reports.drillCount();
  await expect(reports.kpi('Temps brut')).toContainText(`${interventions} intervention(s)`);
  // The breakdown's lines add up to its total line, and the total to the key figures.
  const perClient = (await reports.breakdownColumn(1)).map(frenchNumber);
  expect(perClient.reduce((a, b) => a + b, 0)).toBe(interventions);
  expect(frenchNumber(await reports.footerCell(1))).toBe(interventions);
  expect(frenchNumber(await reports.footerCell(7))).toBe(await reports.kpiNumber('UT débitées'));
  // Raw time splits exactly into forfaits, UT and half-days.
  const [raw, forfait, ut, halfDay] = await Promise.all(
    [2, 3, 4, 5].map(async (i) => frenchNumber(await reports.footerCell(i))),
  );
  expect(Math.abs((raw ?? 0) - ((forfait ?? 0) + (ut ?? 0) + (halfDay ?? 0)))).toBeLessThanOrEqual(0.15);
  // Work UT count every started quarter hour: never less time than was worked.
  expect((await reports.kpiNumber('UT travail')) * 0.25).toBeGreaterThanOrEqual(raw ?? 0);
  await screenshot(page, 'lead-reports-year');

  await reports.groupBy('Technicien');
  const perTechnician = (await reports.breakdownColumn(1)).map(frenchNumber);
  expect(perTechnician.reduce((a, b) => a + b, 0)).toBe(interventions);
  await reports.groupBy('Couverture');
  await expect(reports.breakdown.locator('tbody')).toContainText('UT');
  await reports.groupBy('Période');
  await expect(reports.breakdown.locator('tbody tr'))
    .toHaveCount(13, { timeout: 10_000 })
    .catch(async () => {
      // A range of 365 days spans 12 or 13 calendar months.
      await expect(reports.breakdown.locator('tbody tr')).toHaveCount(12);
    });
  expect(problems).toEqual([]);
});

test('drills down from a client to its interventions and how each was billed', async ({ page }) => {
  await signIn(page, 'lead');
  await waitForSync(page);
  const reports = new ReportsScreen(page);
  await reports.openRange(from, to);
  const first = reports.breakdown.locator('tbody tr').first();
  const name = (await first.locator('td').first().textContent()) ?? '';
  const count = frenchNumber((await first.locator('td').nth(1).textContent()) ?? '');
  await first.getByRole('button', { name: `Détailler ${name}` }).click();

  await expect(page).toHaveURL(/client=/);
  await expect(reports.filters.getByLabel('Client', { exact: true })).toHaveValue(/.+/);
  await expect.poll(() => reports.drillCount()).toBe(count);
  await expect(reports.kpi('Temps brut')).toContainText(`${count} intervention(s)`);
  const row = reports.drill.getByRole('row').nth(1);
  await expect(row).toContainText(name);
  await row.getByRole('button').click();
  const bill = page.getByRole('region', { name: 'Détail du calcul' });
  await expect(bill).toBeVisible();
  await expect(bill).toContainText(/UT|forfait|demi-journée/i);
  await screenshot(page, 'lead-reports-drill');

  // The back button undoes the drill-down.
  await page.goBack();
  await expect(page).not.toHaveURL(/client=/);
});

test('moves through periods with the presets and the arrows', async ({ page }) => {
  await signIn(page, 'lead');
  await waitForSync(page);
  await page.goto('/#/reports');
  const reports = new ReportsScreen(page);
  const today = parisDay(0);
  await reports.choosePreset('Cette année');
  await expect(reports.periodLabel()).toHaveText(`Du 01/01/${today.slice(0, 4)} au 31/12/${today.slice(0, 4)}`);
  await page.getByRole('button', { name: 'Période précédente' }).click();
  const last = String(Number(today.slice(0, 4)) - 1);
  await expect(reports.periodLabel()).toHaveText(`Du 01/01/${last} au 31/12/${last}`);
  await reports.choosePreset('Aujourd’hui');
  // Today in words, as a French reader says it ("Le jeudi 3 décembre 2026": no leading zero).
  const spoken = new Intl.DateTimeFormat('fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Paris',
  }).format(new Date(`${today}T12:00:00Z`));
  await expect(reports.periodLabel()).toHaveText(`Le ${spoken}`);
  await reports.choosePreset('Plage libre');
  await expect(reports.filters.getByLabel('Du', { exact: true })).toBeVisible();
  await expect(reports.filters.getByLabel('Au', { exact: true })).toBeVisible();
  await screenshot(page, 'lead-reports-today');
});

test('exports CSV for a French Excel and an XLSX with real numbers', async ({ page }) => {
  await signIn(page, 'lead');
  await waitForSync(page);
  const reports = new ReportsScreen(page);
  await reports.openRange(from, to);
  const count = await reports.drillCount();

  const csvDownload = await reports.export('CSV');
  expect(csvDownload.suggestedFilename()).toBe(`cadran-temps-${from}-au-${to}.csv`);
  const csv = await readFile((await csvDownload.path()) ?? '', 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split('\r\n').filter(Boolean);
  expect(lines[0]).toMatch(
    /^Date;Début;Client;N° client;Contrat;Ticket;Technicien;Canal;Couverture;Durée brute \(min\);Temps brut \(h\);/,
  );
  // One line per intervention; report texts may hold line breaks inside quotes, so count the dates.
  expect(csv.match(/\r\n\d{2}\/\d{2}\/\d{4};/g)?.length).toBe(count);
  expect(lines[1]).toMatch(/^\d{2}\/\d{2}\/\d{4};\d{2}:\d{2};/);
  expect(csv).toMatch(/;\d+,\d{2};/);

  const xlsxDownload = await reports.export('XLSX');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsxDownload.path()) ?? '');
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['Interventions', 'Par client', 'Par technicien']);
  const sheet = workbook.getWorksheet('Interventions');
  expect(sheet?.getRow(1).getCell(1).value).toBe('Date');
  expect(sheet?.rowCount).toBe(count + 1);
  expect(sheet?.getRow(2).getCell(1).value).toBeInstanceOf(Date);
  expect(typeof sheet?.getRow(2).getCell(11).value).toBe('number');
});
