/**
 * Per-request facts established by hooks, kept beside the request instead of on it (no
 * Fastify type augmentation): the authenticated user and the device's clock skew.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CLIENT_TIME_HEADER, CLOCK_SKEW_HEADER, PASSWORD_CHANGE_REQUIRED, type AuthUser } from '../../shared/sync';
import { badRequest, HttpError } from '../errors';
import type { AuthService } from '../services/auth';

export type RequestUser = AuthUser & { expiresAt: number };

const users = new WeakMap<FastifyRequest, RequestUser>();
const skews = new WeakMap<FastifyRequest, number>();

/**
 * Adds an onRequest hook (before the body is read) requiring a valid access token. An account
 * still holding its one-time password is refused everywhere (pull, push, stream, exports…) but
 * in scopes that allow it — the password change itself.
 */
export function requireAuthentication(
  scope: FastifyInstance,
  auth: AuthService,
  options: { allowPasswordChangeRequired?: boolean } = {},
): void {
  scope.addHook('onRequest', async (request) => {
    const user = await auth.authenticate(request.headers.authorization);
    if (user.passwordChangeRequired && !options.allowPasswordChangeRequired) {
      throw new HttpError(
        403,
        PASSWORD_CHANGE_REQUIRED,
        'This account signed in with a one-time password: choose a new password first (POST /api/auth/password).',
      );
    }
    users.set(request, user);
  });
}

export function userOf(request: FastifyRequest): RequestUser {
  const user = users.get(request);
  if (!user) throw new Error(`no authenticated user on ${request.url}: register requireAuthentication`);
  return user;
}

/**
 * Devices send their clock (`x-client-time`, ms since epoch); every answer to such a request
 * carries `x-clock-skew-ms` = device minus server, measured when the request arrived.
 */
export function installClockSkew(app: FastifyInstance, now: () => number): void {
  app.addHook('onRequest', async (request) => {
    const raw = request.headers[CLIENT_TIME_HEADER];
    if (raw === undefined) return;
    const clientTime = Number(raw);
    if (typeof raw !== 'string' || !/^\d{1,16}$/.test(raw) || !Number.isSafeInteger(clientTime)) {
      throw badRequest(
        `${CLIENT_TIME_HEADER} must be the device clock in milliseconds since the epoch`,
        'invalid_header',
      );
    }
    skews.set(request, clientTime - now());
  });
  app.addHook('onSend', async (request, reply) => {
    const skew = skews.get(request);
    if (skew !== undefined) reply.header(CLOCK_SKEW_HEADER, String(skew));
  });
}

/** The skew header for responses written directly to the socket (the event stream). */
export function clockSkewHeaders(request: FastifyRequest): Record<string, string> {
  const skew = skews.get(request);
  return skew === undefined ? {} : { [CLOCK_SKEW_HEADER]: String(skew) };
}
