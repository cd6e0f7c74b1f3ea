/**
 * Refresh-token reuse under true concurrency (needs DATABASE_URL): a server on a pool of
 * PostgreSQL connections receives several refreshes of one token at the same instant. One may
 * win; the others see a rotated token, which ends the device session — and then the winner's
 * new token must be dead too, whatever the timing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../shared/sync';
import { queryRows } from '../../server/db/database';
import { POSTGRES_URL } from './support/databases';
import { startTestServer, type TestServer } from './support/server';

const TRIES = 20;
const RACERS = 4;

describe.skipIf(!POSTGRES_URL)('refresh-token reuse racing on pooled PostgreSQL', { timeout: 120_000 }, () => {
  let server: TestServer;
  let url: string;
  beforeAll(async () => {
    server = await startTestServer('postgres', { poolSize: 10 });
    url = await server.listen();
  });
  afterAll(() => server.close());

  const refresh = async (refreshToken: string) => {
    const response = await fetch(`${url}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    return { status: response.status, body: (await response.json()) as LoginResponse & { message?: string } };
  };

  it(`leaves no session alive after ${RACERS} simultaneous refreshes of one token, ${TRIES} times in a row`, async () => {
    const survivors: number[] = [];
    for (let attempt = 0; attempt < TRIES; attempt++) {
      const { refreshToken } = await server.login('tech');
      const results = await Promise.all(Array.from({ length: RACERS }, () => refresh(refreshToken)));
      const won = results.filter((r) => r.status === 200);
      expect(won.length).toBeLessThanOrEqual(1);
      expect(results.filter((r) => r.status === 401)).toHaveLength(RACERS - won.length);
      for (const winner of won) {
        if ((await refresh(winner.body.refreshToken)).status === 200) survivors.push(attempt);
      }
    }
    expect(survivors).toEqual([]);
    // Every token of every raced family is revoked in the database.
    const alive = await queryRows<{ n: number }>(
      server.db.orm,
      sql`select count(*)::int as n from refresh_tokens r join accounts a on a.id = r.user_id
          where a.email = 'tech@test.fr' and r.revoked_at is null and r.used_at is null`,
    );
    expect(alive[0]?.n).toBe(0);
  });
});
