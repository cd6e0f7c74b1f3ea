/**
 * `GET /api/sync/stream`: Server-Sent Events, authenticated by the Authorization header (the
 * app reads it with fetch). `"RESYNC"` first, then this process's changes (stream-hub.ts), and
 * `: heartbeat` comments. The stream ends when the access token expires — the device refreshes
 * and reconnects, so a revoked session stops receiving — when the client falls too far behind,
 * or when the server shuts down.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../services/auth';
import { sseData, type StreamHub } from '../services/stream-hub';
import { clockSkewHeaders, requireAuthentication, userOf } from './request-context';

/** A client this far behind (bytes queued) is dropped; it reconnects and resyncs. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export function registerStreamRoute(
  app: FastifyInstance,
  deps: { auth: AuthService; hub: StreamHub; heartbeatMs: number; now: () => number },
) {
  const open = new Set<ServerResponse>();
  // Before the server stops accepting: end the streams, or closing would wait for them forever.
  app.addHook('preClose', async () => {
    for (const response of open) response.end();
  });

  return app.register(async (scope) => {
    requireAuthentication(scope, deps.auth);
    scope.get('/api/sync/stream', async (request, reply) => {
      const user = userOf(request);
      reply.hijack();
      const response = reply.raw;
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
        ...clockSkewHeaders(request),
      });
      open.add(response);

      const end = () => {
        if (!response.writableEnded) response.end();
      };
      const send = (chunk: string) => {
        if (response.writableEnded) return;
        if (response.writableLength > MAX_BUFFERED_BYTES) {
          request.log.warn({ user: user.id }, 'event stream client too slow: disconnected');
          end();
          return;
        }
        response.write(chunk);
      };
      send(sseData('"RESYNC"'));
      const unsubscribe = deps.hub.subscribe({ user, send });
      // Each beat also checks the token: the stream ends at the latest one beat after it expired.
      const heartbeat = setInterval(
        () => (deps.now() >= user.expiresAt ? end() : send(': heartbeat\n\n')),
        deps.heartbeatMs,
      );
      const expiry = setTimeout(end, Math.max(0, user.expiresAt - deps.now()));
      response.on('close', () => {
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(expiry);
        open.delete(response);
      });
    });
  });
}
