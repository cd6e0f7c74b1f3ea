/**
 * The HTTP app factory. It never listens: `server/main.ts` does, and tests drive the app in
 * process with `inject` or on an ephemeral port. It does not own the database either: whoever
 * opened it closes it after `app.close()`.
 */
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ApiError } from '../shared/sync';
import type { ServerConfig } from './config';
import type { Database } from './db/database';
import { installErrorHandler } from './errors';
import { registerAuthRoutes } from './routes/auth';
import { registerExportRoutes } from './routes/export';
import { installClockSkew } from './routes/request-context';
import { registerStreamRoute } from './routes/stream';
import { registerSyncRoutes } from './routes/sync';
import { createAuthService } from './services/auth';
import { createInvoiceService } from './services/invoices';
import { startStreamHub } from './services/stream-hub';

/** Same policy as the desktop shell's app:// protocol (electron/main/security.ts). */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export type AppConfig = Pick<
  ServerConfig,
  | 'staticDir'
  | 'logLevel'
  | 'jwtSecret'
  | 'accessTokenTtlSeconds'
  | 'refreshTokenDays'
  | 'heartbeatMs'
  | 'bodyLimit'
  | 'trustProxy'
>;

export type AppOptions = {
  db: Database;
  config: AppConfig;
  /** The server clock (ms since epoch); tests move it to expire tokens and lockouts. */
  now?: () => number;
};

export async function buildApp({ db, config, now = Date.now }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
  });
  installErrorHandler(app, config.bodyLimit);
  installClockSkew(app, now);

  // Requests in flight when shutdown starts finish, then their keep-alive connections close
  // instead of holding the process open until the client's idle timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    if (closing) reply.header('Connection', 'close');
  });

  const auth = await createAuthService(db, {
    jwtSecret: config.jwtSecret,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    refreshTokenDays: config.refreshTokenDays,
    now,
  });
  const invoices = createInvoiceService(db, now);
  const hub = await startStreamHub(db, (error) => app.log.error({ err: error }, 'event stream fan-out failed'));
  app.addHook('onClose', () => hub.stop());

  app.get('/api/health', async (_request, reply) => {
    try {
      await db.orm.execute(sql`select 1`);
      return { status: 'ok', db: db.kind };
    } catch (error) {
      app.log.error({ err: error }, 'health check: database unreachable');
      return reply.code(503).send({ status: 'error', db: db.kind });
    }
  });
  await registerAuthRoutes(app, { db, auth, now });
  await registerSyncRoutes(app, { db, auth, invoices });
  await registerStreamRoute(app, { auth, hub, heartbeatMs: config.heartbeatMs, now });
  await registerExportRoutes(app, { db, auth, now });

  if (existsSync(config.staticDir)) {
    await app.register(fastifyStatic, {
      root: config.staticDir,
      setHeaders: (res, filePath) => {
        if (filePath.endsWith('.html')) {
          res.setHeader('Content-Security-Policy', CSP);
          res.setHeader('Cache-Control', 'no-cache');
        }
      },
    });
  } else {
    app.log.warn(`renderer build not found in ${config.staticDir}; run "npm run build"`);
  }

  // Unknown paths, /api/* included, answer JSON 404: the API never falls through to the app.
  app.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .send({ error: 'not_found', message: `No route ${request.method} ${request.url}` } satisfies ApiError);
  });

  return app;
}
