/**
 * Server configuration from the environment, with embedded defaults so `npm run server` works
 * on a fresh clone: PGlite in `./data`, port 8787.
 */
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('data'),
  CADRAN_ADMIN_EMAIL: z.email().optional(),
  CADRAN_ADMIN_PASSWORD: z.string().min(10).optional(),
  /** Folder of the built renderer served at `/`. */
  CADRAN_STATIC_DIR: z.string().default('dist/renderer'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type ServerConfig = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  staticDir: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
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
    staticDir: path.resolve(cwd, e.CADRAN_STATIC_DIR),
    logLevel: e.LOG_LEVEL,
  };
}
