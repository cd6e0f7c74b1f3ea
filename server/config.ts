/**
 * Server configuration from the environment, with embedded defaults so `npm run server` works
 * on a fresh clone: PGlite in `./data`, port 8787.
 */
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  /** A PostgreSQL URL; without one the server runs embedded PostgreSQL (PGlite) in DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('data'),
  CADRAN_ADMIN_EMAIL: z.email().optional(),
  CADRAN_ADMIN_PASSWORD: z.string().min(10).optional(),
  /** Signs access tokens; without it a secret is generated once and kept in the database. */
  CADRAN_JWT_SECRET: z.string().min(32).optional(),
  /** Access-token lifetime in seconds (default 15 minutes). */
  CADRAN_ACCESS_TOKEN_TTL: z.coerce.number().int().min(10).max(86_400).default(900),
  /** Refresh-token lifetime in days, renewed at every refresh (default 30). */
  CADRAN_REFRESH_TOKEN_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Interval of the `: heartbeat` comments on the event stream, in ms (default 15 s). */
  CADRAN_HEARTBEAT_MS: z.coerce.number().int().min(10).max(300_000).default(15_000),
  /** Largest accepted request body in bytes (default 5 MiB). */
  CADRAN_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  /** Behind a load balancer: trust X-Forwarded-For for the client address (login rate limit). */
  CADRAN_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Folder of the built renderer served at `/`. */
  CADRAN_STATIC_DIR: z.string().default('dist/renderer'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type LogLevel = z.infer<typeof envSchema>['LOG_LEVEL'];

export type ServerConfig = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  jwtSecret: string | undefined;
  accessTokenTtlSeconds: number;
  refreshTokenDays: number;
  heartbeatMs: number;
  bodyLimit: number;
  trustProxy: boolean;
  staticDir: string;
  logLevel: LogLevel;
};

export function readConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid configuration: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    adminEmail: e.CADRAN_ADMIN_EMAIL,
    adminPassword: e.CADRAN_ADMIN_PASSWORD,
    jwtSecret: e.CADRAN_JWT_SECRET,
    accessTokenTtlSeconds: e.CADRAN_ACCESS_TOKEN_TTL,
    refreshTokenDays: e.CADRAN_REFRESH_TOKEN_DAYS,
    heartbeatMs: e.CADRAN_HEARTBEAT_MS,
    bodyLimit: e.CADRAN_BODY_LIMIT,
    trustProxy: e.CADRAN_TRUST_PROXY === 'true',
    staticDir: path.resolve(cwd, e.CADRAN_STATIC_DIR),
    logLevel: e.LOG_LEVEL,
  };
}
