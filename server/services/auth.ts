/**
 * Sign-in, token refresh and sign-out (`POST /api/auth/*`), and the bearer check every other
 * API route goes through.
 */
import { z } from 'zod';
import type { AuthUser, LoginResponse } from '../../shared/sync';
import type { Database } from '../db/database';
import { badRequest, HttpError, unauthorized } from '../errors';
import { type AccessTokens, createAccessTokens, sharedJwtSecret } from './access-tokens';
import { parseInput } from './input';
import { forgetLoginAttempt, reserveLoginAttempt } from './login-rate-limit';
import { verifyPassword } from './passwords';
import { createRefreshTokens, type RefreshTokens } from './refresh-tokens';
import { replacePassword } from './password-change';
import { findAccount, passwordSchema } from './users';

export type AuthOptions = {
  jwtSecret?: string | undefined;
  accessTokenTtlSeconds: number;
  refreshTokenDays: number;
  now: () => number;
};

export type AuthService = {
  login(body: unknown, address: string): Promise<LoginResponse>;
  refresh(body: unknown): Promise<LoginResponse>;
  logout(body: unknown): Promise<void>;
  /** Replaces the password (the one-time one at first sign-in): ends every other session. */
  changePassword(user: AuthUser, body: unknown, address: string): Promise<LoginResponse>;
  /** The user of an `Authorization: Bearer …` header; throws 401. */
  authenticate(header: string | undefined): Promise<AuthUser & { expiresAt: number }>;
};

const loginSchema = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) });
const refreshSchema = z.object({ refreshToken: z.string().min(1).max(200) });
const passwordChangeSchema = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: passwordSchema });

const publicUser = (u: AuthUser): AuthUser => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  ...(u.clientIds ? { clientIds: u.clientIds } : {}),
  ...(u.passwordChangeRequired ? { passwordChangeRequired: true } : {}),
});

export async function createAuthService(db: Database, options: AuthOptions): Promise<AuthService> {
  const secret = options.jwtSecret ?? (await sharedJwtSecret(db.orm));
  const access: AccessTokens = createAccessTokens(secret, options.accessTokenTtlSeconds, options.now);
  const refreshTokens: RefreshTokens = createRefreshTokens(db.orm, options.refreshTokenDays, options.now);

  async function session(user: AuthUser, refreshToken: string): Promise<LoginResponse> {
    return { accessToken: await access.issue(user), refreshToken, user: publicUser(user) };
  }

  return {
    async login(body, address) {
      const { email, password } = parseInput(loginSchema, body);
      const account = email.trim().toLowerCase();
      const attempt = await reserveLoginAttempt(db.orm, account, address, options.now());
      const found = await findAccount(db.orm, { email: account });
      const ok = await verifyPassword(found?.active ? found.passwordHash : undefined, password);
      if (!ok || !found) throw new HttpError(401, 'invalid_credentials', 'Wrong email or password.');
      await forgetLoginAttempt(db.orm, attempt);
      return session(found, await refreshTokens.issue(db.orm, found.id));
    },

    async refresh(body) {
      const { refreshToken } = parseInput(refreshSchema, body);
      const rotated = await refreshTokens.rotate(refreshToken);
      const found = await findAccount(db.orm, { id: rotated.userId });
      if (!found?.active) throw unauthorized('the account is disabled');
      return session(found, rotated.refreshToken);
    },

    async logout(body) {
      const { refreshToken } = parseInput(refreshSchema, body);
      await refreshTokens.revoke(refreshToken);
    },

    async changePassword(user, body, address) {
      const { currentPassword, newPassword } = parseInput(passwordChangeSchema, body);
      const attempt = await reserveLoginAttempt(db.orm, user.email, address, options.now());
      const found = await findAccount(db.orm, { id: user.id });
      if (!found?.active || !(await verifyPassword(found.passwordHash, currentPassword))) {
        throw new HttpError(403, 'invalid_credentials', 'The current password is wrong.');
      }
      await forgetLoginAttempt(db.orm, attempt);
      if (newPassword === currentPassword) {
        throw badRequest('newPassword: choose a password different from the current one');
      }
      const updated = await replacePassword(db, found, newPassword, refreshTokens, options.now());
      return session(updated, await refreshTokens.issue(db.orm, updated.id));
    },

    async authenticate(header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
      if (!match?.[1]) throw unauthorized('an Authorization: Bearer access token is required');
      return access.verify(match[1]);
    },
  };
}
