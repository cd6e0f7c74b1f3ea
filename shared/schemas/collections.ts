import type { z } from 'zod';
import { clientSchema } from './client';
import { contractSchema } from './contract';
import { equipmentSchema } from './equipment';
import { interventionSchema } from './intervention';
import { invoiceSchema } from './invoice';
import { logbookEntrySchema } from './logbook';
import { ticketSchema } from './ticket';
import { userSchema } from './user';
import { vaultEntrySchema } from './vault';

/**
 * Every synced collection with its document schema and schema version. A version bump ships a
 * migration strategy in renderer/data and is accepted by the server from then on.
 * `deviceWritable: false` collections are written by the server only (users, invoices).
 */
export const collections = {
  clients: { schema: clientSchema, version: 0, deviceWritable: true },
  contracts: { schema: contractSchema, version: 0, deviceWritable: true },
  equipment: { schema: equipmentSchema, version: 0, deviceWritable: true },
  tickets: { schema: ticketSchema, version: 1, deviceWritable: true },
  interventions: { schema: interventionSchema, version: 1, deviceWritable: true },
  logbook: { schema: logbookEntrySchema, version: 1, deviceWritable: true },
  vault: { schema: vaultEntrySchema, version: 0, deviceWritable: true },
  users: { schema: userSchema, version: 0, deviceWritable: false },
  invoices: { schema: invoiceSchema, version: 0, deviceWritable: false },
} as const;

export type CollectionName = keyof typeof collections;
export const COLLECTION_NAMES = Object.keys(collections) as CollectionName[];

export type DocumentOf<C extends CollectionName> = z.infer<(typeof collections)[C]['schema']>;

export function isCollectionName(value: string): value is CollectionName {
  return Object.hasOwn(collections, value);
}

export type ValidationFailure = { documentId: string; field: string; message: string };

/**
 * Validates one document of a collection. On failure, names the document and the first field
 * at fault, e.g. `{ documentId: 'i-1', field: 'segments.0.end', message: '…' }`.
 */
export function validateDocument<C extends CollectionName>(
  collection: C,
  value: unknown,
): { ok: true; document: DocumentOf<C> } | { ok: false; failure: ValidationFailure } {
  const result = collections[collection].schema.safeParse(value);
  if (result.success) return { ok: true, document: result.data as DocumentOf<C> };
  const issue = result.error.issues[0];
  const id =
    typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string'
      ? (value as { id: string }).id
      : '(no id)';
  return {
    ok: false,
    failure: {
      documentId: id,
      field: issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(document)',
      message: issue?.message ?? 'invalid document',
    },
  };
}
