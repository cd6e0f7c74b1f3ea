/**
 * `npm start`: builds what is missing or stale, starts the sync server on its embedded defaults
 * (with the demo data unless `-- --no-demo`), listening on 127.0.0.1 only unless HOST is set,
 * then opens Cadran in Electron — or, where Electron's binary is not installed, serves it to a
 * browser and prints the URL. Ctrl+C stops every child process.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary';
import { startServerEnv } from './start-env';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8787);
const serverUrl = `http://localhost:${port}`;
const children = new Set<ChildProcess>();

/** Newest modification time under `dir` (skipping tests), in ms. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (!entry.name.includes('.test.')) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}

function stale(output: string, sources: string[]): boolean {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((dir) => newest(path.join(root, dir)) > built);
}

function run(script: string): void {
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function stopAll(code: number): never {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('the sync server stopped during start-up (see its log above)');
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the sync server did not answer on ${url} within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  if (stale(path.join(root, 'dist/renderer/index.html'), ['renderer', 'shared'])) run('build:renderer');
  if (stale(path.join(root, 'dist/electron/main.cjs'), ['electron', 'shared'])) run('build:electron');

  // A first start shows a realistic year (the server seeds it only into an empty database);
  // `npm start -- --no-demo` starts without it.
  const args = process.argv.slice(2);
  const demo = args.includes('--no-demo') ? [] : ['--demo'];
  const serverArgs = [
    '--import',
    'tsx',
    'server/main.ts',
    ...demo,
    ...args.filter((a) => a !== '--no-demo' && a !== '--demo'),
  ];
  const server = spawn(process.execPath, serverArgs, {
    cwd: root,
    stdio: 'inherit',
    env: startServerEnv(process.env, port),
  });
  children.add(server);
  server.on('exit', (code) => {
    children.delete(server);
    if (code !== 0 && code !== null) stopAll(code);
  });
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));

  await waitForHealth(serverUrl, server);

  const electron = findElectronBinary(path.join(root, 'node_modules', 'electron'));
  if (!electron) {
    console.log(`Electron's binary is not installed here, so Cadran runs in your browser instead.`);
    console.log(`Cadran: ${serverUrl}`);
    return;
  }
  const app = spawn(electron, ['.'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CADRAN_SERVER_URL: serverUrl },
  });
  children.add(app);
  app.on('exit', (code) => {
    children.delete(app);
    stopAll(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  stopAll(1);
});
