/**
 * Client accounts for server tests: created in the database like `user add` would (a chosen
 * password, so no one-time password to change), signed in, and the wire protocol spoken with
 * their token rather than one of the four test users'.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { CollectionName } from '../../../shared/schemas';
import type { AuthUser, Checkpoint, LoginResponse, PullResponse, PushRow, WireDocument } from '../../../shared/sync';
import { createUser } from '../../../server/services/users';
import { PASSWORD, type TestServer } from './server';

export type Account = { user: AuthUser; token: string };

export async function addClientAccount(
  server: TestServer,
  clientIds: string[],
  email: string,
  name = 'Claire Cliente',
): Promise<Account> {
  const user = await createUser(server.db, { email, name, role: 'client', clientIds, password: PASSWORD }, 'server');
  return { user, token: await loginToken(server, email) };
}

export async function loginToken(server: TestServer, email: string, password = PASSWORD): Promise<string> {
  const response = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login ${email}: ${response.statusCode} ${response.body}`);
  return response.json<LoginResponse>().accessToken;
}

export function pullAs(
  server: TestServer,
  token: string,
  collection: string,
  after: Checkpoint | null = null,
  limit = 1000,
): Promise<LightMyRequestResponse> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (after) {
    query.set('seq', String(after.seq));
    query.set('id', after.id);
  }
  return server.app.inject({
    method: 'GET',
    url: `/api/sync/${collection}/pull?${query.toString()}`,
    headers: { authorization: `Bearer ${token}` },
  });
}

/** Every page to the end; `limit` small to exercise pages filtered before the limit. */
export async function pullAllAs(
  server: TestServer,
  token: string,
  collection: CollectionName,
  limit = 1000,
): Promise<WireDocument[]> {
  const documents: WireDocument[] = [];
  let checkpoint: Checkpoint | null = null;
  for (;;) {
    const response = await pullAs(server, token, collection, checkpoint, limit);
    if (response.statusCode !== 200) throw new Error(`pull ${collection}: ${response.statusCode} ${response.body}`);
    const page = response.json<PullResponse>();
    documents.push(...page.documents);
    if (page.documents.length === 0) return documents;
    checkpoint = page.checkpoint;
  }
}

export function pushAs(
  server: TestServer,
  token: string,
  collection: string,
  rows: PushRow[] | unknown,
): Promise<LightMyRequestResponse> {
  return server.app.inject({
    method: 'POST',
    url: `/api/sync/${collection}/push`,
    headers: { authorization: `Bearer ${token}` },
    payload: rows as object,
  });
}
