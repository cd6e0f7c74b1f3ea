/**
 * The HTTP app factory. It never listens: `server/main.ts` does, and tests drive the app in
 * process with `inject` or on an ephemeral port. It does not own the database either: whoever
 * opened it closes it after `app.close()`.
 */
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { appContentSecurityPolicy } from '../shared/security';
import type { ApiError } from '../shared/sync';
import type { ServerConfig } from './config';
import type { Database } from './db/database';
import { installErrorHandler } from './errors';
import { serializeError } from './log-redaction';
import { registerAuthRoutes } from './routes/auth';
import { registerCompteRenduRoutes } from './routes/compte-rendu';
import { registerExportRoutes } from './routes/export';
import { installClockSkew } from './routes/request-context';
import { registerStreamRoute } from './routes/stream';
import { registerSyncRoutes } from './routes/sync';
import { createAuthService } from './services/auth';
import { createInvoiceService } from './services/invoices';
import { startStreamHub } from './services/stream-hub';

/** The app's policy, as the desktop shell's app:// protocol sends it (shared/security). */
const CSP = appContentSecurityPolicy([]);

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
  | 'pullPageBytes'
>;

/**
 * Fastify's form of CADRAN_TRUST_PROXY (config.ts trustProxyOf). A hop count trusts that many
 * addresses from the socket's end of X-Forwarded-For, whoever the immediate peer is: use it only
 * where clients cannot reach the server except through the proxies; a list also checks the peer.
 */
function trustProxyOption(
  trust: AppConfig['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}

export type AppOptions = {
  db: Database;
  config: AppConfig;
  /** The server clock (ms since epoch); tests move it to expire tokens and lockouts. */
  now?: () => number;
  /** Where the JSON log lines go (standard output by default); tests read them. */
  logStream?: { write(line: string): void };
  /** Runs the invoice pass over every contract once listening (`npm run server`). */
  reconcileInvoicesAtStart?: boolean;
  /** Between two passes over the invoice backlog, ms (default 1 s; tests shorten it). */
  invoiceBacklogIntervalMs?: number;
};

export async function buildApp({
  db,
  config,
  now = Date.now,
  logStream,
  reconcileInvoicesAtStart = false,
  invoiceBacklogIntervalMs,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Errors are logged through serializeError: no SQL parameter, value, token or hash in a line.
    logger: {
      level: config.logLevel,
      serializers: { err: serializeError },
      ...(logStream ? { stream: logStream } : {}),
    },
    bodyLimit: config.bodyLimit,
    trustProxy: trustProxyOption(config.trustProxy),
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
    // No other window keeps a handle on the app's (window.opener), nor reads its resources.
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    if (closing) reply.header('Connection', 'close');
  });

  const auth = await createAuthService(db, {
    jwtSecret: config.jwtSecret,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    refreshTokenDays: config.refreshTokenDays,
    now,
  });
  const invoices = createInvoiceService(db, now, {
    log: (level, fields, message) => app.log[level](fields, message),
    ...(invoiceBacklogIntervalMs === undefined ? {} : { backlogIntervalMs: invoiceBacklogIntervalMs }),
  });
  app.addHook('onClose', async () => invoices.stop());
  if (reconcileInvoicesAtStart) {
    // Repairs invoices a crash may have left owed between a push's commit and their creation.
    app.addHook('onListen', async () => {
      invoices.reconcileAll().then(
        (created) => created > 0 && app.log.info({ created }, 'invoices created at start'),
        (error: unknown) => app.log.error({ err: error }, 'invoice pass at start failed'),
      );
    });
  }
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
  await registerSyncRoutes(app, { db, auth, invoices, pullPageBytes: config.pullPageBytes, now });
  await registerStreamRoute(app, { auth, hub, heartbeatMs: config.heartbeatMs, now });
  await registerExportRoutes(app, { db, auth, now });
  await registerCompteRenduRoutes(app, { db, auth });

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
