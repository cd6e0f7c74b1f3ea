/**
 * Accounts: the credentials (table `accounts`) and, in the same transaction, the `users`
 * document devices replicate — name, email, role, active, a client account's clients, and never
 * a secret.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { idSchema, MAX_ACCOUNT_CLIENTS, roleSchema, type User } from '../../shared/schemas';
import type { AuthUser, CreatedAccount } from '../../shared/sync';
import { type Database, type Executor, queryRows } from '../db/database';
import { badRequest, forbidden, HttpError } from '../errors';
import { writeDocuments } from './document-store';
import { parseInput } from './input';
import { generatePassword, hashPassword, PASSWORD_MIN_LENGTH } from './passwords';

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(1024);

/** `POST /api/users` and `user add`: without a password, a one-time one is generated. */
export const newUserSchema = z
  .object({
    email: z.email(),
    name: z.string().trim().min(1).max(120),
    role: roleSchema,
    clientIds: z.array(idSchema).min(1).max(MAX_ACCOUNT_CLIENTS).optional(),
    password: passwordSchema.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.role === 'client' && !input.clientIds) {
      ctx.addIssue({ code: 'custom', path: ['clientIds'], message: 'a client account needs at least one client' });
    }
    if (input.role !== 'client' && input.clientIds) {
      ctx.addIssue({ code: 'custom', path: ['clientIds'], message: 'only client accounts are bound to clients' });
    }
  });
export type NewUser = z.infer<typeof newUserSchema>;

/** Who may create whom: leads and admins create users; only an admin creates an admin. */
export function userCreationRefusal(creator: AuthUser, role: NewUser['role']): string | null {
  if (creator.role !== 'lead' && creator.role !== 'admin') return 'only leads and admins create users';
  if (role === 'admin' && creator.role !== 'admin') return 'only an admin can create an admin';
  return null;
}

/** Parses a request body into a new user, or throws 400 naming the field. */
export function parseNewUser(body: unknown): NewUser {
  return parseInput(newUserSchema, body);
}

/**
 * Creates the account and its `users` document. Without `input.password` a one-time password
 * is generated and returned (shown once to the person who invites); the account must replace
 * it before it can sync. A given password is the account's own (scripts, `user add --password`).
 */
export async function createUser(
  db: Database,
  input: NewUser,
  createdBy: AuthUser | 'server',
  now = Date.now(),
): Promise<CreatedAccount> {
  if (createdBy !== 'server') {
    const refusal = userCreationRefusal(createdBy, input.role);
    if (refusal) throw forbidden(`${refusal}.`);
  }
  const oneTimePassword = input.password === undefined ? generatePassword() : undefined;
  const user: AuthUser = {
    id: `u-${randomUUID()}`,
    email: input.email.trim().toLowerCase(),
    name: input.name,
    role: input.role,
    ...(input.clientIds ? { clientIds: [...new Set(input.clientIds)] } : {}),
    ...(oneTimePassword ? { passwordChangeRequired: true } : {}),
  };
  const passwordHash = await hashPassword(input.password ?? (oneTimePassword as string));
  try {
    await db.orm.transaction(async (tx) => {
      if (user.clientIds) await requireClients(tx, user.clientIds);
      await tx.execute(sql`insert into accounts (id, email, name, role, password_hash, client_ids, password_change_required)
                           values (${user.id}, ${user.email}, ${user.name}, ${user.role}, ${passwordHash},
                                   ${user.clientIds ? JSON.stringify(user.clientIds) : null}::jsonb,
                                   ${user.passwordChangeRequired === true})`);
      await writeUserDocument(tx, user, createdBy === 'server' ? 'server' : createdBy.id, now);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new HttpError(409, 'email_taken', `A user with the email ${user.email} already exists.`);
    throw error;
  }
  return oneTimePassword ? { ...user, oneTimePassword } : user;
}

/** A client account is bound only to clients that exist (and are not deleted). */
async function requireClients(tx: Executor, clientIds: readonly string[]): Promise<void> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select id from documents where collection = 'clients' and not deleted
        and id in (select jsonb_array_elements_text(${JSON.stringify(clientIds)}::jsonb))`,
  );
  const found = new Set(rows.map((row) => row.id));
  const missing = clientIds.find((id) => !found.has(id));
  if (missing !== undefined) throw badRequest(`clientIds: no client "${missing}"`);
}

/** The `users` document of an account (a new version whenever the account changes). */
export async function writeUserDocument(
  tx: Executor,
  user: AuthUser,
  authorId: string,
  now: number,
  active = true,
): Promise<void> {
  const doc: User = {
    id: user.id,
    updatedAt: new Date(now).toISOString(),
    email: user.email,
    name: user.name,
    role: user.role,
    active,
    ...(user.clientIds ? { clientIds: user.clientIds } : {}),
    ...(user.passwordChangeRequired ? { passwordChangeRequired: true } : {}),
  };
  await writeDocuments(tx, 'users', [{ id: user.id, doc, deleted: false }], authorId);
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

export type AccountRow = AuthUser & { passwordHash: string; active: boolean };

type RawAccountRow = Omit<AccountRow, 'clientIds' | 'passwordChangeRequired'> & {
  clientIds: string[] | null;
  passwordChangeRequired: boolean;
};

export async function findAccount(
  db: Executor,
  by: { email: string } | { id: string },
): Promise<AccountRow | undefined> {
  const where = 'email' in by ? sql`email = ${by.email.trim().toLowerCase()}` : sql`id = ${by.id}`;
  const rows = await queryRows<RawAccountRow>(
    db,
    sql`select id, email, name, role, password_hash as "passwordHash", active, client_ids as "clientIds",
               password_change_required as "passwordChangeRequired"
        from accounts where ${where}`,
  );
  const row = rows[0];
  if (!row) return undefined;
  const { clientIds, passwordChangeRequired, ...rest } = row;
  return {
    ...rest,
    ...(clientIds ? { clientIds } : {}),
    ...(passwordChangeRequired ? { passwordChangeRequired: true } : {}),
  };
}

const BOOTSTRAP_LOCK = [0x0cae, 2] as const;

/**
 * With no account at all, creates the first admin from CADRAN_ADMIN_EMAIL and
 * CADRAN_ADMIN_PASSWORD, generating the password when none is given. Returns the credentials
 * to print once, or null when accounts exist. Safe when several processes start together.
 */
export async function bootstrapAdmin(
  db: Database,
  email: string | undefined,
  password: string | undefined,
): Promise<{ email: string; password: string; generated: boolean } | null> {
  return db.orm.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK[0]}, ${BOOTSTRAP_LOCK[1]})`);
    const existing = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from accounts`);
    if ((existing[0]?.n ?? 0) > 0) return null;
    const admin = { email: (email ?? 'admin@cadran.local').toLowerCase(), password: password ?? generatePassword() };
    const user: AuthUser = { id: `u-${randomUUID()}`, email: admin.email, name: 'Administrateur', role: 'admin' };
    await tx.execute(sql`insert into accounts (id, email, name, role, password_hash)
                         values (${user.id}, ${user.email}, ${user.name}, ${user.role}, ${await hashPassword(admin.password)})`);
    await writeUserDocument(tx, user, 'server', Date.now());
    return { ...admin, generated: password === undefined };
  });
}
