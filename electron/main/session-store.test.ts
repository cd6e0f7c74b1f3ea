import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSessionStore, type SafeStorageLike } from './session-store';

// A reversible stand-in for the OS keychain: the real safeStorage needs the Electron binary.
const xorStorage = (available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
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
});
