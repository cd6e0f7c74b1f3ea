import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from './data-dir-lock';

const dirs: string[] = [];
function dataDirOwnedBy(pid: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cadran-lock-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'server.pid'), String(pid));
  return dir;
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Starts `sh -c script`, resolves to the first line it prints. */
function firstLine(script: string): Promise<{ line: string; pid: number; stop(): void }> {
  const child = spawn('sh', ['-c', script], { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve) =>
    child.stdout.once('data', (data: Buffer) =>
      resolve({ line: data.toString().trim(), pid: child.pid ?? 0, stop: () => child.kill('SIGKILL') }),
    ),
  );
}

/** Resolves once process `pid` runs `program` (a shell's `exec` has happened). */
async function running(pid: number, program: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] === program) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`process ${pid} never ran ${program}`);
}

describe('the PGlite data directory lock', { timeout: 20_000 }, () => {
  it('takes over at once from a killed owner its parent has not reaped yet (a zombie)', async () => {
    // The background sleep's parent becomes `sleep 10` (exec keeps the pid), which never reaps it.
    const shell = await firstLine('sleep 30 & echo $!; exec sleep 10');
    const pid = Number(shell.line);
    // Killed while the shell still runs, the child could be reaped by it (dash waits for finished
    // jobs between commands): kill it only once the shell has become `sleep 10`.
    await running(shell.pid, 'sleep');
    process.kill(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(readFileSync(`/proc/${pid}/stat`, 'utf8')).toMatch(/\) Z /);
    const dir = dataDirOwnedBy(pid);
    const started = Date.now();
    const release = await acquireDataDirLock(dir);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(readFileSync(path.join(dir, 'server.pid'), 'utf8')).toBe(String(process.pid));
    await release();
    shell.stop();
  });

  it('waits for an owner that is still going away, then takes over', async () => {
    const dying = spawn('sleep', ['1.5']);
    const dir = dataDirOwnedBy(dying.pid ?? 0);
    const release = await acquireDataDirLock(dir);
    expect(dying.exitCode).toBe(0);
    await release();
  });

  it('refuses an owner that keeps running', async () => {
    const alive = spawn('sleep', ['30']);
    const dir = dataDirOwnedBy(alive.pid ?? 0);
    await expect(acquireDataDirLock(dir, 300)).rejects.toThrow(new RegExp(`in use by process ${alive.pid}`));
    alive.kill('SIGKILL');
  });
});
