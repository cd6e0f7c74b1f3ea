/**
 * Refresh tokens: 256 random bits, stored only as their SHA-256, one family per device
 * session. A refresh rotates the token within its family; presenting a token that was already
 * rotated means it leaked (or was replayed), so the whole family is revoked and that device
 * must sign in again. Logout revokes the family. Rotation, reuse detection and logout are each
 * one transaction holding the family's lock, so two refreshes racing with one token end the
 * family whatever their timing: no successor survives a detected reuse.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows, type Orm } from '../db/database';
import { unauthorized } from '../errors';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export type RefreshTokens = {
  /** A new token in a new family: a new device session (sign-in). */
  issue(db: Executor, userId: string): Promise<string>;
  /**
   * Rotates a valid token: marks it used and issues its successor in the same family, in one
   * transaction. Throws 401 otherwise; a token already rotated revokes its whole family.
   */
  rotate(token: string): Promise<{ userId: string; family: string; refreshToken: string }>;
  /** Revokes the token's family (logout); unknown tokens are ignored. */
  revoke(token: string): Promise<void>;
  /** Revokes every session of a user (after a password change). */
  revokeUser(db: Executor, userId: string): Promise<void>;
};

/** First key of the per-family advisory locks (the second is the family's hash). */
const FAMILY_LOCK_SPACE = 0x0caf;

/**
 * Serialises every decision about one family: rotations, reuse detection and logout. Without
 * it, a reuse detected while the winner of a race was still inserting its successor revoked the
 * rows it saw, and the successor, committed a moment later, kept working.
 */
export const lockFamily = (tx: Executor, family: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(${FAMILY_LOCK_SPACE}, hashtext(${family}))`);

export function createRefreshTokens(orm: Orm, lifetimeDays: number, now: () => number): RefreshTokens {
  const revokeFamily = (db: Executor, family: string) =>
    db.execute(sql`update refresh_tokens set revoked_at = ${new Date(now()).toISOString()}
                   where family = ${family} and revoked_at is null`);

  async function insert(db: Executor, userId: string, family: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now() + lifetimeDays * 86_400_000).toISOString();
    // Expired tokens of this user are useless, even for reuse detection: drop them.
    await db.execute(
      sql`delete from refresh_tokens where user_id = ${userId} and expires_at < ${new Date(now()).toISOString()}`,
    );
    await db.execute(sql`insert into refresh_tokens (token_hash, family, user_id, expires_at)
                         values (${sha256(token)}, ${family}, ${userId}, ${expiresAt})`);
    return token;
  }

  const familyOf = async (db: Executor, hash: string) =>
    (await queryRows<{ family: string }>(db, sql`select family from refresh_tokens where token_hash = ${hash}`))[0]
      ?.family;

  return {
    issue: (db, userId) => insert(db, userId, randomUUID()),

    async rotate(token) {
      const hash = sha256(token);
      const outcome = await orm.transaction(async (tx) => {
        const family = await familyOf(tx, hash);
        if (!family) return { error: 'the refresh token is not valid: sign in again' };
        await lockFamily(tx, family);
        // Read again under the lock: a rotation or revocation may have committed meanwhile.
        const rows = await queryRows<{
          userId: string;
          expiresAt: string;
          usedAt: string | null;
          familyRevoked: boolean;
          active: boolean;
        }>(
          tx,
          sql`select r.user_id as "userId", r.expires_at::text as "expiresAt", r.used_at::text as "usedAt",
                     exists (select 1 from refresh_tokens f where f.family = r.family and f.revoked_at is not null)
                       as "familyRevoked",
                     a.active
              from refresh_tokens r join accounts a on a.id = r.user_id
              where r.token_hash = ${hash}`,
        );
        const row = rows[0];
        // A family once revoked issues nothing, whichever of its tokens is presented.
        if (!row || row.familyRevoked) return { error: 'the refresh token is not valid: sign in again' };
        if (row.usedAt !== null) {
          // Reuse of a rotated token: someone else holds this session. End it everywhere.
          await revokeFamily(tx, family);
          return { error: 'the refresh token was already used: the session is revoked, sign in again' };
        }
        if (Date.parse(row.expiresAt) <= now() || !row.active)
          return { error: 'the session has expired: sign in again' };
        await tx.execute(
          sql`update refresh_tokens set used_at = ${new Date(now()).toISOString()} where token_hash = ${hash}`,
        );
        return { userId: row.userId, family, refreshToken: await insert(tx, row.userId, family) };
      });
      if ('error' in outcome) throw unauthorized(outcome.error);
      return outcome;
    },

    /**
     * Takes each live family's lock first (in one order, so two of these never deadlock; a
     * rotation holds one family only): a rotation already under way commits its successor
     * before the revocation reads, and one arriving later finds its family revoked. Without the
     * locks, a successor committed during the update escaped it. `db` must be a transaction.
     */
    async revokeUser(db, userId) {
      const families = await queryRows<{ family: string }>(
        db,
        sql`select distinct family from refresh_tokens where user_id = ${userId} and revoked_at is null
            order by family`,
      );
      for (const { family } of families) await lockFamily(db, family);
      await db.execute(sql`update refresh_tokens set revoked_at = ${new Date(now()).toISOString()}
                           where user_id = ${userId} and revoked_at is null`);
    },
    async revoke(token) {
      await orm.transaction(async (tx) => {
        const family = await familyOf(tx, sha256(token));
        if (!family) return;
        await lockFamily(tx, family);
        await revokeFamily(tx, family);
      });
    },
  };
}
