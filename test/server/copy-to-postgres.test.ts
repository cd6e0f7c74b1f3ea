/** Moving a PGlite installation to PostgreSQL (needs DATABASE_URL). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse, PullResponse } from '../../shared/sync';
import { parseArgs } from '../../server/cli/args';
import { copyToPostgres } from '../../server/cli/copy-to-postgres';
import { openDatabase } from '../../server/db/open';
import { createPostgresDatabase, POSTGRES_URL } from './support/databases';
import { aTicket } from './support/documents';
import { creations, startTestServer, type TestServer } from './support/server';

describe.skipIf(!POSTGRES_URL)('copy-to-postgres', { timeout: 60_000 }, () => {
  let before: TestServer;
  let after: TestServer;
  let target: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    target = await createPostgresDatabase();
  });
  afterAll(async () => {
    await after?.close();
    await before?.close();
    await target?.drop();
  });

  it('moves documents with their seqs, accounts, sessions and the signing secret', async () => {
    before = await startTestServer('pglite');
    await before.push('lead', 'tickets', creations([aTicket({ id: 'tk-1' }), aTicket({ id: 'tk-2' })]));
    const session = await before.login('tech');
    const pulled = (await before.pull('tech', 'tickets')).json<PullResponse>();
    const lines: string[] = [];
    await copyToPostgres(before.db, parseArgs(['--to', target.url]), (line) => lines.push(line));
    expect(lines[0]).toMatch(/^Copied \d+ documents and \d+ device sessions/);

    const db = await openDatabase({ databaseUrl: target.url });
    // The test closes this database itself, at the end.
    after = await startTestServer('postgres', { database: { db, url: target.url, dispose: async () => undefined } });
    // A device keeps its access token, its refresh token and its checkpoint.
    const headers = { authorization: `Bearer ${session.accessToken}` };
    const again = await after.app.inject({ method: 'GET', url: '/api/sync/tickets/pull', headers });
    expect(again.json()).toEqual(pulled);
    const refreshed = await after.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    expect(refreshed.json<LoginResponse>().user.id).toBe(before.users.tech.id);
    await after.push('lead', 'tickets', creations([aTicket({ id: 'tk-3' })]));
    const next = (await after.pull('tech', 'tickets', pulled.checkpoint)).json<PullResponse>();
    expect(next.documents.map((d) => d.id)).toEqual(['tk-3']);
    await db.close();
  });

  it('refuses a target that already holds data', async () => {
    await expect(copyToPostgres(before.db, parseArgs(['--to', target.url]), () => undefined)).rejects.toThrow(
      'the target database is not empty',
    );
  });
});
