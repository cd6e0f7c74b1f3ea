/**
 * Accounts: the credentials (table `accounts`) and, in the same transaction, the `users`
 * document devices replicate — name, email, role, active, and never a secret.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { roleSchema, type User } from '../../shared/schemas';
import type { AuthUser } from '../../shared/sync';
import { type Database, type Executor, queryRows } from '../db/database';
import { forbidden, HttpError } from '../errors';
import { writeDocuments } from './document-store';
import { parseInput } from './input';
import { generatePassword, hashPassword, PASSWORD_MIN_LENGTH } from './passwords';

export const newUserSchema = z.object({
  email: z.email(),
  name: z.string().trim().min(1).max(120),
  role: roleSchema,
  password: z.string().min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`).max(1024),
});
export type NewUser = z.infer<typeof newUserSchema>;

/** Who may create whom: leads and admins create users; only an admin creates an admin. */
export function userCreationRefusal(creator: AuthUser, role: NewUser['role']): string | null {
  if (creator.role === 'technician') return 'only leads and admins create users';
  if (role === 'admin' && creator.role !== 'admin') return 'only an admin can create an admin';
  return null;
}

/** Parses a request body into a new user, or throws 400 naming the field. */
export function parseNewUser(body: unknown): NewUser {
  return parseInput(newUserSchema, body);
}

export async function createUser(
  db: Database,
  input: NewUser,
  createdBy: AuthUser | 'server',
  now = Date.now(),
): Promise<AuthUser> {
  if (createdBy !== 'server') {
    const refusal = userCreationRefusal(createdBy, input.role);
    if (refusal) throw forbidden(`${refusal}.`);
  }
  const user: AuthUser = {
    id: `u-${randomUUID()}`,
    email: input.email.trim().toLowerCase(),
    name: input.name,
    role: input.role,
  };
  const passwordHash = await hashPassword(input.password);
  try {
    await db.orm.transaction(async (tx) => {
      await tx.execute(sql`insert into accounts (id, email, name, role, password_hash)
                           values (${user.id}, ${user.email}, ${user.name}, ${user.role}, ${passwordHash})`);
      await writeUserDocument(tx, user, createdBy === 'server' ? 'server' : createdBy.id, now);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new HttpError(409, 'email_taken', `A user with the email ${user.email} already exists.`);
    throw error;
  }
  return user;
}

export async function writeUserDocument(tx: Executor, user: AuthUser, authorId: string, now: number): Promise<void> {
  const doc: User = { ...user, updatedAt: new Date(now).toISOString(), active: true };
  await writeDocuments(tx, 'users', [{ id: user.id, doc, deleted: false }], authorId);
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

export type AccountRow = AuthUser & { passwordHash: string; active: boolean };

export async function findAccount(
  db: Executor,
  by: { email: string } | { id: string },
): Promise<AccountRow | undefined> {
  const where = 'email' in by ? sql`email = ${by.email.trim().toLowerCase()}` : sql`id = ${by.id}`;
  const rows = await queryRows<AccountRow>(
    db,
    sql`select id, email, name, role, password_hash as "passwordHash", active from accounts where ${where}`,
  );
  return rows[0];
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
