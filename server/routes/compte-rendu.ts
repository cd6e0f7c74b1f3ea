/**
 * `GET /api/interventions/:id/compte-rendu.pdf`: one compte-rendu as a PDF, drawn on the server
 * by the export's renderer (services/compte-rendu.ts says who may read which). An id that is
 * unknown, another client's, or — for a client account — not yet completed gets the same 404.
 */
import type { FastifyInstance } from 'fastify';
import { idSchema } from '../../shared/schemas';
import type { Database } from '../db/database';
import { badRequest, notFound } from '../errors';
import type { AuthService } from '../services/auth';
import { compteRendu } from '../services/compte-rendu';
import { requireAuthentication, userOf } from './request-context';

export function registerCompteRenduRoutes(app: FastifyInstance, deps: { db: Database; auth: AuthService }) {
  return app.register(async (scope) => {
    requireAuthentication(scope, deps.auth);
    scope.get<{ Params: { id: string } }>('/api/interventions/:id/compte-rendu.pdf', async (request, reply) => {
      const { id } = request.params;
      const parsed = idSchema.safeParse(id);
      if (!parsed.success) {
        throw badRequest(`id: not an intervention id (${parsed.error.issues[0]?.message ?? 'invalid'})`);
      }
      const user = userOf(request);
      const found = await compteRendu(deps.db.orm, user, id);
      // No id in the answer: an unknown id and another client's read the same, byte for byte.
      if (!found) throw notFound('No compte-rendu for this intervention.');
      request.log.info({ interventionId: id, by: user.id }, 'compte-rendu downloaded');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${found.fileName}"`)
        .header('cache-control', 'no-store')
        .send(found.pdf);
    });
  });
}
