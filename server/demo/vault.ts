/**
 * Demo vault entries, encrypted the way devices do it (format `AES-GCM-256/ARGON2ID-1.3`,
 * shared/schemas/vault.ts): key = Argon2id v1.3 (passphrase, salt, 64 MiB, 3 passes, 1 lane)
 * → AES-256-GCM with additional data `cadran-vault/v2/<clientId>/<id>`, plaintext
 * `{"secret": …}`, ciphertext = data ‖ tag (WebCrypto's layout), all base64. The server never
 * sees a plaintext secret in normal use; only this seed knows the demo passphrase, printed with
 * the logins. Derived here with @node-rs/argon2 and on devices with hash-wasm: the same format
 * read by two implementations (test/server/vault-plaintext.test.ts).
 */
import { createCipheriv } from 'node:crypto';
import { hashRawSync } from '@node-rs/argon2';
import type { VaultEntry } from '../../shared/schemas';
import type { Random } from './random';

export const DEMO_VAULT_PASSPHRASE = 'coffre-demo-2026';
const KDF = { memoryKiB: 65_536, iterations: 3, parallelism: 1 } as const;

export type VaultCipher = (entry: Pick<VaultEntry, 'id' | 'clientId'>, secret: string) => VaultEntry['cipher'];

/** One key for the whole demo (deriving it is the slow part); a fresh IV per secret. */
export function demoVaultCipher(random: Random): VaultCipher {
  const salt = Buffer.from(Array.from({ length: 16 }, () => random.int(0, 255)));
  const key = hashRawSync(DEMO_VAULT_PASSPHRASE.normalize('NFC'), {
    // The package's const enums cannot be imported here: 2 = Argon2id, 1 = version 0x13.
    algorithm: 2,
    version: 1,
    salt,
    memoryCost: KDF.memoryKiB,
    timeCost: KDF.iterations,
    parallelism: KDF.parallelism,
    outputLen: 32,
  });
  return (entry, secret) => {
    const iv = Buffer.from(Array.from({ length: 12 }, () => random.int(0, 255)));
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(`cadran-vault/v2/${entry.clientId}/${entry.id}`, 'utf8'));
    const data = Buffer.concat([
      cipher.update(JSON.stringify({ secret }), 'utf8'),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    return {
      algorithm: 'AES-GCM-256/ARGON2ID-1.3',
      ...KDF,
      salt: salt.toString('base64'),
      iv: iv.toString('base64'),
      ciphertext: data.toString('base64'),
    };
  };
}

const ENTRIES: { label: string; username: string; url: string | undefined; firewall?: true }[] = [
  { label: 'Administrateur du domaine', username: 'administrateur', url: undefined },
  { label: 'Pare-feu (interface d’administration)', username: 'admin', url: 'https://192.168.1.254', firewall: true },
  { label: 'Box internet', username: 'admin', url: 'http://192.168.1.1' },
  { label: 'Messagerie (compte technique)', username: 'support', url: 'https://webmail.example.fr' },
];

export function demoVaultEntries(
  clientId: string,
  createdBy: string,
  at: string,
  encrypt: VaultCipher,
  random: Random,
  firewallId?: string,
): VaultEntry[] {
  const count = random.int(2, ENTRIES.length);
  return ENTRIES.slice(0, count).map((entry, i) => {
    const id = `${clientId.replace('cl-', 'vt-')}-${i + 1}`;
    return {
      id,
      updatedAt: at,
      clientId,
      label: entry.label,
      username: entry.username,
      ...(entry.url ? { url: entry.url } : {}),
      ...(entry.firewall && firewallId ? { equipmentId: firewallId } : {}),
      cipher: encrypt({ id, clientId }, `Demo-${random.token(10)}!`),
      createdBy,
    };
  });
}
