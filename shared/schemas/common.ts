/**
 * Building blocks shared by every document schema. Instants are UTC ISO 8601 strings (what was
 * measured); calendar days are `YYYY-MM-DD` in the contract's time zone (what was agreed).
 */
import { z } from 'zod';
import { EARLIEST_DAY, EARLIEST_INSTANT, EARLIEST_INSTANT_MS, LATEST_DAY, MAX_AHEAD_MS, schemaNow } from './clock';

export { EARLIEST_DAY, EARLIEST_INSTANT, LATEST_DAY, MAX_AHEAD_MS, withSchemaClock } from './clock';

/** Document ids are generated on the device (offline) — short, URL-safe, ≤ 64 characters. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');

/**
 * A UTC instant, e.g. "2026-11-27T13:20:00.000Z". Offsets are accepted and kept as given.
 * docs/domain-decisions.md D-31: from EARLIEST_INSTANT to a year ahead of the validating clock
 * (the server's, or the device's, passed to `validateDocument`), so a typo in the year cannot
 * make a 100-year segment.
 */
export const instantSchema = z.iso.datetime({ offset: true }).superRefine((value, ctx) => {
  const ms = Date.parse(value);
  if (ms < EARLIEST_INSTANT_MS) {
    ctx.addIssue({ code: 'custom', message: `an instant from ${EARLIEST_INSTANT} on` });
  } else if (ms > schemaNow() + MAX_AHEAD_MS) {
    ctx.addIssue({ code: 'custom', message: 'an instant at most a year ahead of the clock (check the year)' });
  }
});

/**
 * How far two instants written by different devices may disagree before their order counts as
 * impossible (a lead validating minutes after a technician whose clock runs ahead). The app
 * warns from a skew of two minutes (shared/sync CLOCK_SKEW_WARNING_MS).
 */
export const DEVICE_CLOCK_TOLERANCE_MS = 10 * 60_000;

/** Whether instant `a` comes before instant `b` by more than `toleranceMs` (both valid ISO instants). */
export function isBefore(a: string, b: string, toleranceMs = 0): boolean {
  return Date.parse(a) < Date.parse(b) - toleranceMs;
}

/** A calendar day, e.g. "2026-11-27", from EARLIEST_DAY to LATEST_DAY (D-31). */
export const daySchema = z.iso.date().refine((value) => value >= EARLIEST_DAY && value <= LATEST_DAY, {
  message: `a day from ${EARLIEST_DAY} to ${LATEST_DAY}`,
});

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
