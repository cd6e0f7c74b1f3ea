import { z } from 'zod';
import { baseDocumentShape, idSchema, instantSchema } from './common';

/**
 * The main courante (CP art. 5): an append-only log book per client, shared between the
 * technicians and the client's contact. Entries are never edited; a mistake is corrected by a
 * new entry. `internal` entries (such as vault reveals) are not shown to the client.
 */
export const logbookEntrySchema = z
  .object({
    ...baseDocumentShape,
    clientId: idSchema,
    ticketId: idSchema.optional(),
    authorId: idSchema,
    authorName: z.string().min(1).max(120),
    at: instantSchema,
    kind: z.enum(['note', 'call', 'visit', 'incident', 'vault_reveal']),
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
  })
  .strict();
export type LogbookEntry = z.infer<typeof logbookEntrySchema>;
