/**
 * PGlite is a single-process database: two servers opening one data directory would corrupt
 * it. A pid file guards the directory. A file left by a process that no longer runs is taken
 * over; one whose process is still there is waited for a little, because a server restarted
 * right after a crash (kill -9) can find its predecessor not yet gone: dying, or dead but not
 * yet reaped by its parent (a zombie, which signals still reach).
 */
import { readFileSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

/** How long a start waits for the previous owner to go away before refusing. */
export const TAKEOVER_WAIT_MS = 5_000;
const POLL_MS = 100;

/** A zombie has exited: only its exit status is left for its parent to collect (Linux /proc). */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (command) state …": the command may hold spaces and parentheses, the state follows the last ")".
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates the pid file; false when it already exists. */
async function createPidFile(lockPath: string): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Resolves true once `pid` no longer runs, false if it still does after `waitMs`. */
async function waitForExit(pid: number, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (isRunning(pid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return true;
}

/**
 * Takes the directory's lock; resolves to its release. Throws when another process still holds
 * it after `waitMs`.
 */
export async function acquireDataDirLock(dataDir: string, waitMs = TAKEOVER_WAIT_MS): Promise<() => Promise<void>> {
  const lockPath = path.join(dataDir, 'server.pid');
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createPidFile(lockPath)) return () => rm(lockPath, { force: true });
    const pid = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
    if (pid === process.pid) throw new Error(`DATA_DIR ${dataDir} is already open in this process`);
    if (Number.isInteger(pid) && pid > 0 && !(await waitForExit(pid, waitMs))) {
      throw new Error(
        `DATA_DIR ${dataDir} is in use by process ${pid}: embedded PGlite serves one server process. ` +
          'Stop it, or run several processes on PostgreSQL (DATABASE_URL).',
      );
    }
    // Left by a process that is gone: take it over.
    await rm(lockPath, { force: true });
  }
  throw new Error(`could not lock DATA_DIR ${dataDir}`);
}
