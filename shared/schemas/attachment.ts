import { z } from 'zod';
import { baseDocumentShape, idSchema, instantSchema } from './common';

/**
 * Largest attached file, bytes. One document must fit a push body (CADRAN_BODY_LIMIT, 5 MiB by
 * default) with room to spare: 1.5 MiB of file is 2 MiB of base64.
 */
export const MAX_ATTACHMENT_BYTES = 1_572_864;

export const attachmentMediaTypeSchema = z.enum(['image/png', 'image/svg+xml', 'application/pdf']);
export type AttachmentMediaType = z.infer<typeof attachmentMediaTypeSchema>;

/**
 * A file attached to a client's dossier, kept whole on every device that may read it (so it is
 * viewable offline). Versioned: a new upload is a new document with the next `version` of the
 * same (client, purpose); documents are never changed once written, so replicas never conflict
 * over several megabytes. `purpose` says what it is; today only the network diagram
 * ("schéma synoptique du réseau LAN et WAN", CP art. 5).
 */
export const attachmentSchema = z
  .object({
    ...baseDocumentShape,
    clientId: idSchema,
    purpose: z.enum(['network_diagram']),
    version: z.number().int().min(1).max(10_000),
    fileName: z.string().min(1).max(200),
    mediaType: attachmentMediaTypeSchema,
    /** Size of the file in bytes (before base64). */
    size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
    /** SHA-256 of the file, hex: devices check it before showing the file. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hexadecimal'),
    data: z
      .string()
      .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
    note: z.string().max(500).optional(),
    createdBy: idSchema,
    createdAt: instantSchema,
  })
  .strict()
  .superRefine((doc, ctx) => {
    const bytes = (doc.data.length / 4) * 3 - (doc.data.endsWith('==') ? 2 : doc.data.endsWith('=') ? 1 : 0);
    if (bytes !== doc.size) ctx.addIssue({ code: 'custom', path: ['size'], message: 'size does not match data' });
  });
export type Attachment = z.infer<typeof attachmentSchema>;
