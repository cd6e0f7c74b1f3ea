import { z } from 'zod';
import { baseDocumentShape, idSchema, roleSchema } from './common';

/** Clients one `client` account may be bound to (a group of companies). */
export const MAX_ACCOUNT_CLIENTS = 50;

/**
 * A user as devices see it: read-only, and never a secret (no hash, no token). A `client` account
 * carries the clients it is bound to; staff accounts carry none.
 */
export const userSchema = z
  .object({
    ...baseDocumentShape,
    /** Absent only in what a client account receives of the provider's staff (their names suffice). */
    email: z.email().optional(),
    name: z.string().min(1).max(120),
    role: roleSchema,
    active: z.boolean(),
    /** The clients a `client` account sees and writes for; absent for staff. */
    clientIds: z.array(idSchema).min(1).max(MAX_ACCOUNT_CLIENTS).optional(),
    /** Invited with a one-time password not yet replaced: the account cannot sync until it is. */
    passwordChangeRequired: z.boolean().optional(),
  })
  .strict()
  .superRefine((user, ctx) => {
    if (user.role === 'client' && user.clientIds === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['clientIds'],
        message: 'a client account is bound to at least one client',
      });
    }
    if (user.role !== 'client' && user.clientIds !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['clientIds'], message: 'only client accounts are bound to clients' });
    }
  });
export type User = z.infer<typeof userSchema>;
