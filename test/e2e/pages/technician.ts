/** Page objects of the technician's screens: tests speak in the user's words, not selectors. */
import { expect, type Locator, type Page } from '@playwright/test';

export class CallIntake {
  readonly dialog: Locator;
  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Nouvel appel' });
  }

  async openWithShortcut(): Promise<void> {
    await this.page.keyboard.press('Alt+N');
    await expect(this.dialog).toBeVisible();
  }

  async openWithButton(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Nouvel appel' }).click();
    await expect(this.dialog).toBeVisible();
  }

  async findClient(query: string, name: string): Promise<void> {
    await this.dialog.getByRole('combobox', { name: 'Client' }).fill(query);
    await this.dialog.getByRole('option', { name: new RegExp(name) }).click();
    await expect(this.dialog.getByText(name, { exact: true }).first()).toBeVisible();
  }

  async fill(input: { channel?: string; title: string; description?: string; startTimer?: boolean }): Promise<void> {
    if (input.channel) await this.dialog.getByLabel('Canal').selectOption({ label: input.channel });
    await this.dialog.getByLabel('Objet').fill(input.title);
    if (input.description) await this.dialog.getByLabel('Description').fill(input.description);
    const start = this.dialog.getByLabel('Démarrer le chrono maintenant');
    if (input.startTimer === false) await start.uncheck();
  }

  async submit(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Ouvrir le ticket' }).click();
    await expect(this.dialog).toBeHidden();
  }
}

export class TimerBar {
  readonly bar: Locator;
  constructor(private readonly page: Page) {
    this.bar = page.getByRole('region', { name: 'Chrono en cours' });
  }

  clock(): Locator {
    return this.bar.getByRole('timer');
  }

  async pause(): Promise<void> {
    await this.bar.getByRole('button', { name: 'Pause' }).click();
    await expect(this.bar.getByText('en pause')).toBeVisible();
  }

  async resume(): Promise<void> {
    await this.bar.getByRole('button', { name: 'Reprendre' }).click();
    await expect(this.bar.getByText('en pause')).toBeHidden();
  }

  async stopAndComplete(input: { report: string; trips?: number; channel?: string }): Promise<void> {
    await this.bar.getByRole('button', { name: 'Arrêter' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Terminer l’intervention' });
    await expect(dialog).toBeVisible();
    if (input.channel) await dialog.getByLabel('Canal').selectOption({ label: input.channel });
    if (input.trips !== undefined) await dialog.getByLabel('Déplacements (aller-retour)').fill(String(input.trips));
    await dialog.getByLabel('Compte-rendu').fill(input.report);
    await dialog.getByRole('button', { name: 'Enregistrer l’intervention' }).click();
    await expect(dialog).toBeHidden();
  }
}

export class StatusBar {
  readonly footer: Locator;
  constructor(page: Page) {
    this.footer = page.getByRole('contentinfo', { name: 'État de l’application' });
  }

  async expectSynced(): Promise<void> {
    await expect(this.footer.getByTestId('sync-pending')).toHaveText('Tout est synchronisé', { timeout: 20_000 });
  }

  async expectPending(count: number): Promise<void> {
    await expect(this.footer.getByTestId('sync-pending')).toHaveText(`${count} modification(s) en attente`);
  }
}
