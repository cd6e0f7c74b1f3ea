/**
 * A password change ends every other session of the account (docs/server.md, "Client
 * accounts"), even one whose refresh is under way at that instant (needs DATABASE_URL: two
 * transactions on a pool of PostgreSQL connections). The refresh's critical section — its
 * family's lock held, the successor token inserted but not committed — is held open here on
 * purpose, so the test does not depend on hitting a window of a few milliseconds.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/database';
import { createRefreshTokens, lockFamily } from '../../server/services/refresh-tokens';
import { POSTGRES_URL } from './support/databases';
import { startTestServer, type TestServer } from './support/server';

describe.skipIf(!POSTGRES_URL)('password change racing a refresh on pooled PostgreSQL', { timeout: 60_000 }, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('postgres', { poolSize: 4 });
  });
  afterAll(() => server.close());

  it('revokes a successor token that a refresh commits while the sessions are being ended', async () => {
    const tokens = createRefreshTokens(server.db.orm, 30, Date.now);
    const userId = server.users.tech.id;
    await tokens.issue(server.db.orm, userId);
    const [{ family } = { family: '' }] = await queryRows<{ family: string }>(
      server.db.orm,
      sql`select family from refresh_tokens where user_id = ${userId} and revoked_at is null`,
    );

    let revoking: Promise<void> | undefined;
    // A refresh in the middle of its rotation: family locked, successor inserted, not committed.
    await server.db.orm.transaction(async (tx) => {
      await lockFamily(tx, family);
      await tx.execute(sql`update refresh_tokens set used_at = now() where family = ${family}`);
      await tx.execute(sql`insert into refresh_tokens (token_hash, family, user_id, expires_at)
                           values ('successor', ${family}, ${userId}, now() + interval '30 days')`);
      // The password change ends the sessions now, on another connection.
      revoking = server.db.orm.transaction((other) => tokens.revokeUser(other, userId));
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await revoking;

    const alive = await queryRows<{ token: string }>(
      server.db.orm,
      sql`select token_hash as token from refresh_tokens where user_id = ${userId} and revoked_at is null`,
    );
    expect(alive).toEqual([]);
  });
});
