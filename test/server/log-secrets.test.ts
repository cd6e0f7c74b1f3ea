/**
 * No secret in any log line, whatever the status (docs/server.md "Threat model"): every error
 * the review provoked is provoked again with the server logging at `info`, then its log is
 * searched for the password, the argon2id hash, the tokens and their digests, the vault cipher
 * and the request bodies. On PostgreSQL, real 500s are provoked by holding table locks while the
 * server's connections have a lock timeout, so its queries fail with their parameters in hand.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../shared/sync';
import { openDatabase } from '../../server/db/open';
import { BACKENDS, createPostgresDatabase, type BackendName } from './support/databases';
import { aVaultEntry, aClient } from './support/documents';
import { creations, PASSWORD, startTestServer, type TestServer } from './support/server';

const CIPHER = 'U2VjcmV0Q2lwaGVyVGV4dEZvckxvZ3M=';
const BODY_MARKER = 'body-marker-7f3a';

/** A server on `backend` whose log lines are kept in memory. */
async function loggingServer(backend: BackendName, lockTimeout = false) {
  const lines: string[] = [];
  const logStream = { write: (line: string) => void lines.push(line) };
  let database: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
  let server: TestServer;
  if (backend === 'postgres' && lockTimeout) {
    database = await createPostgresDatabase();
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(`alter database ${new URL(database.url).pathname.slice(1)} set lock_timeout = '300ms'`);
    await admin.end();
    const db = await openDatabase({ databaseUrl: database.url, poolSize: 4 });
    server = await startTestServer(backend, {
      database: { db, url: database.url, dispose: () => db.close() },
      config: { logLevel: 'info' },
      logStream,
    });
  } else {
    server = await startTestServer(backend, { config: { logLevel: 'info' }, logStream });
  }
  return {
    server,
    lines,
    url: database?.url,
    async close() {
      await server.close();
      await database?.drop();
    },
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function expectNoSecret(lines: readonly string[], secrets: readonly string[]) {
  const log = lines.join('');
  expect(log.length).toBeGreaterThan(0);
  for (const secret of secrets) expect(log, `the log holds ${secret.slice(0, 12)}…`).not.toContain(secret);
  expect(log).not.toMatch(/\$argon2id\$/);
}

describe.each(BACKENDS)('log lines on %s', (backend) => {
  let logging: Awaited<ReturnType<typeof loggingServer>>;
  beforeAll(async () => {
    logging = await loggingServer(backend);
  });
  afterAll(() => logging.close());

  it('hold no password, token, digest, cipher or body after every kind of refused request', async () => {
    const { server } = logging;
    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      server.app.inject({ method: 'POST', url, payload: payload as object, headers });
    const session = (
      await post('/api/auth/login', { email: 'lead@test.fr', password: PASSWORD })
    ).json<LoginResponse>();
    const auth = { authorization: `Bearer ${session.accessToken}` };
    await post('/api/auth/login', { email: 'lead@test.fr', password: `${PASSWORD}-wrong` });
    await post('/api/auth/login', { email: `lead\u0000${BODY_MARKER}@test.fr`, password: PASSWORD });
    const rotated = (await post('/api/auth/refresh', { refreshToken: session.refreshToken })).json<LoginResponse>();
    await post('/api/auth/refresh', { refreshToken: session.refreshToken }); // replay: revokes
    await post('/api/auth/logout', { refreshToken: rotated.refreshToken });
    await server.app.inject({
      method: 'GET',
      url: '/api/sync/tickets/pull',
      headers: { authorization: `Bearer ${session.accessToken}x` },
    });
    await server.push(
      'lead',
      'vault',
      creations([
        {
          ...aVaultEntry({ id: 'vt-log' }),
          label: `x\u0000${BODY_MARKER}`,
          cipher: { ...aVaultEntry().cipher, ciphertext: CIPHER },
        },
      ]),
    );
    await server.app.inject({
      method: 'POST',
      url: '/api/sync/vault/push',
      payload: `[{"newDocumentState": {"ciphertext": "${CIPHER}"`,
      headers: { ...auth, 'content-type': 'application/json' },
    });
    await server.app.inject({
      method: 'POST',
      url: '/api/sync/vault/push',
      payload: JSON.stringify([{ x: CIPHER.repeat(40_000) }]),
      headers: { ...auth, 'content-type': 'application/json' },
    });
    expectNoSecret(logging.lines, [
      PASSWORD,
      session.accessToken,
      session.refreshToken,
      sha256(session.refreshToken),
      rotated.refreshToken,
      sha256(rotated.refreshToken),
      CIPHER,
      BODY_MARKER,
    ]);
  });
});

describe.skipIf(!BACKENDS.includes('postgres'))('log lines of real 500s on postgres', { timeout: 60_000 }, () => {
  let logging: Awaited<ReturnType<typeof loggingServer>>;
  let locker: pg.Client;
  beforeAll(async () => {
    logging = await loggingServer('postgres', true);
    await logging.server.push('lead', 'clients', creations([aClient({ vaultAccess: [logging.server.users.lead.id] })]));
    await logging.server.token('lead');
  });
  afterAll(() => logging.close());

  /** Runs `during` while another connection holds `lock`, so the server's queries time out. */
  async function whileLocked(lock: string, during: () => Promise<void>) {
    locker = new pg.Client({ connectionString: logging.url });
    await locker.connect();
    await locker.query('begin');
    await locker.query(lock);
    try {
      await during();
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
  }

  it('log a failed vault push, user creation, login and refresh without their parameters', async () => {
    const { server } = logging;
    const statuses: number[] = [];
    const cipher = { ...aVaultEntry().cipher, ciphertext: CIPHER };
    await whileLocked('lock table documents in exclusive mode', async () => {
      const response = await server.push('lead', 'vault', creations([{ ...aVaultEntry({ id: 'vt-500' }), cipher }]));
      statuses.push(response.statusCode);
    });
    const newPassword = 'new user password 123';
    await whileLocked('lock table accounts in exclusive mode', async () => {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: { authorization: `Bearer ${await server.token('lead')}` },
        payload: { email: 'new@test.fr', name: 'Nouveau', role: 'technician', password: newPassword },
      });
      statuses.push(response.statusCode);
    });
    const session = await server.login('tech');
    await whileLocked('lock table refresh_tokens in access exclusive mode', async () => {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/auth/refresh',
        payload: { refreshToken: session.refreshToken },
      });
      statuses.push(response.statusCode);
    });
    await whileLocked('lock table accounts in access exclusive mode', async () => {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: `tech+${BODY_MARKER}@test.fr`, password: PASSWORD },
      });
      statuses.push(response.statusCode);
    });
    expect(statuses).toEqual([500, 500, 500, 500]);
    expect(logging.lines.join('')).toMatch(/"msg":"request failed"/);
    expectNoSecret(logging.lines, [
      CIPHER,
      newPassword,
      PASSWORD,
      session.refreshToken,
      sha256(session.refreshToken),
      session.accessToken,
      BODY_MARKER,
    ]);
  });
});
