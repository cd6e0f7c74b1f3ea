import { z } from 'zod';
import { baseDocumentShape, idSchema, instantSchema } from './common';

/**
 * Kinds of main courante entries. The first five are what people write (CP art. 5: a reliable
 * exchange between the provider's technicians and the client's manager); `vault_reveal` is
 * written by the app when a secret of the coffre-fort is revealed or copied (always internal).
 * `note`, `call` and `visit` are the kinds of schema version 0: still accepted, so entries
 * written before the upgrade (on the server, or waiting on a device) stay valid, and shown as
 * information, request and intervention.
 */
export const LOGBOOK_KINDS = ['information', 'request', 'incident', 'intervention', 'planned_service'] as const;
/**
 * What a client account writes (CP art. 5: its side of the exchange). Interventions and planned
 * services are the provider's to log; the server refuses any other kind from a client account.
 */
export const CLIENT_LOGBOOK_KINDS = [
  'information',
  'request',
  'incident',
] as const satisfies readonly (typeof LOGBOOK_KINDS)[number][];
export const LEGACY_LOGBOOK_KINDS = ['note', 'call', 'visit'] as const;
export const logbookKindSchema = z.enum([...LOGBOOK_KINDS, 'vault_reveal', ...LEGACY_LOGBOOK_KINDS]);
export type LogbookKind = z.infer<typeof logbookKindSchema>;

/** Attachments are kept inside the entry (synced with it), so they are bounded: 3 of 200 kB. */
export const MAX_LOGBOOK_ATTACHMENTS = 3;
export const MAX_LOGBOOK_ATTACHMENT_BYTES = 200_000;
/** Base64 of MAX_LOGBOOK_ATTACHMENT_BYTES plus the data URL's prefix. */
const MAX_DATA_URL = Math.ceil(MAX_LOGBOOK_ATTACHMENT_BYTES / 3) * 4 + 100;

export const logbookAttachmentSchema = z.object({
  name: z.string().min(1).max(200),
  /** MIME type, e.g. "image/png", "application/pdf". */
  type: z
    .string()
    .max(100)
    .regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'a MIME type such as "image/png"'),
  /** Size of the file in bytes (before base64). */
  size: z.number().int().min(0).max(MAX_LOGBOOK_ATTACHMENT_BYTES),
  dataUrl: z
    .string()
    .max(MAX_DATA_URL)
    .regex(/^data:[a-z]+\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=]*$/, 'a base64 data URL'),
});
export type LogbookAttachment = z.infer<typeof logbookAttachmentSchema>;

/**
 * The main courante (CP art. 5): an append-only log book per client, shared between the
 * technicians and the client's contact. Entries are never edited; a mistake is corrected by a
 * new entry naming the one it corrects (`correctionOf`). `internal` entries (such as vault
 * reveals) are for the provider's staff only, never shown to the client.
 *
 * `at` is the device's clock when the entry was written (shown); the order of the thread is
 * `serverSeq`, the server's sequence, which the server sets on every entry it stores (a device
 * never trusts its own clock for ordering). An entry without one has not reached the server yet.
 */
export const logbookEntrySchema = z
  .object({
    ...baseDocumentShape,
    clientId: idSchema,
    ticketId: idSchema.optional(),
    interventionId: idSchema.optional(),
    authorId: idSchema,
    authorName: z.string().min(1).max(120),
    at: instantSchema,
    kind: logbookKindSchema,
    text: z.string().min(1).max(10_000),
    internal: z.boolean(),
    /** A `vault_reveal` entry's facts: which vault entry was revealed or copied, from which device. */
    reveal: z
      .object({
        entryId: idSchema,
        action: z.enum(['reveal', 'copy']),
        deviceId: idSchema,
        deviceName: z.string().max(120),
      })
      .strict()
      .optional(),
    correctionOf: idSchema.optional(),
    attachments: z.array(logbookAttachmentSchema).max(MAX_LOGBOOK_ATTACHMENTS).optional(),
    serverSeq: z.number().int().min(0).optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (entry.correctionOf !== undefined && entry.correctionOf === entry.id) {
      ctx.addIssue({ code: 'custom', path: ['correctionOf'], message: 'an entry cannot correct itself' });
    }
  });
export type LogbookEntry = z.infer<typeof logbookEntrySchema>;
