/**
 * The central store never sees a vault secret: a device encrypts it (renderer/data/vault), the
 * server validates and stores only the cipher, and nothing it holds — the documents table, its
 * answers — contains the secret or its notes. And the format is self-described: the demo seed
 * (Argon2id from @node-rs/argon2, AES-GCM from node:crypto) opens with the device's code
 * (hash-wasm, WebCrypto) from the entry's own parameters alone.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultEntry } from '../../shared/schemas';
import { queryRows } from '../../server/db/database';
import { DEMO_VAULT_PASSPHRASE, demoVaultCipher } from '../../server/demo/vault';
import { seededRandom } from '../../server/demo/random';
import { decryptEntry, deriveKey, encryptEntry, keyParamsOf, newKeyParams } from '../../renderer/data/vault/crypto';
import { BACKENDS } from './support/databases';
import { aClient } from './support/documents';
import { creations, startTestServer, type TestServer } from './support/server';

const SECRET = 'Pare-feu: Zq8!vR2#kL';
const NOTES = 'Interface sur le port 4443, compte de secours « rescue »';

describe.each(BACKENDS)('vault secrets on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
    await server.push('lead', 'clients', creations([aClient({ id: 'cl-v', vaultAccess: [server.users.tech.id] })]));
  });
  afterAll(() => server.close());

  it('stores and hands out ciphertext only, which the passphrase opens on another device', async () => {
    const params = newKeyParams({ memoryKiB: 19_456, iterations: 2, parallelism: 1 });
    const key = await deriveKey('phrase du coffre', params);
    const entry: VaultEntry = {
      id: 'vt-v-1',
      updatedAt: '2026-12-02T09:00:00.000Z',
      clientId: 'cl-v',
      label: 'Pare-feu',
      username: 'admin',
      cipher: await encryptEntry(key, params, { id: 'vt-v-1', clientId: 'cl-v' }, { secret: SECRET, notes: NOTES }),
      createdBy: server.users.tech.id,
    };
    const push = await server.push('tech', 'vault', creations([entry]));
    expect(push.statusCode, push.body).toBe(200);

    const rows = await queryRows<{ text: string }>(server.db.orm, sql`select doc::text as text from documents`);
    const everything = rows.map((r) => r.text).join('\n');
    expect(everything).toContain('vt-v-1');
    for (const word of [SECRET, NOTES, 'Zq8!vR2', 'rescue']) expect(everything).not.toContain(word);
    const pulled = await server.pull('tech', 'vault');
    expect(pulled.body).not.toContain('Zq8!vR2');

    const [onServer] = await server.pullAll('tech', 'vault');
    const otherDevice = await deriveKey('phrase du coffre', keyParamsOf((onServer as unknown as VaultEntry).cipher));
    expect(await decryptEntry(otherDevice, onServer as unknown as VaultEntry)).toEqual({
      secret: SECRET,
      notes: NOTES,
    });
  });
});

describe('the demo vault', () => {
  it('opens with the demo passphrase through the device’s own code and the entry’s own parameters', async () => {
    const encrypt = demoVaultCipher(seededRandom(1));
    const entry = { id: 'vt-demo-01-1', clientId: 'cl-demo-01' };
    const cipher = encrypt(entry, 'Demo-ABCDEFGHJK!');
    expect(cipher).toMatchObject({ algorithm: 'AES-GCM-256/ARGON2ID-1.3', memoryKiB: 65_536, iterations: 3 });
    const key = await deriveKey(DEMO_VAULT_PASSPHRASE, keyParamsOf(cipher));
    expect(await decryptEntry(key, { ...entry, cipher })).toEqual({ secret: 'Demo-ABCDEFGHJK!' });
    const wrong = await deriveKey('coffre-demo-2025', keyParamsOf(cipher));
    await expect(decryptEntry(wrong, { ...entry, cipher })).rejects.toThrow('wrong vault passphrase');
  });
});
