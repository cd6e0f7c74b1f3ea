import { access, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSessionStore, protectsSecrets, type SafeStorageLike } from './session-store';

// A reversible stand-in for the OS keychain: the real safeStorage needs the Electron binary.
const xorStorage = (available = true, backend = 'gnome_libsecret'): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend,
  encryptString: (plain) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a)),
  decryptString: (data) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString(),
});

describe('session store', () => {
  it('round-trips a session and never writes it in clear', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cadran-session-'));
    const store = createSessionStore(dir, xorStorage());
    expect(await store.load()).toBeNull();
    expect(await store.save('{"refreshToken":"secret-token"}')).toBe(true);
    expect(await store.load()).toBe('{"refreshToken":"secret-token"}');
    expect((await readFile(path.join(dir, 'session.bin'))).toString()).not.toContain('secret-token');
    await store.clear();
    expect(await store.load()).toBeNull();
  });

  it('refuses to store anything without a keychain', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cadran-session-'));
    const store = createSessionStore(dir, xorStorage(false));
    expect(await store.save('token')).toBe(false);
    expect(await store.load()).toBeNull();
  });

  it.each(['basic_text', 'unknown'])(
    'keeps no session on disk on Linux when safeStorage falls back to %s, and deletes one left there',
    async (backend) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'cadran-session-'));
      // A session saved while a keyring still answered.
      await createSessionStore(dir, xorStorage(), 'linux').save('{"refreshToken":"old-token"}');
      const store = createSessionStore(dir, xorStorage(true, backend), 'linux');
      expect(await store.save('{"refreshToken":"secret-token"}')).toBe(false);
      expect(await store.load()).toBeNull();
      await expect(access(path.join(dir, 'session.bin'))).rejects.toThrow(/ENOENT/);
    },
  );

  it('keeps the session with a Linux keyring, and elsewhere whenever encryption is available', async () => {
    expect(protectsSecrets(xorStorage(true, 'kwallet5'), 'linux')).toBe(true);
    expect(protectsSecrets(xorStorage(true, 'basic_text'), 'darwin')).toBe(true);
    const { getSelectedStorageBackend: _backend, ...withoutBackend } = xorStorage();
    expect(protectsSecrets(withoutBackend, 'linux')).toBe(false);
    expect(protectsSecrets(xorStorage(false), 'win32')).toBe(false);
  });
});
