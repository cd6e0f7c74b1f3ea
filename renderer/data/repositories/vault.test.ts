import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultEntry } from '../../../shared/schemas';
import { InvalidStateError } from '../errors';
import { putDocument, type Store } from '../store';
import { openTestStore, technician } from '../testing';
import { type Argon2Params, toBase64, WrongPassphraseError } from '../vault/crypto';
import { createVaultSession } from '../vault/session';
import { createLogbookRepository } from './logbook';
import { createVaultRepository } from './vault';

// OWASP's smallest Argon2id setting, so the suite derives quickly; the app uses 64 MiB × 3.
const FAST: Argon2Params = { memoryKiB: 19_456, iterations: 2, parallelism: 1 };
const device = async () => ({ id: 'dev-test', name: 'Linux · test' });

let store: Store | undefined;
afterEach(async () => {
  await store?.db.close();
  store = undefined;
});

async function open() {
  store = await openTestStore(technician);
  return { vault: createVaultRepository(store, createVaultSession(), device, FAST), logbook: createLogbookRepository(store), store };
}

/** An entry of the first format, encrypted as the PBKDF2 demo seed and older devices did. */
async function legacyEntry(id: string, passphrase: string, secret: string): Promise<VaultEntry> {
  const salt = new Uint8Array(16).fill(7);
  const iv = new Uint8Array(12).fill(3);
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 210_000 },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt'],
  );
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(secret)));
  return {
    id,
    updatedAt: '2026-01-01T00:00:00.000Z',
    clientId: 'cl-1',
    label: 'Box internet',
    cipher: {
      algorithm: 'AES-GCM-256/PBKDF2-SHA256',
      iterations: 210_000,
      salt: toBase64(salt),
      iv: toBase64(iv),
      ciphertext: toBase64(data),
    },
    createdBy: 'u-lead',
  };
}

describe('vault repository', () => {
  it('encrypts on the device: nothing stored holds the secret or the notes', async () => {
    const { vault, store } = await open();
    await vault.unlock('cl-1', 'phrase de passe du client');
    const entry = await vault.save({ clientId: 'cl-1', label: 'Pare-feu', secret: 'S3cret-Fw!', notes: 'port 4443' });
    expect(entry.cipher.algorithm).toBe('AES-GCM-256/ARGON2ID-1.3');
    const stored = JSON.stringify((await store.db.vault.findOne(entry.id).exec())?.toJSON());
    expect(stored).not.toContain('S3cret-Fw!');
    expect(stored).not.toContain('port 4443');
    expect(await vault.reveal(entry.id, 'reveal')).toEqual({ secret: 'S3cret-Fw!', notes: 'port 4443' });
  });

  it('says a wrong passphrase is wrong and stays locked, revealing nothing', async () => {
    const { vault } = await open();
    await vault.unlock('cl-1', 'la bonne');
    const entry = await vault.save({ clientId: 'cl-1', label: 'Pare-feu', secret: 'x' });
    vault.lock('cl-1');
    await expect(vault.unlock('cl-1', 'la mauvaise')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(vault.isUnlocked('cl-1')).toBe(false);
    await expect(vault.reveal(entry.id, 'reveal')).rejects.toBeInstanceOf(InvalidStateError);
  });

  it('logs every reveal and copy as an internal entry naming the vault entry and the device', async () => {
    const { vault, logbook, store } = await open();
    await vault.unlock('cl-1', 'pp');
    const entry = await vault.save({ clientId: 'cl-1', label: 'Box internet', secret: 'abc' });
    await vault.reveal(entry.id, 'reveal');
    (store as Store & { clock: { advance(ms: number): void } }).clock.advance(60_000);
    await vault.reveal(entry.id, 'copy');
    const reveals = await firstValueFrom(logbook.reveals$('cl-1'));
    expect(reveals.map((r) => [r.kind, r.internal, r.authorId, r.reveal?.action, r.reveal?.entryId, r.reveal?.deviceId])).toEqual([
      ['vault_reveal', true, technician.id, 'copy', entry.id, 'dev-test'],
      ['vault_reveal', true, technician.id, 'reveal', entry.id, 'dev-test'],
    ]);
    // Not in the main courante thread (the coffre-fort's log has them), let alone the client's.
    expect(await firstValueFrom(logbook.byClient$('cl-1'))).toEqual([]);
  });

  it('reads entries of the PBKDF2 format and rewrites every entry of the client when the passphrase changes', async () => {
    const { vault, store } = await open();
    await putDocument(store, 'vault', await legacyEntry('vt-old', 'ancienne', 'Box-1234'));
    await vault.unlock('cl-1', 'ancienne');
    expect(await vault.reveal('vt-old', 'reveal')).toEqual({ secret: 'Box-1234' });
    const added = await vault.save({ clientId: 'cl-1', label: 'Serveur', secret: 'Srv-9' });
    await putDocument(store, 'vault', { ...(await legacyEntry('vt-other', 'ancienne', 'x')), clientId: 'cl-2' });

    expect(await vault.changePassphrase('cl-1', 'ancienne', 'nouvelle phrase')).toBe(2);
    const entries = await firstValueFrom(vault.byClient$('cl-1'));
    expect(new Set(entries.map((e) => e.cipher.algorithm))).toEqual(new Set(['AES-GCM-256/ARGON2ID-1.3']));
    expect(new Set(entries.map((e) => e.cipher.salt)).size).toBe(1);
    vault.lockAll();
    await expect(vault.unlock('cl-1', 'ancienne')).rejects.toBeInstanceOf(WrongPassphraseError);
    await vault.unlock('cl-1', 'nouvelle phrase');
    expect(await vault.reveal('vt-old', 'reveal')).toEqual({ secret: 'Box-1234' });
    expect(await vault.reveal(added.id, 'reveal')).toEqual({ secret: 'Srv-9' });
    // Another client's vault is not touched.
    expect((await store.db.vault.findOne('vt-other').exec())?.cipher.algorithm).toBe('AES-GCM-256/PBKDF2-SHA256');
  });

  it('refuses to change the passphrase with the wrong current one, changing nothing', async () => {
    const { vault } = await open();
    await vault.unlock('cl-1', 'pp');
    const entry = await vault.save({ clientId: 'cl-1', label: 'A', secret: 'a' });
    await expect(vault.changePassphrase('cl-1', 'pas elle', 'autre')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect((await firstValueFrom(vault.byClient$('cl-1')))[0]?.cipher).toEqual(entry.cipher);
  });

  it('does not open a ciphertext moved onto another entry', async () => {
    const { vault, store } = await open();
    await vault.unlock('cl-1', 'pp');
    const a = await vault.save({ clientId: 'cl-1', label: 'A', secret: 'secret A' });
    const b = await vault.save({ clientId: 'cl-1', label: 'B', secret: 'secret B' });
    await putDocument(store, 'vault', { ...b, cipher: a.cipher });
    await expect(vault.reveal(b.id, 'reveal')).rejects.toBeInstanceOf(WrongPassphraseError);
  });
});
