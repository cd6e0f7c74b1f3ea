import { z } from 'zod';
import { baseDocumentShape, idSchema } from './common';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

/**
 * The first format (kept readable): key = PBKDF2-SHA256(passphrase UTF-8, salt, iterations),
 * 32 bytes → AES-256-GCM with `iv` (12 bytes), no additional data; `ciphertext` = data ‖ 16-byte
 * tag (WebCrypto's layout); the plaintext is the secret itself, UTF-8.
 */
export const pbkdf2CipherSchema = z
  .object({
    algorithm: z.literal('AES-GCM-256/PBKDF2-SHA256'),
    iterations: z.number().int().min(100_000).max(10_000_000),
    salt: base64.min(16).max(64),
    iv: base64.min(16).max(32),
    ciphertext: base64.min(1).max(20_000),
  })
  .strict();

/**
 * The current format, written by every device since: key = Argon2id v1.3 (RFC 9106) of the
 * passphrase (UTF-8) with `salt`, `memoryKiB`, `iterations` (t) and `parallelism` (p), 32-byte
 * output → AES-256-GCM with `iv` (12 bytes) and additional data `cadran-vault/v2/<clientId>/<id>`
 * (UTF-8: a ciphertext moved onto another entry does not decrypt); `ciphertext` = data ‖ 16-byte
 * tag; the plaintext is the UTF-8 JSON `{"secret": string, "notes"?: string}`.
 * Entries of one client share the salt and parameters, so one derivation unlocks them all.
 */
export const argon2idCipherSchema = z
  .object({
    algorithm: z.literal('AES-GCM-256/ARGON2ID-1.3'),
    memoryKiB: z.number().int().min(19_456).max(1_048_576),
    iterations: z.number().int().min(1).max(20),
    parallelism: z.number().int().min(1).max(16),
    salt: base64.min(16).max(64),
    iv: base64.min(16).max(32),
    ciphertext: base64.min(1).max(30_000),
  })
  .strict();

export const vaultCipherSchema = z.discriminatedUnion('algorithm', [pbkdf2CipherSchema, argon2idCipherSchema]);
export type VaultCipher = z.infer<typeof vaultCipherSchema>;

/**
 * A password vault entry (dossier technique, CP art. 5 "coffre-fort"). The secret and its notes
 * are encrypted on the device before they are stored or synced: the central store only ever
 * sees `cipher`. There is deliberately no field for a plaintext secret, and `.strict()` rejects
 * one. Label, username and URL stay readable so the vault can be searched while locked.
 */
export const vaultEntrySchema = z
  .object({
    ...baseDocumentShape,
    clientId: idSchema,
    label: z.string().min(1).max(200),
    username: z.string().max(200).optional(),
    url: z.string().max(500).optional(),
    /** The inventory item this password opens (e.g. the firewall). */
    equipmentId: idSchema.optional(),
    cipher: vaultCipherSchema,
    createdBy: idSchema,
  })
  .strict();
export type VaultEntry = z.infer<typeof vaultEntrySchema>;
