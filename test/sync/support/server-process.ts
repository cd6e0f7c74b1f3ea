/**
 * The real sync server as a child process, for suites that restart it or run two of them:
 * its own port, its own data directory (or PostgreSQL database), and the device harness (or the
 * app) as its static root.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type ServerProcess = {
  url: string;
  port: number;
  dataDir: string;
  /** SIGTERM and wait: the graceful path. */
  stop(): Promise<void>;
  /** SIGKILL: a crash. */
  kill(): Promise<void>;
  restart(): Promise<void>;
};

export const ADMIN = { email: 'admin@sync.test', password: 'admin-password-123' };

let nextPort = 19_100 + Math.floor(Math.random() * 400);

async function waitHealthy(url: string, child: ChildProcess, log: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log.join('')}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`server did not start:\n${log.join('')}`);
}

export async function startServer(
  options: { staticDir?: string; env?: Record<string, string>; dataDir?: string; port?: number } = {},
): Promise<ServerProcess> {
  const port = options.port ?? nextPort++;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'cadran-sync-'));
  const url = `http://localhost:${port}`;
  let child: ChildProcess;
  const log: string[] = [];

  const launch = async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        CADRAN_STATIC_DIR: options.staticDir ?? 'dist/harness',
        CADRAN_ADMIN_EMAIL: ADMIN.email,
        CADRAN_ADMIN_PASSWORD: ADMIN.password,
        LOG_LEVEL: 'warn',
        // Each server under test owns its PGlite directory, even where CI sets DATABASE_URL
        // for the server suites (an empty value means "no PostgreSQL").
        DATABASE_URL: '',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    await waitHealthy(url, child, log);
  };
  const exit = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });

  await launch();
  return {
    url,
    port,
    dataDir,
    stop: () => exit('SIGTERM'),
    kill: () => exit('SIGKILL'),
    restart: async () => {
      await exit('SIGTERM');
      await launch();
    },
  };
}
