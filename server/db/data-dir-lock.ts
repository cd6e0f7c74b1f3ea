/**
 * PGlite is a single-process database: two servers opening one data directory would corrupt
 * it. A pid file guards the directory; a file left by a process that no longer runs is taken
 * over.
 */
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
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

/** Takes the directory's lock; resolves to its release. Throws when another live process holds it. */
export async function acquireDataDirLock(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = path.join(dataDir, 'server.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await createPidFile(lockPath)) return () => rm(lockPath, { force: true });
    const pid = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
    if (pid === process.pid) throw new Error(`DATA_DIR ${dataDir} is already open in this process`);
    if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) {
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
