/**
 * Building blocks shared by every document schema. Instants are UTC ISO 8601 strings (what was
 * measured); calendar days are `YYYY-MM-DD` in the contract's time zone (what was agreed).
 */
import { z } from 'zod';

/** Document ids are generated on the device (offline) — short, URL-safe, ≤ 64 characters. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');

/** A UTC instant, e.g. "2026-11-27T13:20:00.000Z". Offsets are accepted and kept as given. */
export const instantSchema = z.iso.datetime({ offset: true });

/** A calendar day, e.g. "2026-11-27". */
export const daySchema = z.iso.date();

/** Money in euros as a decimal string with at most two decimals, e.g. "25.00". Never a float. */
export const moneySchema = z.string().regex(/^-?\d{1,9}(\.\d{1,2})?$/, 'an amount in euros such as "25.00"');

/**
 * `client`: the client's manager on the extranet (CP art. 5), bound to one client or several (a
 * group); the server scopes everything such an account reads and writes to those clients.
 */
export const roleSchema = z.enum(['technician', 'lead', 'admin', 'client']);
export type Role = z.infer<typeof roleSchema>;
/** The provider's own people: every role but `client`. */
export const STAFF_ROLES = ['technician', 'lead', 'admin'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];
export const isStaffRole = (role: Role): role is StaffRole => role !== 'client';

/** Channels of work (domain.md §5). */
export const channelSchema = z.enum(['hotline', 'telemaintenance', 'onsite', 'hosting']);
export type Channel = z.infer<typeof channelSchema>;

/** Fields every synced document carries besides its own. `updatedAt` is the device's clock:
 * informative only — the server orders changes by its own sequence. */
export const baseDocumentShape = {
  id: idSchema,
  updatedAt: instantSchema,
};

export const phoneSchema = z
  .string()
  .min(3)
  .max(30)
  .regex(/^[+0-9 ().-]+$/, 'a phone number such as "01 23 45 67 89"');

export const contactSchema = z.object({
  name: z.string().min(1).max(120),
  role: z.string().max(120).optional(),
  phone: phoneSchema.optional(),
  email: z.email().optional(),
});
export type Contact = z.infer<typeof contactSchema>;
