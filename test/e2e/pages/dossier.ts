/** Page objects of the dossier technique and the coffre-fort: the tests speak a technician's words. */
import { expect, type Locator, type Page } from '@playwright/test';

export class Dossier {
  /** Runs on the list of dossiers, before opening one (a screenshot). */
  onIndex: (() => Promise<void>) | undefined;
  constructor(private readonly page: Page) {}

  async open(client: string): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Dossiers', exact: true })
      .click();
    await this.page.getByRole('searchbox', { name: /Rechercher un client/ }).fill(client.slice(0, 10));
    await expect(this.page.getByRole('link', { name: client, exact: true })).toBeVisible();
    await this.onIndex?.();
    await this.page.getByRole('link', { name: client, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: `Dossier technique — ${client}` })).toBeVisible();
  }

  async section(name: 'Inventaire' | 'Échéances' | 'Prestataires' | 'Réseau'): Promise<void> {
    const radio = this.page.getByRole('group', { name: 'Sections du dossier' }).getByRole('radio', { name });
    await radio.click({ force: true });
    await expect(radio).toBeChecked();
  }

  async addEquipment(input: { kind: string; name: string; serial: string; warranty: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Ajouter un équipement' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Nouvel équipement' });
    await dialog.getByLabel('Type', { exact: true }).selectOption({ label: input.kind });
    await dialog.getByLabel('Nom', { exact: true }).fill(input.name);
    await dialog.getByLabel('N° de série').fill(input.serial);
    await dialog.getByRole('button', { name: 'Ajouter une échéance' }).click();
    await dialog.getByLabel('Type d’échéance 1').selectOption({ label: 'Garantie' });
    await dialog.getByLabel('Libellé 1').fill('Garantie constructeur 3 ans');
    await dialog.getByLabel('Date 1').fill(input.warranty);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog).toBeHidden();
  }

  rows(table: Locator, text: string): Locator {
    return table.getByRole('row').filter({ hasText: text });
  }
}

export class Vault {
  constructor(private readonly page: Page) {}

  async unlock(passphrase: string): Promise<void> {
    await this.page.getByLabel('Phrase de passe du coffre-fort').fill(passphrase);
    await this.page.getByRole('button', { name: 'Déverrouiller' }).click();
  }

  entries(): Locator {
    return this.page.getByRole('table', { name: /Coffre-fort —/ });
  }
}
