/**
 * Demo vault entries, encrypted the way devices do it (schema `AES-GCM-256/PBKDF2-SHA256`):
 * key = PBKDF2-SHA256(passphrase, salt, iterations) → AES-256-GCM, ciphertext = data ‖ tag
 * (WebCrypto's layout), all base64. The server never sees a plaintext secret in normal use;
 * only this seed knows the demo passphrase, printed with the logins.
 */
import { createCipheriv, pbkdf2Sync } from 'node:crypto';
import type { VaultEntry } from '../../shared/schemas';
import type { Random } from './random';

export const DEMO_VAULT_PASSPHRASE = 'coffre-demo-2026';
const ITERATIONS = 210_000;

export type VaultCipher = (secret: string) => VaultEntry['cipher'];

/** One key for the whole demo (deriving it is the slow part); a fresh IV per secret. */
export function demoVaultCipher(random: Random): VaultCipher {
  const salt = Buffer.from(Array.from({ length: 16 }, () => random.int(0, 255)));
  const key = pbkdf2Sync(DEMO_VAULT_PASSPHRASE, salt, ITERATIONS, 32, 'sha256');
  return (secret) => {
    const iv = Buffer.from(Array.from({ length: 12 }, () => random.int(0, 255)));
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return {
      algorithm: 'AES-GCM-256/PBKDF2-SHA256',
      iterations: ITERATIONS,
      salt: salt.toString('base64'),
      iv: iv.toString('base64'),
      ciphertext: data.toString('base64'),
    };
  };
}

const ENTRIES = [
  { label: 'Administrateur du domaine', username: 'administrateur', url: undefined },
  { label: 'Pare-feu (interface d’administration)', username: 'admin', url: 'https://192.168.1.254' },
  { label: 'Box internet', username: 'admin', url: 'http://192.168.1.1' },
  { label: 'Messagerie (compte technique)', username: 'support', url: 'https://webmail.example.fr' },
];

export function demoVaultEntries(
  clientId: string,
  createdBy: string,
  at: string,
  encrypt: VaultCipher,
  random: Random,
): VaultEntry[] {
  const count = random.int(2, ENTRIES.length);
  return ENTRIES.slice(0, count).map((entry, i) => ({
    id: `${clientId.replace('cl-', 'vt-')}-${i + 1}`,
    updatedAt: at,
    clientId,
    label: entry.label,
    username: entry.username,
    ...(entry.url ? { url: entry.url } : {}),
    cipher: encrypt(`Demo-${random.token(10)}!`),
    createdBy,
  }));
}
