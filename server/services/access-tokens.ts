/**
 * Short-lived access tokens: HS256 JWTs (jose) carrying the user's id, role, name and email,
 * a client account's clients (`cid`) and whether its one-time password is still to change (`pwc`).
 * The secret is `CADRAN_JWT_SECRET`, else one generated on first start and kept in the
 * database, so every server process on that database accepts every other's tokens.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { idSchema, MAX_ACCOUNT_CLIENTS, roleSchema } from '../../shared/schemas';
import type { AuthUser } from '../../shared/sync';
import { type Executor, queryRows } from '../db/database';
import { unauthorized } from '../errors';

const ISSUER = 'cadran';
const clientIdsSchema = z.array(idSchema).min(1).max(MAX_ACCOUNT_CLIENTS).optional();

export type AccessTokens = {
  issue(user: AuthUser): Promise<string>;
  /** The token's user; throws 401 when missing, malformed, forged or expired. */
  verify(token: string): Promise<AuthUser & { expiresAt: number }>;
};

/** The shared secret: inserted once (the first process wins the race), then read by all. */
export async function sharedJwtSecret(db: Executor): Promise<string> {
  const candidate = randomBytes(48).toString('base64url');
  await db.execute(
    sql`insert into server_settings (key, value) values ('jwt_secret', ${candidate}) on conflict (key) do nothing`,
  );
  const rows = await queryRows<{ value: string }>(db, sql`select value from server_settings where key = 'jwt_secret'`);
  const secret = rows[0]?.value;
  if (!secret) throw new Error('server_settings has no jwt_secret');
  return secret;
}

export function createAccessTokens(secret: string, ttlSeconds: number, now: () => number): AccessTokens {
  const key = new TextEncoder().encode(secret);
  return {
    async issue(user) {
      const issuedAt = Math.floor(now() / 1000);
      return new SignJWT({
        role: user.role,
        name: user.name,
        email: user.email,
        // The scope of a client account and the one-time-password state travel with the token:
        // every request is scoped without a database read (a change takes effect at refresh).
        ...(user.clientIds ? { cid: user.clientIds } : {}),
        ...(user.passwordChangeRequired ? { pwc: true } : {}),
      })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(ISSUER)
        .setSubject(user.id)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ttlSeconds)
        .sign(key);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          currentDate: new Date(now()),
        });
        const role = roleSchema.safeParse(payload.role);
        if (
          !payload.sub ||
          !role.success ||
          typeof payload.name !== 'string' ||
          typeof payload.email !== 'string' ||
          !payload.exp
        ) {
          throw new Error('incomplete claims');
        }
        const clientIds = clientIdsSchema.safeParse(payload.cid);
        // A client token without its clients would be scoped to nothing: refuse it outright.
        if ((role.data === 'client') !== (payload.cid !== undefined) || !clientIds.success) {
          throw new Error('client scope missing or malformed');
        }
        return {
          id: payload.sub,
          role: role.data,
          name: payload.name,
          email: payload.email,
          ...(clientIds.data ? { clientIds: clientIds.data } : {}),
          ...(payload.pwc === true ? { passwordChangeRequired: true } : {}),
          expiresAt: payload.exp * 1000,
        };
      } catch (error) {
        const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
        throw unauthorized(expired ? 'the access token has expired: refresh it' : 'the access token is not valid');
      }
    },
  };
}
