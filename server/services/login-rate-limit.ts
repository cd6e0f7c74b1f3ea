/**
 * Login rate limit: at most 10 failed logins per account and 50 per client address in any
 * 15 minutes, then 429 with Retry-After. Counters live in the database (`login_attempts`) so
 * every server process shares them.
 *
 * An attempt is recorded *before* the password is checked and deleted if it succeeds, so
 * parallel guesses cannot all slip under the limit: each one counts the others in flight.
 * That errs on the safe side — a burst may be refused slightly early, never let through.
 */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/database';
import { HttpError } from '../errors';

export const LOGIN_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_FAILURE_LIMIT = 10;
export const ADDRESS_FAILURE_LIMIT = 50;

type Key = { column: 'account' | 'address'; value: string; limit: number };

/** Records an attempt for (account, address); throws 429 when either is over its limit. */
export async function reserveLoginAttempt(
  db: Executor,
  account: string,
  address: string,
  now: number,
): Promise<number> {
  const at = new Date(now).toISOString();
  const cutoff = new Date(now - LOGIN_WINDOW_MS).toISOString();
  await db.execute(sql`delete from login_attempts where at < ${cutoff}`);
  const inserted = await queryRows<{ id: number }>(
    db,
    sql`insert into login_attempts (account, address, at) values (${account}, ${address}, ${at}) returning id::float8 as id`,
  );
  const id = inserted[0]?.id;
  if (id === undefined) throw new Error('login attempt not recorded');

  const keys: Key[] = [
    { column: 'account', value: account, limit: ACCOUNT_FAILURE_LIMIT },
    { column: 'address', value: address, limit: ADDRESS_FAILURE_LIMIT },
  ];
  let retryAfterSeconds = 0;
  for (const key of keys) {
    // The limit-th most recent *other* attempt: once it leaves the window, one more is allowed.
    const rows = await queryRows<{ at: string }>(
      db,
      sql`select at::text as at from login_attempts
          where ${sql.identifier(key.column)} = ${key.value} and at >= ${cutoff} and id <> ${id}
          order by login_attempts.at desc offset ${key.limit - 1} limit 1`,
    );
    const blocking = rows[0];
    if (blocking) {
      const wait = Math.ceil((Date.parse(blocking.at) + LOGIN_WINDOW_MS - now) / 1000);
      retryAfterSeconds = Math.max(retryAfterSeconds, wait, 1);
    }
  }
  if (retryAfterSeconds > 0) {
    await forgetLoginAttempt(db, id);
    throw new HttpError(
      429,
      'too_many_attempts',
      `Too many failed logins: try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      { 'retry-after': String(retryAfterSeconds) },
    );
  }
  return id;
}

/** A successful login does not count as a failure. */
export async function forgetLoginAttempt(db: Executor, id: number): Promise<void> {
  await db.execute(sql`delete from login_attempts where id = ${id}`);
}
