/**
 * Scale-out (needs DATABASE_URL): two server processes on one PostgreSQL database — a child
 * process running `server/main.ts` and an in-process app — share tokens, and each streams the
 * other's writes through LISTEN/NOTIFY.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../shared/sync';
import { createPostgresDatabase, POSTGRES_URL } from './support/databases';
import { aTicket } from './support/documents';
import { type ServerProcess, startServerProcess } from './support/process';
import { creations, PASSWORD, startTestServer, type TestServer } from './support/server';
import { openStream, streamedIds } from './support/sse';
import { openDatabase } from '../../server/db/open';

describe.skipIf(!POSTGRES_URL)('two server processes on one PostgreSQL', { timeout: 60_000 }, () => {
  let drop: () => Promise<void>;
  let child: ServerProcess;
  let local: TestServer;
  let localUrl: string;
  let database: Awaited<ReturnType<typeof openDatabase>>;

  beforeAll(async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    database = await openDatabase({ databaseUrl: created.url });
    local = await startTestServer('postgres', {
      database: { db: database, url: created.url, dispose: async () => undefined },
    });
    localUrl = await local.listen();
    child = await startServerProcess({
      DATABASE_URL: created.url,
      CADRAN_ADMIN_EMAIL: 'root@test.fr',
      CADRAN_ADMIN_PASSWORD: 'root password 123',
    });
  });
  afterAll(async () => {
    await child?.stop();
    await local?.close();
    await database?.close();
    await drop?.();
  });

  const pushTo = (url: string, token: string, id: string) =>
    fetch(`${url}/api/sync/tickets/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(creations([aTicket({ id })])),
    });

  it('accepts on one process the tokens the other issued (one shared secret in the database)', async () => {
    const response = await fetch(`${child.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: local.users.tech.email, password: PASSWORD }),
    });
    const { accessToken } = (await response.json()) as LoginResponse;
    const pull = await local.app.inject({
      method: 'GET',
      url: '/api/sync/tickets/pull',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(pull.statusCode).toBe(200);
  });

  it('streams a write made on either process to the subscribers of the other', async () => {
    const token = await local.token('tech');
    const onChild = await openStream(child.url, token);
    const onLocal = await openStream(localUrl, token);
    await onChild.waitFor((m) => m[0] === 'RESYNC');
    await onLocal.waitFor((m) => m[0] === 'RESYNC');

    expect((await pushTo(localUrl, await local.token('lead'), 'tk-from-local')).status).toBe(200);
    await onChild.waitFor((m) => streamedIds(m, 'tickets').includes('tk-from-local'));
    expect((await pushTo(child.url, await local.token('lead'), 'tk-from-child')).status).toBe(200);
    await onLocal.waitFor((m) => streamedIds(m, 'tickets').includes('tk-from-child'));
    // Both processes stream both writes, in the same order.
    await onChild.waitFor((m) => streamedIds(m, 'tickets').includes('tk-from-child'));
    await onLocal.waitFor((m) => streamedIds(m, 'tickets').includes('tk-from-local'));
    expect(streamedIds(onChild.messages, 'tickets')).toEqual(streamedIds(onLocal.messages, 'tickets'));
    onChild.close();
    onLocal.close();
  });

  it('keeps streaming after the listening connections were cut, catching up on what it missed', async () => {
    const token = await local.token('tech');
    const onChild = await openStream(child.url, token);
    const onLocal = await openStream(localUrl, token);
    await onChild.waitFor((m) => m[0] === 'RESYNC');
    await onLocal.waitFor((m) => m[0] === 'RESYNC');
    const cut = await database.orm.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'LISTEN%'`,
    );
    expect((cut as unknown as { rows: unknown[] }).rows).toHaveLength(2);
    // Written while nobody listens: the NOTIFY is lost, the reconnect re-reads after the cursor.
    expect((await pushTo(localUrl, await local.token('lead'), 'tk-during-cut')).status).toBe(200);
    await onChild.waitFor((m) => streamedIds(m, 'tickets').includes('tk-during-cut'), 10_000);
    await onLocal.waitFor((m) => streamedIds(m, 'tickets').includes('tk-during-cut'), 10_000);
    onChild.close();
    onLocal.close();
  });
});
