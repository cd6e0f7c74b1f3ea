/**
 * Server configuration from the environment, with embedded defaults so `npm run server` works
 * on a fresh clone: PGlite in `./data`, port 8787.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { PULL_PAGE_MAX_BYTES } from '../shared/sync';

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
  /** Behind a load balancer: how many proxies, or which, append to X-Forwarded-For (trustProxyOf). */
  CADRAN_TRUST_PROXY: z.string().default('false'),
  /** JSON bytes of one pull page at most (always at least one document). */
  CADRAN_PULL_PAGE_BYTES: z.coerce.number().int().min(1024).default(PULL_PAGE_MAX_BYTES),
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
  /** False, the number of proxy hops in front, or the proxies' addresses (CIDR allowed). */
  trustProxy: TrustProxy;
  pullPageBytes: number;
  staticDir: string;
  logLevel: LogLevel;
};

export type TrustProxy = false | number | string[];

const TRUST_PROXY_HELP =
  'give the number of proxies in front of the server (e.g. 1) or their addresses (e.g. 10.0.0.5,10.0.1.0/24)';

/**
 * CADRAN_TRUST_PROXY: `false` (the default: the socket's address is the client's), a number of
 * hops (the client is that many entries from the right of X-Forwarded-For: each trusted proxy
 * appends the address it saw), or a comma-separated list of proxy addresses or CIDR ranges
 * (entries are skipped from the right while they are listed). `true` is refused: it trusted the
 * left-most entry, which the client writes itself, so anyone could pick the address the login
 * limit counted.
 */
export function trustProxyOf(value: string): TrustProxy {
  const text = value.trim();
  if (text === '' || text === 'false' || text === '0') return false;
  if (text === 'true') {
    throw new Error(
      `Invalid configuration: CADRAN_TRUST_PROXY=true would trust any address a client writes in X-Forwarded-For; ${TRUST_PROXY_HELP}`,
    );
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10)
      throw new Error(`Invalid configuration: CADRAN_TRUST_PROXY: ${hops} hops is not plausible; ${TRUST_PROXY_HELP}`);
    return hops;
  }
  const addresses = text.split(',').map((entry) => entry.trim());
  for (const entry of addresses) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? 0 : Number(prefix);
    const validPrefix = prefix === undefined || (/^\d+$/.test(prefix) && bits <= (family === 6 ? 128 : 32));
    if (family === 0 || !validPrefix || rest.length > 0) {
      throw new Error(
        `Invalid configuration: CADRAN_TRUST_PROXY: "${entry}" is not an address or CIDR range; ${TRUST_PROXY_HELP}`,
      );
    }
  }
  return addresses;
}

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
    trustProxy: trustProxyOf(e.CADRAN_TRUST_PROXY),
    pullPageBytes: e.CADRAN_PULL_PAGE_BYTES,
    staticDir: path.resolve(cwd, e.CADRAN_STATIC_DIR),
    logLevel: e.LOG_LEVEL,
  };
}
