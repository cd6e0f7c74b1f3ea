/**
 * Replacing an account's password: the new argon2id hash, the one-time flag cleared, the
 * account's `users` document rewritten (leads see the invitation accepted), and every device
 * session ended, in one transaction. The caller then opens a fresh session for this device.
 */
import { sql } from 'drizzle-orm';
import type { AuthUser } from '../../shared/sync';
import type { Database } from '../db/database';
import { hashPassword } from './passwords';
import type { RefreshTokens } from './refresh-tokens';
import { type AccountRow, writeUserDocument } from './users';

export async function replacePassword(
  db: Database,
  account: AccountRow,
  newPassword: string,
  refreshTokens: Pick<RefreshTokens, 'revokeUser'>,
  now: number,
): Promise<AuthUser> {
  const passwordHash = await hashPassword(newPassword);
  const { passwordHash: _old, active: _active, passwordChangeRequired: _flag, ...rest } = account;
  const user: AuthUser = rest;
  await db.orm.transaction(async (tx) => {
    await tx.execute(sql`update accounts set password_hash = ${passwordHash}, password_change_required = false
                         where id = ${account.id}`);
    await refreshTokens.revokeUser(tx, account.id);
    if (account.passwordChangeRequired) await writeUserDocument(tx, user, account.id, now);
  });
  return user;
}
