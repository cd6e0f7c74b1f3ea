import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../shared/sync';
import { queryRows } from '../../server/db/database';
import { bootstrapAdmin } from '../../server/services/users';
import { BACKENDS, openTestDatabase } from './support/databases';
import { PASSWORD, startTestServer, type TestServer } from './support/server';

describe.each(BACKENDS)('auth on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { config: { trustProxy: 1 } });
  });
  afterAll(() => server.close());

  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'POST', url, payload, headers });

  it('signs in with email and password and answers tokens and the user', async () => {
    const response = await post('/api/auth/login', { email: 'LEAD@test.fr ', password: PASSWORD });
    expect(response.statusCode).toBe(200);
    const body = response.json<LoginResponse>();
    expect(body.user).toEqual({ id: server.users.lead.id, name: 'Léa Lead', email: 'lead@test.fr', role: 'lead' });
    expect(body.accessToken.split('.')).toHaveLength(3);
    expect(body.refreshToken.length).toBeGreaterThanOrEqual(40);
  });

  it('stores argon2id hashes and refresh tokens only as digests', async () => {
    const { refreshToken } = await server.login('tech');
    const hashes = await queryRows<{ h: string }>(server.db.orm, sql`select password_hash as h from accounts`);
    expect(hashes.every((row) => row.h.startsWith('$argon2id$'))).toBe(true);
    const tokens = await queryRows<{ t: string }>(server.db.orm, sql`select token_hash as t from refresh_tokens`);
    expect(tokens.some((row) => row.t === refreshToken)).toBe(false);
    expect(tokens.every((row) => /^[0-9a-f]{64}$/.test(row.t))).toBe(true);
  });

  it('refuses a wrong password with 401 and the same answer as an unknown email', async () => {
    const wrong = await post(
      '/api/auth/login',
      { email: 'tech2@test.fr', password: 'not the password' },
      { 'x-forwarded-for': '10.0.0.1' },
    );
    const unknown = await post(
      '/api/auth/login',
      { email: 'nobody@test.fr', password: 'whatever' },
      { 'x-forwarded-for': '10.0.0.1' },
    );
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toEqual({ error: 'invalid_credentials', message: 'Wrong email or password.' });
  });

  it('names the missing field of a malformed login', async () => {
    const response = await post('/api/auth/login', { email: 'lead@test.fr' });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/^password:/);
  });

  it('rotates the refresh token and revokes the session when a rotated token is replayed', async () => {
    const first = await server.login('tech');
    const refreshed = await post('/api/auth/refresh', { refreshToken: first.refreshToken });
    expect(refreshed.statusCode).toBe(200);
    const second = refreshed.json<LoginResponse>();
    expect(second.user.id).toBe(server.users.tech.id);
    expect(second.refreshToken).not.toBe(first.refreshToken);

    const replay = await post('/api/auth/refresh', { refreshToken: first.refreshToken });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().message).toMatch(/already used/);
    // The replay ended the whole device session: the newest token is dead too.
    expect((await post('/api/auth/refresh', { refreshToken: second.refreshToken })).statusCode).toBe(401);
  });

  it('keeps other devices signed in when one device signs out', async () => {
    const laptop = await server.login('lead');
    const phone = await server.login('lead');
    const logout = await post('/api/auth/logout', { refreshToken: laptop.refreshToken });
    expect(logout.statusCode).toBe(204);
    expect((await post('/api/auth/refresh', { refreshToken: laptop.refreshToken })).statusCode).toBe(401);
    expect((await post('/api/auth/refresh', { refreshToken: phone.refreshToken })).statusCode).toBe(200);
  });

  it('answers 401 without a token, with a forged one, and once the access token has expired', async () => {
    const { accessToken } = await server.login('tech');
    const pull = (authorization?: string) =>
      server.app.inject({
        method: 'GET',
        url: '/api/sync/tickets/pull',
        headers: authorization ? { authorization } : {},
      });
    expect((await pull()).statusCode).toBe(401);
    expect((await pull(`Bearer ${accessToken.slice(0, -3)}abc`)).statusCode).toBe(401);
    expect((await pull(`Bearer ${accessToken}`)).statusCode).toBe(200);
    server.advanceClock(15 * 60_000 + 1000);
    const expired = await pull(`Bearer ${accessToken}`);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().message).toMatch(/expired/);
  });

  it('locks an account after 10 failures in 15 minutes, even for the right password, then lets it in again', async () => {
    const headers = { 'x-forwarded-for': '10.0.0.2' };
    for (let i = 0; i < 10; i++) {
      expect(
        (await post('/api/auth/login', { email: 'admin@test.fr', password: `guess ${i}` }, headers)).statusCode,
      ).toBe(401);
    }
    const locked = await post('/api/auth/login', { email: 'admin@test.fr', password: PASSWORD }, headers);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toBe('too_many_attempts');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Another account from another address is not affected.
    expect(
      (await post('/api/auth/login', { email: 'lead@test.fr', password: PASSWORD }, { 'x-forwarded-for': '10.0.0.3' }))
        .statusCode,
    ).toBe(200);

    server.advanceClock(retryAfter * 1000);
    expect((await post('/api/auth/login', { email: 'admin@test.fr', password: PASSWORD }, headers)).statusCode).toBe(
      200,
    );
  });

  it('limits one address to 50 failures in 15 minutes across accounts', async () => {
    const headers = { 'x-forwarded-for': '10.0.0.9' };
    for (let i = 0; i < 50; i++) {
      const response = await post('/api/auth/login', { email: `spray${i % 25}@test.fr`, password: 'guess' }, headers);
      expect(response.statusCode).toBe(401);
    }
    const blocked = await post('/api/auth/login', { email: 'tech2@test.fr', password: PASSWORD }, headers);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts the address the trusted proxy saw, whatever the client wrote before it in X-Forwarded-For', async () => {
    // One trusted hop: the load balancer appends the address it saw (203.0.113.7) to what came in.
    const spoofed = (i: number) => ({ 'x-forwarded-for': `198.51.100.${i % 250}, 203.0.113.7` });
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) {
      const response = await post('/api/auth/login', { email: `bypass${i}@test.fr`, password: 'guess' }, spoofed(i));
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 50)).toEqual(Array(50).fill(401));
    expect(statuses.slice(50)).toEqual(Array(20).fill(429));
  });

  it('names the field of a login holding a NUL, instead of failing in the database', async () => {
    const response = await post('/api/auth/login', { email: 'lead\u0000@test.fr', password: PASSWORD });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe('email: the text contains a NUL character (U+0000)');
    const surrogate = await post('/api/auth/refresh', { refreshToken: 'abc\uD800' });
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json().message).toMatch(/^refreshToken: the text contains a lone UTF-16 surrogate/);
  });

  it('ends a device session whose refresh token was not used for the refresh lifetime', async () => {
    const { refreshToken } = await server.login('lead');
    server.advanceClock(31 * 86_400_000);
    const response = await post('/api/auth/refresh', { refreshToken });
    expect(response.statusCode).toBe(401);
    expect(response.json().message).toMatch(/expired/);
  });

  it('never lets parallel guesses exceed the limit', async () => {
    const headers = { 'x-forwarded-for': '10.0.0.20' };
    const responses = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        post('/api/auth/login', { email: 'tech2@test.fr', password: `parallel ${i}` }, headers),
      ),
    );
    const failures = responses.filter((r) => r.statusCode === 401).length;
    expect(failures).toBeLessThanOrEqual(10);
    expect(responses.filter((r) => r.statusCode === 429).length).toBe(25 - failures);
  });
});

describe.each(BACKENDS)('first start on %s', (backend) => {
  it('creates the admin from the environment once, and generates a password when none is given', async () => {
    const given = await openTestDatabase(backend);
    try {
      expect(await bootstrapAdmin(given.db, 'Boss@Example.fr', 'a long password')).toEqual({
        email: 'boss@example.fr',
        password: 'a long password',
        generated: false,
      });
      expect(await bootstrapAdmin(given.db, 'other@example.fr', 'another password')).toBeNull();
    } finally {
      await given.dispose();
    }
    const generated = await openTestDatabase(backend);
    try {
      const admin = await bootstrapAdmin(generated.db, undefined, undefined);
      expect(admin?.generated).toBe(true);
      expect(admin?.password.length).toBeGreaterThanOrEqual(16);
      const users = await queryRows<{ doc: { role: string; email: string } }>(
        generated.db.orm,
        sql`select doc from documents where collection = 'users'`,
      );
      expect(users.map((row) => row.doc)).toMatchObject([{ role: 'admin', email: 'admin@cadran.local' }]);
    } finally {
      await generated.dispose();
    }
  });
});
