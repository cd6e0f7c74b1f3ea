import type { z } from 'zod';
import { attachmentSchema, MAX_ATTACHMENT_BYTES } from './attachment';
import { idSchema, withSchemaClock } from './common';
import { inputIssue, issuePath } from './input-rules';
import { clientSchema } from './client';
import { contractSchema } from './contract';
import { equipmentSchema } from './equipment';
import { interventionSchema } from './intervention';
import { invoiceSchema } from './invoice';
import { logbookEntrySchema } from './logbook';
import { receiptSchema } from './receipt';
import { ticketSchema } from './ticket';
import { userSchema } from './user';
import { vaultEntrySchema } from './vault';

/**
 * Every synced collection with its document schema and schema version. A version bump ships a
 * migration strategy in renderer/data and is accepted by the server from then on.
 * `deviceWritable: false` collections are written by the server only (users, invoices).
 */
export const collections = {
  clients: { schema: clientSchema, version: 1, deviceWritable: true },
  contracts: { schema: contractSchema, version: 0, deviceWritable: true },
  equipment: { schema: equipmentSchema, version: 1, deviceWritable: true },
  tickets: { schema: ticketSchema, version: 1, deviceWritable: true },
  interventions: { schema: interventionSchema, version: 1, deviceWritable: true },
  logbook: { schema: logbookEntrySchema, version: 2, deviceWritable: true },
  vault: { schema: vaultEntrySchema, version: 1, deviceWritable: true },
  // v1: the client role, clientIds, passwordChangeRequired, email optional (issue 16).
  users: { schema: userSchema, version: 1, deviceWritable: false },
  invoices: { schema: invoiceSchema, version: 1, deviceWritable: false },
  attachments: { schema: attachmentSchema, version: 0, deviceWritable: true },
  // Reading receipts of the main courante, written by client accounts (issue 16).
  receipts: { schema: receiptSchema, version: 0, deviceWritable: true },
} as const;

export type CollectionName = keyof typeof collections;
export const COLLECTION_NAMES = Object.keys(collections) as CollectionName[];

export type DocumentOf<C extends CollectionName> = z.infer<(typeof collections)[C]['schema']>;

export function isCollectionName(value: string): value is CollectionName {
  return Object.hasOwn(collections, value);
}

export type ValidationFailure = { documentId: string; field: string; message: string };

/**
 * Largest text of one document (UTF-8 bytes of its strings and member names): far above any real
 * one (a signed compte-rendu is about 250 kB), and what keeps a pull page and a push bounded.
 */
export const MAX_DOCUMENT_TEXT_BYTES = 1024 * 1024;
/**
 * An attachment holds its file as base64 (up to 2 MiB for MAX_ATTACHMENT_BYTES of file), plus its
 * few other fields: its own bound, the one exception.
 */
export const MAX_ATTACHMENT_TEXT_BYTES = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 16 * 1024;

/** The text bound of one document of the collection. */
export function maxTextBytesOf(collection: CollectionName): number {
  return collection === 'attachments' ? MAX_ATTACHMENT_TEXT_BYTES : MAX_DOCUMENT_TEXT_BYTES;
}

export type ValidationOptions = {
  /** The validating clock in ms (the server's, or the device's): instants may be at most a year ahead. */
  now?: number;
};

/** The id to name in an error: the document's own when it is a valid id, never raw input. */
function idOf(value: unknown): string {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  if (id === undefined) return '(no id)';
  return idSchema.safeParse(id).success ? (id as string) : '(invalid id)';
}

/**
 * Validates one document of a collection: the rules every input obeys (input-rules.ts: no NUL,
 * no lone surrogate, bounded nesting, at most maxTextBytesOf(collection) of text), then the
 * collection's schema against the clock `now`. On failure, names the document and the first
 * field at fault, e.g. `{ documentId: 'i-1', field: 'segments.0.end', message: '…' }`.
 */
export function validateDocument<C extends CollectionName>(
  collection: C,
  value: unknown,
  options: ValidationOptions = {},
): { ok: true; document: DocumentOf<C> } | { ok: false; failure: ValidationFailure } {
  const rules = inputIssue(value, { maxTextBytes: maxTextBytesOf(collection) });
  if (rules) {
    return { ok: false, failure: { documentId: idOf(value), field: issuePath(rules.path), message: rules.message } };
  }
  const schema = collections[collection].schema;
  const result = withSchemaClock(options.now ?? Date.now(), () => schema.safeParse(value));
  if (result.success) return { ok: true, document: result.data as DocumentOf<C> };
  const issue = result.error.issues[0];
  return {
    ok: false,
    failure: {
      documentId: idOf(value),
      field: issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(document)',
      message: issue?.message ?? 'invalid document',
    },
  };
}
