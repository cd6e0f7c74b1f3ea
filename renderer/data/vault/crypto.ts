/**
 * Vault cryptography, on the device only (the server stores `cipher` and never a key or a
 * plaintext). Formats are described in shared/schemas/vault.ts; each entry carries every
 * parameter needed to decrypt it, so an export of the ciphertexts stays readable without Cadran.
 *
 * - New and re-encrypted entries: Argon2id v1.3 (hash-wasm, WebAssembly) of the NFC-normalised
 *   passphrase → a 32-byte AES-256-GCM key, additional data `cadran-vault/v2/<clientId>/<id>`,
 *   plaintext JSON `{ secret, notes? }`. Argon2id is memory-hard: 64 MiB and 3 passes by
 *   default (OWASP's floor is 19 MiB × 2 passes; Bitwarden's default is 64 MiB × 3).
 * - Entries of the first format (PBKDF2-SHA256) are still read; they are rewritten in the new
 *   format when the passphrase changes.
 * Keys are WebCrypto keys made non-extractable: script on the page can use them while the vault
 * is unlocked, never read them out.
 */
import { argon2id } from 'hash-wasm';
import {
  vaultCipherSchema,
  type VaultCipher,
  type VaultEntry,
} from '../../../shared/schemas';

export type Argon2Params = { memoryKiB: number; iterations: number; parallelism: number };
export const DEFAULT_ARGON2: Argon2Params = { memoryKiB: 65_536, iterations: 3, parallelism: 1 };

/** What one key derivation depends on: every entry sharing these opens with one key. */
export type KeyParams =
  | { algorithm: 'AES-GCM-256/PBKDF2-SHA256'; iterations: number; salt: string }
  | ({ algorithm: 'AES-GCM-256/ARGON2ID-1.3'; salt: string } & Argon2Params);

export type VaultPlaintext = { secret: string; notes?: string };

/** The passphrase does not open this entry (AES-GCM's tag did not match): nothing was revealed. */
export class WrongPassphraseError extends Error {
  constructor() {
    super('wrong vault passphrase');
    this.name = 'WrongPassphraseError';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function keyParamsOf(cipher: VaultCipher): KeyParams {
  if (cipher.algorithm === 'AES-GCM-256/PBKDF2-SHA256')
    return { algorithm: cipher.algorithm, iterations: cipher.iterations, salt: cipher.salt };
  const { algorithm, salt, memoryKiB, iterations, parallelism } = cipher;
  return { algorithm, salt, memoryKiB, iterations, parallelism };
}

/** A stable name of the parameters, to group entries by key. */
export function keyParamsId(params: KeyParams): string {
  return params.algorithm === 'AES-GCM-256/PBKDF2-SHA256'
    ? `pbkdf2:${params.iterations}:${params.salt}`
    : `argon2id:${params.memoryKiB}:${params.iterations}:${params.parallelism}:${params.salt}`;
}

/** Fresh parameters for a new vault key: a random 16-byte salt. */
export function newKeyParams(kdf: Argon2Params = DEFAULT_ARGON2): KeyParams {
  return { algorithm: 'AES-GCM-256/ARGON2ID-1.3', salt: toBase64(crypto.getRandomValues(new Uint8Array(16))), ...kdf };
}

export async function deriveKey(passphrase: string, params: KeyParams): Promise<CryptoKey> {
  let raw: Uint8Array<ArrayBuffer>;
  if (params.algorithm === 'AES-GCM-256/PBKDF2-SHA256') {
    const base = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, ['deriveBits']);
    const bits = await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(params.salt), iterations: params.iterations },
      base,
      256,
    );
    raw = new Uint8Array(bits);
  } else {
    raw = new Uint8Array(
      await argon2id({
        password: encoder.encode(passphrase.normalize('NFC')),
        salt: fromBase64(params.salt),
        memorySize: params.memoryKiB,
        iterations: params.iterations,
        parallelism: params.parallelism,
        hashLength: 32,
        outputType: 'binary',
      }),
    );
  }
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  raw.fill(0);
  return key;
}

const additionalData = (clientId: string, id: string) => encoder.encode(`cadran-vault/v2/${clientId}/${id}`);

/** Encrypts in the current format with a key derived from Argon2id `params`. */
export async function encryptEntry(
  key: CryptoKey,
  params: KeyParams,
  entry: Pick<VaultEntry, 'id' | 'clientId'>,
  plaintext: VaultPlaintext,
): Promise<VaultCipher> {
  if (params.algorithm !== 'AES-GCM-256/ARGON2ID-1.3') throw new TypeError('new entries are encrypted with Argon2id keys');
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const body = JSON.stringify(plaintext.notes ? { secret: plaintext.secret, notes: plaintext.notes } : { secret: plaintext.secret });
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(entry.clientId, entry.id) },
    key,
    encoder.encode(body),
  );
  return vaultCipherSchema.parse({ ...params, iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(data)) });
}

/** Decrypts an entry with the key of its parameters; WrongPassphraseError when it does not open. */
export async function decryptEntry(key: CryptoKey, entry: Pick<VaultEntry, 'id' | 'clientId' | 'cipher'>): Promise<VaultPlaintext> {
  const { cipher } = entry;
  const argon = cipher.algorithm === 'AES-GCM-256/ARGON2ID-1.3';
  let data: ArrayBuffer;
  try {
    data = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: fromBase64(cipher.iv),
        ...(argon ? { additionalData: additionalData(entry.clientId, entry.id) } : {}),
      },
      key,
      fromBase64(cipher.ciphertext),
    );
  } catch {
    throw new WrongPassphraseError();
  }
  const text = decoder.decode(data);
  if (!argon) return { secret: text };
  const parsed = JSON.parse(text) as { secret?: unknown; notes?: unknown };
  if (typeof parsed.secret !== 'string') throw new WrongPassphraseError();
  return typeof parsed.notes === 'string' && parsed.notes ? { secret: parsed.secret, notes: parsed.notes } : { secret: parsed.secret };
}
