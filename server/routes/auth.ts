/** `POST /api/auth/login | refresh | logout | password` and `POST /api/users`. */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import type { AuthService } from '../services/auth';
import { createUser, parseNewUser } from '../services/users';
import { requireAuthentication, userOf } from './request-context';

export async function registerAuthRoutes(
  app: FastifyInstance,
  deps: { db: Database; auth: AuthService; now: () => number },
) {
  app.post('/api/auth/login', async (request) => deps.auth.login(request.body, request.ip));
  app.post('/api/auth/refresh', async (request) => deps.auth.refresh(request.body));
  // The refresh token is the credential here: logging out works even with an expired access token.
  app.post('/api/auth/logout', async (request, reply) => {
    await deps.auth.logout(request.body);
    return reply.code(204).send();
  });

  // The one request an account holding its one-time password may make.
  await app.register(async (scope) => {
    requireAuthentication(scope, deps.auth, { allowPasswordChangeRequired: true });
    scope.post('/api/auth/password', async (request) =>
      deps.auth.changePassword(userOf(request), request.body, request.ip),
    );
  });

  return app.register(async (scope) => {
    requireAuthentication(scope, deps.auth);
    scope.post('/api/users', async (request, reply) => {
      const user = await createUser(deps.db, parseNewUser(request.body), userOf(request), deps.now());
      return reply.code(201).send(user);
    });
  });
}
