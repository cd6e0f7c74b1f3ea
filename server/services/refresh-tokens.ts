/**
 * Refresh tokens: 256 random bits, stored only as their SHA-256, one family per device
 * session. A refresh rotates the token within its family; presenting a token that was already
 * rotated means it leaked (or was replayed), so the whole family is revoked and that device
 * must sign in again. Logout revokes the family.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows, type Orm } from '../db/database';
import { unauthorized } from '../errors';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export type RefreshTokens = {
  /** A new token, in `family` or in a new family (a new device session). */
  issue(db: Executor, userId: string, family?: string): Promise<string>;
  /** Consumes a valid token: resolves to its user and family; throws 401 otherwise. */
  consume(token: string): Promise<{ userId: string; family: string }>;
  /** Revokes the token's family (logout); unknown tokens are ignored. */
  revoke(token: string): Promise<void>;
  /** Revokes every session of a user (after a password change). */
  revokeUser(db: Executor, userId: string): Promise<void>;
};

export function createRefreshTokens(orm: Orm, lifetimeDays: number, now: () => number): RefreshTokens {
  const revokeFamily = (db: Executor, family: string) =>
    db.execute(sql`update refresh_tokens set revoked_at = ${new Date(now()).toISOString()}
                   where family = ${family} and revoked_at is null`);

  return {
    async issue(db, userId, family = randomUUID()) {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now() + lifetimeDays * 86_400_000).toISOString();
      // Expired tokens of this user are useless, even for reuse detection: drop them.
      await db.execute(
        sql`delete from refresh_tokens where user_id = ${userId} and expires_at < ${new Date(now()).toISOString()}`,
      );
      await db.execute(sql`insert into refresh_tokens (token_hash, family, user_id, expires_at)
                           values (${sha256(token)}, ${family}, ${userId}, ${expiresAt})`);
      return token;
    },

    async consume(token) {
      const outcome = await orm.transaction(async (tx) => {
        const rows = await queryRows<{
          family: string;
          userId: string;
          expiresAt: string;
          usedAt: string | null;
          revokedAt: string | null;
          active: boolean;
        }>(
          tx,
          sql`select r.family, r.user_id as "userId", r.expires_at::text as "expiresAt", r.used_at::text as "usedAt",
                     r.revoked_at::text as "revokedAt", a.active
              from refresh_tokens r join accounts a on a.id = r.user_id
              where r.token_hash = ${sha256(token)} for update of r`,
        );
        const row = rows[0];
        if (!row || row.revokedAt !== null) return { error: 'the refresh token is not valid: sign in again' };
        if (row.usedAt !== null) {
          // Reuse of a rotated token: someone else holds this session. End it everywhere.
          await revokeFamily(tx, row.family);
          return { error: 'the refresh token was already used: the session is revoked, sign in again' };
        }
        if (Date.parse(row.expiresAt) <= now() || !row.active)
          return { error: 'the session has expired: sign in again' };
        await tx.execute(
          sql`update refresh_tokens set used_at = ${new Date(now()).toISOString()} where token_hash = ${sha256(token)}`,
        );
        return { userId: row.userId, family: row.family };
      });
      if ('error' in outcome) throw unauthorized(outcome.error);
      return outcome;
    },

    async revokeUser(db, userId) {
      await db.execute(sql`update refresh_tokens set revoked_at = ${new Date(now()).toISOString()}
                           where user_id = ${userId} and revoked_at is null`);
    },
    async revoke(token) {
      const rows = await queryRows<{ family: string }>(
        orm,
        sql`select family from refresh_tokens where token_hash = ${sha256(token)}`,
      );
      const family = rows[0]?.family;
      if (family) await revokeFamily(orm, family);
    },
  };
}
