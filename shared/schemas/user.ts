import { z } from 'zod';
import { baseDocumentShape, roleSchema } from './common';

/** A user as devices see it: read-only, and never a secret (no hash, no token). */
export const userSchema = z
  .object({
    ...baseDocumentShape,
    email: z.email(),
    name: z.string().min(1).max(120),
    role: roleSchema,
    active: z.boolean(),
  })
  .strict();
export type User = z.infer<typeof userSchema>;
