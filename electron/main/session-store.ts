/**
 * Keeps the signed-in session (refresh token, user) on disk encrypted with the OS keychain
 * through `safeStorage`. When no keychain is available (a bare Linux session), nothing is
 * written: the user signs in again rather than having a token sit in clear text.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
};

export function createSessionStore(directory: string, safeStorage: SafeStorageLike) {
  const file = path.join(directory, 'session.bin');
  return {
    async load(): Promise<string | null> {
      if (!safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(await fs.readFile(file));
      } catch {
        return null;
      }
    },
    async save(blob: string): Promise<boolean> {
      if (!safeStorage.isEncryptionAvailable()) return false;
      await fs.mkdir(directory, { recursive: true });
      // Write then rename: a crash mid-write leaves the previous session, never half a file.
      const temp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(temp, safeStorage.encryptString(blob), { mode: 0o600 });
      await fs.rename(temp, file);
      return true;
    },
    async clear(): Promise<boolean> {
      await fs.rm(file, { force: true });
      return true;
    },
  };
}
