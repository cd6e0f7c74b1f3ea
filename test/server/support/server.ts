/**
 * A real server for a test: the app factory on a throwaway database, four users (admin, lead,
 * two technicians), a movable clock, and helpers that speak the wire protocol through
 * `inject` (or over a real socket once `listen` was called).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { CollectionName } from '../../../shared/schemas';
import {
  type AuthUser,
  type Checkpoint,
  type LoginResponse,
  PULL_PAGE_MAX_BYTES,
  type PullResponse,
  type PushRow,
  type WireDocument,
} from '../../../shared/sync';
import { type AppConfig, buildApp } from '../../../server/app';
import type { Database } from '../../../server/db/database';
import { createUser, findAccount } from '../../../server/services/users';
import { type BackendName, openTestDatabase, type TestDatabase } from './databases';

export const PASSWORD = 'correct horse battery';

export const TEST_CONFIG: AppConfig = {
  staticDir: '/nonexistent/renderer',
  logLevel: 'silent',
  jwtSecret: undefined,
  accessTokenTtlSeconds: 900,
  refreshTokenDays: 30,
  heartbeatMs: 15_000,
  bodyLimit: 1024 * 1024,
  trustProxy: false,
  pullPageBytes: PULL_PAGE_MAX_BYTES,
};

export type Who = 'admin' | 'lead' | 'tech' | 'tech2';
const PEOPLE: Record<Who, { name: string; role: AuthUser['role'] }> = {
  admin: { name: 'Alice Admin', role: 'admin' },
  lead: { name: 'Léa Lead', role: 'lead' },
  tech: { name: 'Théo Tech', role: 'technician' },
  tech2: { name: 'Tina Tech', role: 'technician' },
};

export type TestServer = {
  app: FastifyInstance;
  db: Database;
  users: Record<Who, AuthUser>;
  /** Moves the server clock forward (tokens and lockouts expire). */
  advanceClock(ms: number): void;
  now(): number;
  login(who: Who): Promise<LoginResponse>;
  /** A cached access token of that user. */
  token(who: Who): Promise<string>;
  pull(who: Who, collection: string, after?: Checkpoint | null, limit?: number): Promise<LightMyRequestResponse>;
  pullAll(who: Who, collection: CollectionName): Promise<WireDocument[]>;
  push(
    who: Who,
    collection: string,
    rows: PushRow[] | unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** Listens on an ephemeral port; resolves to the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
};

export async function startTestServer(
  backend: BackendName,
  options: {
    config?: Partial<AppConfig>;
    database?: TestDatabase;
    poolSize?: number;
    logStream?: { write(line: string): void };
    invoiceBacklogIntervalMs?: number;
  } = {},
): Promise<TestServer> {
  const database =
    options.database ?? (await openTestDatabase(backend, options.poolSize ? { poolSize: options.poolSize } : {}));
  let offset = 0;
  const now = () => Date.now() + offset;
  const app = await buildApp({
    db: database.db,
    config: { ...TEST_CONFIG, ...options.config },
    now,
    ...(options.logStream ? { logStream: options.logStream } : {}),
    ...(options.invoiceBacklogIntervalMs ? { invoiceBacklogIntervalMs: options.invoiceBacklogIntervalMs } : {}),
  });
  const users = {} as Record<Who, AuthUser>;
  for (const who of Object.keys(PEOPLE) as Who[]) {
    const existing = await findAccount(database.db.orm, { email: `${who}@test.fr` });
    users[who] = existing
      ? { id: existing.id, email: existing.email, name: existing.name, role: existing.role }
      : await createUser(database.db, { email: `${who}@test.fr`, password: PASSWORD, ...PEOPLE[who] }, 'server');
  }
  const tokens = new Map<Who, string>();

  const server: TestServer = {
    app,
    db: database.db,
    users,
    advanceClock: (ms) => {
      offset += ms;
    },
    now,
    async login(who) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: users[who].email, password: PASSWORD },
      });
      if (response.statusCode !== 200) throw new Error(`login ${who}: ${response.statusCode} ${response.body}`);
      return response.json<LoginResponse>();
    },
    async token(who) {
      const cached = tokens.get(who);
      if (cached) return cached;
      const { accessToken } = await server.login(who);
      tokens.set(who, accessToken);
      return accessToken;
    },
    async pull(who, collection, after = null, limit) {
      const query = new URLSearchParams();
      if (after) {
        query.set('seq', String(after.seq));
        query.set('id', after.id);
      }
      if (limit !== undefined) query.set('limit', String(limit));
      return app.inject({
        method: 'GET',
        url: `/api/sync/${collection}/pull?${query.toString()}`,
        headers: { authorization: `Bearer ${await server.token(who)}` },
      });
    },
    async pullAll(who, collection) {
      const documents: WireDocument[] = [];
      let checkpoint: Checkpoint | null = null;
      for (;;) {
        const response = await server.pull(who, collection, checkpoint, 1000);
        if (response.statusCode !== 200) throw new Error(`pull ${collection}: ${response.statusCode} ${response.body}`);
        const page = response.json<PullResponse>();
        documents.push(...page.documents);
        if (page.documents.length === 0) return documents;
        checkpoint = page.checkpoint;
      }
    },
    async push(who, collection, rows, headers = {}) {
      return app.inject({
        method: 'POST',
        url: `/api/sync/${collection}/push`,
        headers: { authorization: `Bearer ${await server.token(who)}`, ...headers },
        payload: rows as object,
      });
    },
    async listen() {
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      return address;
    },
    async close() {
      await app.close();
      if (!options.database) await database.dispose();
    },
  };
  return server;
}

/** Push rows creating documents (no assumed master state). */
export const creations = (documents: readonly object[]): PushRow[] =>
  documents.map((document) => ({
    assumedMasterState: null,
    newDocumentState: { ...(document as Record<string, unknown>), _deleted: false },
  }));

/** A push row replacing `previous` (as the server holds it) by `next`. */
export const update = (previous: object, next: object, deleted = false): PushRow => ({
  assumedMasterState: { ...(previous as Record<string, unknown>), _deleted: false },
  newDocumentState: { ...(next as Record<string, unknown>), _deleted: deleted },
});
