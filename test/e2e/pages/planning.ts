/** Page objects of the planning, quality index and main courante screens. */
import { expect, type Locator, type Page } from '@playwright/test';
import { frenchNumber } from './lead-workspace';

/** Moves within the app without reloading it (a reload cannot load while offline). */
export async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, path);
}

export class PlanningScreen {
  readonly panel: Locator;
  readonly dialog: Locator;
  constructor(private readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Planifier une année contractuelle' });
    this.dialog = page.getByRole('dialog');
  }

  async open(): Promise<void> {
    await go(this.page, '/planning');
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Planning des prestations planifiées' }),
    ).toBeVisible();
  }

  /** Plans a contract year of the client's contract; resolves to how many occurrences were created. */
  async planYear(client: string, year: 'current' | 'next' = 'current'): Promise<number> {
    const contract = this.panel.getByRole('combobox', { name: 'Contrat', exact: true });
    const option = contract.locator('option', { hasText: client });
    await contract.selectOption({ label: (await option.textContent()) ?? client });
    if (year === 'next')
      await this.panel.getByRole('combobox', { name: 'Année contractuelle' }).selectOption({ index: 1 });
    const submit = this.panel.getByRole('button', { name: /^Planifier l’année \(\d+\)$/ });
    const count = Number(/\((\d+)\)/.exec((await submit.textContent()) ?? '')?.[1]);
    await submit.click();
    await expect(this.panel.getByRole('status')).toHaveText(`${count} prestation(s) planifiée(s).`);
    await expect(this.panel.getByText('Toute l’année est déjà planifiée.')).toBeVisible();
    return count;
  }

  async view(view: 'Semaine' | 'Mois', groupBy: 'Par technicien' | 'Par client' = 'Par technicien'): Promise<void> {
    await this.page.getByRole('group', { name: 'Vue' }).getByText(view, { exact: true }).click();
    await this.page.getByRole('group', { name: 'Regrouper' }).getByText(groupBy, { exact: true }).click();
  }

  /** The first occurrence whose accessible name matches, stepping forward month by month. */
  async findOccurrence(name: RegExp, months = 14): Promise<Locator> {
    await this.view('Mois');
    for (let step = 0; step < months; step++) {
      const chip = this.page.getByRole('button', { name }).first();
      if ((await chip.count()) > 0) return chip;
      await this.page.getByRole('button', { name: 'Période suivante' }).click();
    }
    throw new Error(`no occurrence named ${name} in the next ${months} months`);
  }

  async assign(technician: string): Promise<void> {
    await this.dialog.getByLabel('Attribuer à').selectOption({ label: technician });
    await this.dialog.getByRole('button', { name: 'Attribuer', exact: true }).click();
    await expect(this.dialog.getByRole('status')).toHaveText('Enregistré.');
  }
}

/** The index KPI of a quality screen: its value and the points/counted behind it. */
export async function qualityFigures(page: Page): Promise<{ value: string; points: number; counted: number }> {
  const kpi = page.getByRole('group', { name: 'Indice' });
  await expect(kpi).toContainText('comptée(s)');
  const value = (await kpi.locator('.kpi-value').textContent()) ?? '';
  const hint = (await kpi.locator('.kpi-hint').textContent()) ?? '';
  const match = /^(.+) point\(s\) sur (\d+) prestation/.exec(hint);
  return { value, points: frenchNumber(match?.[1] ?? 'NaN'), counted: Number(match?.[2]) };
}

/** An index as the app shows it: 0.925 → "92,5 %". */
export function frenchIndex(index: number): string {
  return new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 }).format(index);
}

export class MainCourante {
  readonly thread: Locator;
  readonly composer: Locator;
  constructor(page: Page, client: string) {
    this.thread = page
      .getByRole('region', { name: `Main courante — ${client}` })
      .getByRole('region', { name: 'Entrées de la main courante' });
    this.composer = page.getByRole('form', { name: 'Nouvelle entrée' });
  }

  /** The thread's entries, in the order shown (attachments' list items are not entries). */
  entries(): Locator {
    return this.thread.getByRole('listitem', { name: /^Entrée de / });
  }

  entry(text: string | RegExp): Locator {
    return this.entries().filter({ hasText: text });
  }

  async write(input: {
    kind: string;
    text: string;
    file?: { name: string; mimeType: string; buffer: Buffer };
  }): Promise<void> {
    await this.composer.getByLabel('Type').selectOption({ label: input.kind });
    await this.composer.getByLabel('Texte').fill(input.text);
    if (input.file) await this.composer.getByLabel(/^Pièces jointes/).setInputFiles(input.file);
    await this.composer.getByRole('button', { name: 'Ajouter à la main courante' }).click();
  }
}
