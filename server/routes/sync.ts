/**
 * Replication endpoints: `GET /api/sync/:collection/pull` and `POST /api/sync/:collection/push`
 * (protocol in shared/sync). Thin: parameters in, services out.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type CollectionName, idSchema, isCollectionName } from '../../shared/schemas';
import { type Checkpoint, PULL_LIMIT_MAX, syncBatchLimits } from '../../shared/sync';
import type { Database } from '../db/database';
import { badRequest, forbidden, notFound } from '../errors';
import type { AuthService } from '../services/auth';
import { canReadCollection, isClientAccount } from '../services/authorisation';
import { clientPageAfter } from '../services/client-pages';
import { pageAfter } from '../services/document-store';
import type { InvoiceService } from '../services/invoices';
import { parsePushBody, pushDocuments } from '../services/push';
import { requireAuthentication, userOf } from './request-context';

export const PULL_LIMIT_DEFAULT = 100;

type CollectionParams = { Params: { collection: string } };
type PullQuery = { Querystring: Record<string, string | string[] | undefined> };

function collectionOf(request: FastifyRequest<CollectionParams>): CollectionName {
  const { collection } = request.params;
  if (!isCollectionName(collection)) throw notFound(`Unknown collection "${collection}".`);
  return collection;
}

const single = (query: PullQuery['Querystring'], name: string): string | undefined => {
  const value = query[name];
  if (Array.isArray(value)) throw badRequest(`The query parameter ${name} is given more than once.`);
  return value === '' ? undefined : value;
};

/** `seq` and `id` together (or neither, on a first pull) and `limit` 1.., capped at PULL_LIMIT_MAX. */
export function parsePullQuery(query: PullQuery['Querystring']): { after: Checkpoint | null; limit: number } {
  const seq = single(query, 'seq');
  const id = single(query, 'id');
  const limit = single(query, 'limit');
  if ((seq === undefined) !== (id === undefined)) {
    throw badRequest(
      'The query parameters seq and id go together: both from the last checkpoint, or neither on a first pull.',
    );
  }
  if (seq !== undefined && !/^\d{1,15}$/.test(seq))
    throw badRequest(`The query parameter seq must be a whole number, not "${seq}".`);
  if (id !== undefined && !idSchema.safeParse(id).success) {
    throw badRequest('The query parameter id must be a document id: 1 to 64 letters, digits or _ . : -');
  }
  if (limit !== undefined && (!/^\d{1,9}$/.test(limit) || Number(limit) < 1)) {
    throw badRequest(`The query parameter limit must be a whole number from 1, not "${limit}".`);
  }
  return {
    after: seq !== undefined && id !== undefined ? { seq: Number(seq), id } : null,
    limit: Math.min(PULL_LIMIT_MAX, limit === undefined ? PULL_LIMIT_DEFAULT : Number(limit)),
  };
}

export function registerSyncRoutes(
  app: FastifyInstance,
  deps: { db: Database; auth: AuthService; invoices: InvoiceService; pullPageBytes: number; now: () => number },
) {
  return app.register(async (scope) => {
    requireAuthentication(scope, deps.auth);

    scope.get<CollectionParams & PullQuery>('/api/sync/:collection/pull', async (request, reply) => {
      const collection = collectionOf(request);
      const user = userOf(request);
      if (!canReadCollection(user, collection)) throw forbidden(`Your role (${user.role}) cannot read ${collection}.`);
      const { after, limit: asked } = parsePullQuery(request.query);
      // Pages are bounded by bytes (pullPageBytes) and, for collections of large documents, by
      // a smaller count too (syncBatchLimits).
      const limit = Math.min(asked, syncBatchLimits(collection).pull);
      const { rows, truncated } = isClientAccount(user)
        ? await clientPageAfter(deps.db.orm, collection, after, limit, deps.pullPageBytes, user)
        : await pageAfter(
            deps.db.orm,
            collection,
            after,
            limit,
            deps.pullPageBytes,
            collection === 'vault' ? user.id : undefined,
          );
      const last = rows[rows.length - 1];
      const checkpoint: Checkpoint | null = last ? { seq: last.seq, id: last.id } : after;
      // Documents are spliced as PostgreSQL rendered them: no parse and re-serialise per pull.
      const more = truncated ? ',"truncated":true' : '';
      const body = `{"documents":[${rows.map((row) => row.json).join(',')}],"checkpoint":${JSON.stringify(checkpoint)}${more}}`;
      return reply.type('application/json; charset=utf-8').send(body);
    });

    scope.post<CollectionParams>('/api/sync/:collection/push', async (request) => {
      const collection = collectionOf(request);
      const rows = parsePushBody(collection, request.body, deps.now());
      const result = await pushDocuments(deps.db, collection, rows, userOf(request));
      if (result.changes.length > 0) {
        // The push is committed; a failure here is repaired by the next push or the start-up pass.
        await deps.invoices.afterPush(collection, result.changes).catch((error: unknown) => {
          request.log.error({ err: error, collection }, 'invoice creation failed');
        });
      }
      return result.conflicts;
    });
  });
}
