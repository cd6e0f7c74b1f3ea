import { z } from 'zod';
import { baseDocumentShape, idSchema } from './common';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

/**
 * A password vault entry (dossier technique). The secret is encrypted on the device
 * (AES-GCM, key derived from the vault passphrase with PBKDF2) before it is stored or synced:
 * the central store only ever sees `ciphertext`. There is deliberately no field for a
 * plaintext secret, and `.strict()` rejects one.
 */
export const vaultEntrySchema = z
  .object({
    ...baseDocumentShape,
    clientId: idSchema,
    label: z.string().min(1).max(200),
    username: z.string().max(200).optional(),
    url: z.string().max(500).optional(),
    cipher: z.object({
      algorithm: z.literal('AES-GCM-256/PBKDF2-SHA256'),
      iterations: z.number().int().min(100_000).max(10_000_000),
      salt: base64.min(16).max(64),
      iv: base64.min(16).max(32),
      ciphertext: base64.min(1).max(20_000),
    }),
    createdBy: idSchema,
  })
  .strict();
export type VaultEntry = z.infer<typeof vaultEntrySchema>;
