/**
 * Property: whatever documents the clients have, a client account receives — by pull, in pages
 * of any size, and by stream — exactly the documents of its own clients it may read (the table
 * in server/services/client-scope.ts, evaluated in JS), never one of another client's.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, type CollectionName } from '../../shared/schemas';
import type { AuthUser } from '../../shared/sync';
import { clientMayRead } from '../../server/services/client-scope';
import { BACKENDS } from './support/databases';
import { aClient, aUser } from './support/documents';
import { type Account, addClientAccount, pullAllAs } from './support/client-accounts';
import { docOf, store } from './support/scoped-documents';
import { startTestServer, type TestServer } from './support/server';
import { openStream, type OpenStream, streamedIds } from './support/sse';

const CLIENTS = ['cl-0', 'cl-1', 'cl-2'];
/** Every non-empty group of the three clients: one account each. */
const GROUPS = [['cl-0'], ['cl-1'], ['cl-2'], ['cl-0', 'cl-1'], ['cl-1', 'cl-2'], ['cl-0', 'cl-2'], CLIENTS];
const GENERATED = COLLECTION_NAMES.filter((c) => c !== 'clients');

const generatedDoc = fc.record({
  collection: fc.constantFrom(...GENERATED),
  client: fc.constantFrom(...CLIENTS),
  internal: fc.boolean(),
});

describe.each(BACKENDS)('client scope property on %s', (backend) => {
  let server: TestServer;
  let url: string;
  let accounts: Account[];
  let streams: OpenStream[];
  let leadStream: OpenStream;
  /** Every generated document so far, by collection. */
  const written = new Map<CollectionName, Record<string, unknown>[]>(COLLECTION_NAMES.map((c) => [c, []]));
  /** cl-0 opens its vault to its accounts, cl-1 to every other account, cl-2 to nobody. */
  let vaultAccess: (clientId: string) => string[];

  beforeAll(async () => {
    server = await startTestServer(backend);
    url = await server.listen();
    await store(
      server,
      'clients',
      CLIENTS.map((id) => aClient({ id, code: id })),
    );
    accounts = [];
    for (const [i, group] of GROUPS.entries()) accounts.push(await addClientAccount(server, group, `c${i}@group.fr`));
    const ids = (pick: (a: Account, i: number) => boolean) => accounts.filter(pick).map((a) => a.user.id);
    const access: Record<string, string[]> = {
      'cl-0': [server.users.lead.id, ...ids((a) => a.user.clientIds?.includes('cl-0') ?? false)],
      'cl-1': [server.users.lead.id, ...ids((_, i) => i % 2 === 1)],
      'cl-2': [server.users.lead.id],
    };
    vaultAccess = (clientId) => access[clientId] ?? [];
    const clients = CLIENTS.map((id) => aClient({ id, code: id, vaultAccess: access[id] ?? [] }));
    await store(server, 'clients', clients);
    written.set('clients', clients);
    written.set('users', await server.pullAll('lead', 'users'));
    streams = await Promise.all(accounts.map((a) => openStream(url, a.token)));
    leadStream = await openStream(url, await server.token('lead'));
  }, 60_000);
  afterAll(async () => {
    for (const stream of [...streams, leadStream]) stream.close();
    await server.close();
  });

  const expected = (account: AuthUser, collection: CollectionName) =>
    (written.get(collection) ?? [])
      .filter((doc) => clientMayRead(account, collection, doc, vaultAccess))
      .map((doc) => String(doc.id))
      .sort();

  it('never hands a client account another client’s document, and hands it all of its own', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(generatedDoc, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 7 }),
        async (specs, limit) => {
          run++;
          const batch = new Map<CollectionName, Record<string, unknown>[]>();
          specs.forEach((spec, i) => {
            const doc = docOf(spec.collection, `${spec.collection.slice(0, 3)}-${run}-${i}`, spec.client, {
              internal: spec.internal,
            }) as Record<string, unknown>;
            batch.set(spec.collection, [...(batch.get(spec.collection) ?? []), doc]);
            written.get(spec.collection)?.push(doc);
          });
          for (const [collection, docs] of batch) await store(server, collection, docs);
          // Once the lead (who reads every collection and every vault here) has this run's last row
          // of each, every batch before it went out to every stream; a staff user written after
          // that reaches each stream after all of it (a socket delivers in order).
          for (const [collection, docs] of batch) {
            const last = String(docs[docs.length - 1]?.id);
            await leadStream.waitFor((m) => streamedIds(m, collection).includes(last));
          }
          const marker = aUser({ id: `u-marker-${run}`, email: `m${run}@test.fr`, role: 'technician' });
          await store(server, 'users', [marker]);
          written.get('users')?.push(marker);

          for (const [i, account] of accounts.entries()) {
            const stream = streams[i] as OpenStream;
            await stream.waitFor((m) => streamedIds(m, 'users').includes(marker.id));
            for (const collection of COLLECTION_NAMES) {
              const want = expected(account.user, collection);
              const pulled = (await pullAllAs(server, account.token, collection, limit))
                .map((d) => String(d.id))
                .sort();
              expect(pulled, `${account.user.clientIds?.join('+')} pulls ${collection}`).toEqual(want);
              const streamed = new Set(streamedIds(stream.messages, collection));
              const foreign = [...streamed].filter((id) => !want.includes(id));
              expect(foreign, `${account.user.clientIds?.join('+')} streamed ${collection}`).toEqual([]);
              for (const doc of batch.get(collection) ?? []) {
                expect(streamed.has(String(doc.id))).toBe(want.includes(String(doc.id)));
              }
            }
          }
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);
});
