/**
 * Keeps the signed-in session (refresh token, user) on disk encrypted with the OS keychain
 * through `safeStorage`. Where no keychain protects it, nothing is written and nothing is read:
 * the user signs in at each start rather than having a token sit on disk under a key anyone can
 * read. On Linux that includes safeStorage's `basic_text` backend, used when no secret service
 * (GNOME Keyring, KWallet) answers: `isEncryptionAvailable()` is then true, but the key is
 * hard-coded in Chromium, so the "encrypted" file is as good as clear text.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only (Electron): `gnome_libsecret`, `kwallet`…, or `basic_text` / `unknown`. */
  getSelectedStorageBackend?(): string;
};

/** Linux backends that do not protect a secret: a hard-coded key, or none known yet. */
const UNPROTECTED_BACKENDS = new Set(['basic_text', 'unknown']);

/** Whether safeStorage really protects what it encrypts on this platform. */
export function protectsSecrets(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform !== 'linux') return true;
  const backend = safeStorage.getSelectedStorageBackend?.();
  return backend !== undefined && !UNPROTECTED_BACKENDS.has(backend);
}

export function createSessionStore(
  directory: string,
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
) {
  const file = path.join(directory, 'session.bin');
  const remove = () => fs.rm(file, { force: true });
  return {
    /** The kept session, or null; a file left under an unprotected key is deleted, not read. */
    async load(): Promise<string | null> {
      if (!protectsSecrets(safeStorage, platform)) {
        await remove();
        return null;
      }
      try {
        return safeStorage.decryptString(await fs.readFile(file));
      } catch {
        return null;
      }
    },
    /** Answers whether the session is kept on disk (false: the user will sign in at next start). */
    async save(blob: string): Promise<boolean> {
      if (!protectsSecrets(safeStorage, platform)) {
        await remove();
        return false;
      }
      await fs.mkdir(directory, { recursive: true });
      // Write then rename: a crash mid-write leaves the previous session, never half a file.
      const temp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(temp, safeStorage.encryptString(blob), { mode: 0o600 });
      await fs.rename(temp, file);
      return true;
    },
    async clear(): Promise<boolean> {
      await remove();
      return true;
    },
  };
}
