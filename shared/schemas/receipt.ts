import { z } from 'zod';
import { baseDocumentShape, idSchema, instantSchema } from './common';

/**
 * A reading receipt of the main courante (CP art. 5: a reliable exchange between the provider's
 * technicians and the client's manager): how far a client account has read its client's thread,
 * as the highest `serverSeq` it has seen, and when. The technicians see up to which entry the
 * client has read. Written by client accounts only, as themselves, and never back; a device
 * keeps one per account and client (two devices offline may each create one: the furthest
 * counts).
 */
export const receiptSchema = z
  .object({
    ...baseDocumentShape,
    clientId: idSchema,
    userId: idSchema,
    userName: z.string().min(1).max(120),
    /** The highest `serverSeq` of the client's thread the account has seen. */
    readUpTo: z.number().int().min(0),
    readAt: instantSchema,
  })
  .strict();
export type Receipt = z.infer<typeof receiptSchema>;
