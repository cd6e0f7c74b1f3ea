/**
 * `GET /api/clients/:clientId/export`: the client's reversibility ZIP (CG art. 23), streamed as
 * it is made (services/export). Leads and admins export any client, completely; a client
 * account exports its own clients only, as it sees them; technicians none.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import { forbidden, notFound } from '../errors';
import type { AuthService } from '../services/auth';
import { exportClient, findClient } from '../services/export/export-client';
import { requireAuthentication, userOf } from './request-context';

/** A file name any system accepts: `reversibilite-C-0042-2026-12-02.zip`. */
export function exportFileName(code: string, now: Date): string {
  const safe = code.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40) || 'client';
  return `reversibilite-${safe}-${now.toISOString().slice(0, 10)}.zip`;
}

export function registerExportRoutes(
  app: FastifyInstance,
  deps: { db: Database; auth: AuthService; now: () => number },
) {
  return app.register(async (scope) => {
    requireAuthentication(scope, deps.auth);
    scope.get<{ Params: { clientId: string } }>('/api/clients/:clientId/export', async (request, reply) => {
      const user = userOf(request);
      const { clientId } = request.params;
      const own = user.role === 'client' && (user.clientIds ?? []).includes(clientId);
      if (!own && user.role !== 'lead' && user.role !== 'admin') {
        throw forbidden('Only leads, admins and the client’s own accounts export a client’s data.');
      }
      const client = await findClient(deps.db.orm, clientId);
      if (!client) throw notFound(`No client "${clientId}".`);
      const now = new Date(deps.now());
      reply.hijack();
      const response = reply.raw;
      response.writeHead(200, {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${exportFileName(client.code, now)}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      try {
        const manifest = await exportClient(
          deps.db,
          { clientId, account: user.role === 'client' ? user : null },
          response,
          {
            now,
          },
        );
        request.log.info({ clientId, by: user.id, documents: manifest.collections }, 'reversibility export');
      } catch (error) {
        // Headers are gone: the download is cut short, which the browser reports as failed.
        request.log.error({ err: error, clientId }, 'reversibility export failed');
        response.destroy();
      }
    });
  });
}
