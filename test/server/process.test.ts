/**
 * The server as `npm run server` runs it: embedded PGlite in a data directory kept across
 * restarts, graceful stop on SIGTERM, and the `user add` command.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LoginResponse, PullResponse } from '../../shared/sync';
import { buildApp } from '../../server/app';
import { openDatabase } from '../../server/db/open';
import { createUser } from '../../server/services/users';
import { aTicket } from './support/documents';
import { runCli, startServerProcess } from './support/process';
import { creations, TEST_CONFIG } from './support/server';
import { openStream } from './support/sse';

const ADMIN = { CADRAN_ADMIN_EMAIL: 'admin@process.test', CADRAN_ADMIN_PASSWORD: 'admin password 123' };
/** These run on embedded PGlite, even when the suite has a DATABASE_URL for other files. */
const pglite = (dataDir: string) => ({ DATA_DIR: dataDir, DATABASE_URL: '' });
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cadran-server-test-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function login(url: string, email: string, password: string): Promise<LoginResponse> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  return (await response.json()) as LoginResponse;
}

describe('a PGlite data directory', { timeout: 60_000 }, () => {
  it('keeps documents and checkpoints across a restart, and continues the sequence', async () => {
    const dataDir = tempDir();
    const first = await openDatabase({ dataDir });
    const app = await buildApp({ db: first, config: TEST_CONFIG });
    const user = await createUser(
      first,
      { email: 'lead@test.fr', name: 'Léa', role: 'lead', password: 'a long password' },
      'server',
    );
    const { accessToken } = (
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: 'a long password' },
      })
    ).json<LoginResponse>();
    const headers = { authorization: `Bearer ${accessToken}` };
    await app.inject({
      method: 'POST',
      url: '/api/sync/tickets/push',
      headers,
      payload: creations([aTicket({ id: 'tk-kept' })]),
    });
    const before = (await app.inject({ method: 'GET', url: '/api/sync/tickets/pull', headers })).json<PullResponse>();
    await app.close();
    await first.close();

    const second = await openDatabase({ dataDir });
    const again = await buildApp({ db: second, config: TEST_CONFIG });
    try {
      // The signing secret is in the database too: the token from before the restart still works.
      const after = (
        await again.inject({ method: 'GET', url: '/api/sync/tickets/pull', headers })
      ).json<PullResponse>();
      expect(after).toEqual(before);
      await again.inject({
        method: 'POST',
        url: '/api/sync/tickets/push',
        headers,
        payload: creations([aTicket({ id: 'tk-new' })]),
      });
      const next = (
        await again.inject({
          method: 'GET',
          url: `/api/sync/tickets/pull?seq=${before.checkpoint?.seq}&id=${before.checkpoint?.id}`,
          headers,
        })
      ).json<PullResponse>();
      expect(next.documents.map((d) => d.id)).toEqual(['tk-new']);
      expect(next.checkpoint?.seq).toBeGreaterThan(before.checkpoint?.seq ?? Infinity);
    } finally {
      await again.close();
      await second.close();
    }
  });

  it('refuses a second server on a data directory in use', async () => {
    const dataDir = tempDir();
    const server = await startServerProcess({ ...pglite(dataDir), ...ADMIN });
    try {
      const second = await runCli(
        ['user', 'add', '--email', 'x@test.fr', '--name', 'X', '--role', 'lead'],
        pglite(dataDir),
      );
      expect(second.code).toBe(1);
      expect(second.output).toMatch(new RegExp(`DATA_DIR .* is in use by process ${server.child.pid}`));
    } finally {
      await server.stop();
    }
  });
});

describe('npm run server', { timeout: 60_000 }, () => {
  it('stops gracefully on SIGTERM, ending streams, and starts again on the same data', async () => {
    const dataDir = tempDir();
    const server = await startServerProcess({ ...pglite(dataDir), ...ADMIN });
    const { accessToken } = await login(server.url, ADMIN.CADRAN_ADMIN_EMAIL, ADMIN.CADRAN_ADMIN_PASSWORD);
    const push = await fetch(`${server.url}/api/sync/tickets/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(creations([aTicket({ id: 'tk-survives' })])),
    });
    expect(push.status).toBe(200);
    const stream = await openStream(server.url, accessToken);
    await stream.waitFor((m) => m[0] === 'RESYNC');

    expect(await server.stop('SIGTERM')).toBe(0);
    await stream.ended;
    expect(existsSync(path.join(dataDir, 'server.pid'))).toBe(false);

    const restarted = await startServerProcess({ ...pglite(dataDir), ...ADMIN });
    try {
      const { accessToken: again } = await login(restarted.url, ADMIN.CADRAN_ADMIN_EMAIL, ADMIN.CADRAN_ADMIN_PASSWORD);
      const pull = await fetch(`${restarted.url}/api/sync/tickets/pull`, {
        headers: { authorization: `Bearer ${again}` },
      });
      expect(((await pull.json()) as PullResponse).documents.map((d) => d.id)).toEqual(['tk-survives']);
    } finally {
      expect(await restarted.stop('SIGINT')).toBe(0);
    }
  });

  it('prints a generated admin password once, on the first start only', async () => {
    const dataDir = tempDir();
    const first = await startServerProcess(pglite(dataDir));
    await first.stop();
    const printed = /created the admin admin@cadran\.local with the password (\S+)/.exec(first.output());
    expect(printed?.[1]).toBeDefined();
    const second = await startServerProcess(pglite(dataDir));
    try {
      expect(second.output()).not.toMatch(/password/);
      await login(second.url, 'admin@cadran.local', printed?.[1] ?? '');
    } finally {
      await second.stop();
    }
  });

  it('adds a user from the command line, generating a password when none is given', async () => {
    const dataDir = tempDir();
    const added = await runCli(
      ['user', 'add', '--email', 'Nina.Tech@test.fr', '--name', 'Nina Tech', '--role', 'technician'],
      pglite(dataDir),
    );
    expect(added.code).toBe(0);
    expect(added.output).toMatch(/Created technician Nina Tech <nina\.tech@test\.fr>/);
    const password = /Password \(shown once\): (\S+)/.exec(added.output)?.[1] ?? '';
    const badRole = await runCli(
      ['user', 'add', '--email', 'b@test.fr', '--name', 'B', '--role', 'boss'],
      pglite(dataDir),
    );
    expect(badRole.code).toBe(1);
    expect(badRole.output).toMatch(/--role: /);
    const unknownOption = await runCli(['user', 'add', '--mail', 'b@test.fr'], pglite(dataDir));
    expect(unknownOption.output).toMatch(/unknown option --mail/);

    const server = await startServerProcess({ ...pglite(dataDir), ...ADMIN });
    try {
      expect((await login(server.url, 'nina.tech@test.fr', password)).user).toMatchObject({
        name: 'Nina Tech',
        role: 'technician',
      });
    } finally {
      await server.stop();
    }
  });
});
