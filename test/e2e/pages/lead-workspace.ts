/**
 * Page objects of the team lead's workspace (reports, credits, service levels, validation,
 * clients): the tests speak a lead's words — "this year", "validate the week" — not selectors.
 */
import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** A Paris calendar day `days` before today, as YYYY-MM-DD (the e2e browser runs in Paris). */
export function parisDay(daysAgo = 0): string {
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return day.format(Date.now() - daysAgo * 86_400_000);
}

/** "2026-11-27" → "27/11/2026". */
export function frenchDay(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** A French number as shown ("1 234,5") → 1234.5. */
export function frenchNumber(text: string): number {
  return Number(
    text
      .replace(/[\s\u202f\u00a0]/g, '')
      .replace(/[^\d,.-]/g, '')
      .replace(',', '.'),
  );
}

/** Waits for the first sync of the demo data: figures read before it would be partial. */
export async function waitForSync(page: Page): Promise<void> {
  await expect(page.getByTestId('sync-pending')).toHaveText('Tout est synchronisé', { timeout: 60_000 });
}

export class LeadNavigation {
  readonly nav: Locator;
  constructor(page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Navigation principale' });
  }

  async open(section: 'Rapports' | 'Crédits' | 'Engagements' | 'Validation' | 'Clients'): Promise<void> {
    await this.nav.getByRole('link', { name: section }).click();
    await expect(this.nav.getByRole('link', { name: section })).toHaveAttribute('aria-current', 'page');
  }
}

export class ReportsScreen {
  readonly filters: Locator;
  readonly kpis: Locator;
  readonly breakdown: Locator;
  readonly drill: Locator;
  constructor(private readonly page: Page) {
    this.filters = page.getByRole('form', { name: 'Filtres du rapport' });
    this.kpis = page.getByRole('region', { name: 'Chiffres clés de la période' });
    this.breakdown = page.getByRole('region', { name: 'Répartition' });
    this.drill = page.getByRole('region', { name: /^Interventions \(\d+\)$/ });
  }

  async openRange(from: string, to: string): Promise<void> {
    await this.page.goto(`/#/reports?period=range&from=${from}&to=${to}`);
    await expect(this.periodLabel()).toHaveText(`Du ${frenchDay(from)} au ${frenchDay(to)}`);
  }

  periodLabel(): Locator {
    return this.filters.locator('.period-label');
  }

  async choosePreset(name: 'Aujourd’hui' | 'Cette semaine' | 'Ce mois' | 'Cette année' | 'Plage libre'): Promise<void> {
    await this.filters.getByRole('radio', { name }).click({ force: true });
    await expect(this.filters.getByRole('radio', { name })).toBeChecked();
  }

  kpi(label: string): Locator {
    return this.kpis.getByRole('group', { name: label });
  }

  async kpiNumber(label: string): Promise<number> {
    return frenchNumber((await this.kpi(label).locator('.kpi-value').textContent()) ?? '');
  }

  async groupBy(name: 'Client' | 'Technicien' | 'Couverture' | 'Période'): Promise<void> {
    await this.breakdown.getByRole('radio', { name }).click({ force: true });
    await expect(this.breakdown.getByRole('radio', { name })).toBeChecked();
  }

  /** Column texts of the breakdown's body rows. */
  async breakdownColumn(index: number): Promise<string[]> {
    return this.breakdown
      .locator('tbody tr')
      .evaluateAll((rows, i) => rows.map((row) => (row as HTMLTableRowElement).cells[i]?.textContent ?? ''), index);
  }

  async footerCell(index: number): Promise<string> {
    return (await this.breakdown.locator('tfoot td').nth(index).textContent()) ?? '';
  }

  async drillCount(): Promise<number> {
    const title = (await this.drill.getByRole('heading').textContent()) ?? '';
    return frenchNumber(/\(([^)]+)\)/.exec(title)?.[1] ?? 'NaN');
  }

  async export(kind: 'CSV' | 'XLSX'): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: `Exporter en ${kind}` }).click(),
    ]);
    return download;
  }
}

export class ValidationScreen {
  readonly table: Locator;
  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Validation des interventions' });
  }

  async openWeek(monday: string, show: 'todo' | 'validated' | 'all' = 'todo'): Promise<void> {
    await this.page.goto(`/#/validation?week=${monday}${show === 'todo' ? '' : `&show=${show}`}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Validation des interventions' })).toBeVisible();
  }

  count(label: 'À valider' | 'Validées' | 'En cours' | 'Corrigées'): Locator {
    return this.page
      .getByRole('region', { name: 'État de la semaine' })
      .getByRole('group', { name: label })
      .locator('.kpi-value');
  }

  rows(): Locator {
    return this.table.locator('tbody tr');
  }

  async validateWeek(): Promise<void> {
    await this.page.getByRole('button', { name: /^Valider la semaine \(\d+\)$/ }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Valider la semaine' });
    await dialog.getByRole('button', { name: 'Valider', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}

/** Mondays going back from this week's: mondays(0) is this week's. */
export function monday(weeksAgo: number): string {
  const today = parisDay(0);
  const date = new Date(`${today}T12:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday - 7 * weeksAgo);
  return date.toISOString().slice(0, 10);
}
