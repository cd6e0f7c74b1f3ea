import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, WireDocument } from '../../shared/sync';
import { queryRows } from '../../server/db/database';
import { BACKENDS } from './support/databases';
import { aTicket, anEquipment } from './support/documents';
import { creations, startTestServer, type TestServer, update } from './support/server';

describe.each(BACKENDS)('pull and push on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(() => server.close());

  const seqOf = async (collection: string, id: string) =>
    (
      await queryRows<{ seq: number }>(
        server.db.orm,
        sql`select seq::float8 as seq from documents where collection = ${collection} and id = ${id}`,
      )
    )[0]?.seq;

  it('reports the database it runs on in the health check', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({
      status: 'ok',
      db: backend,
    });
  });

  it('answers a first pull on an empty collection with no documents and a null checkpoint', async () => {
    const response = await server.pull('tech', 'equipment');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ documents: [], checkpoint: null });
  });

  it('pages documents in (seq, id) order strictly after the checkpoint, with _deleted', async () => {
    const items = Array.from({ length: 5 }, (_, i) => anEquipment({ id: `eq-page-${i}`, name: `Poste ${i}` }));
    expect((await server.push('tech', 'equipment', creations(items))).json()).toEqual([]);

    const first = (await server.pull('tech', 'equipment', null, 2)).json<PullResponse>();
    expect(first.documents).toHaveLength(2);
    expect(first.documents[0]).toEqual({ ...items.find((i) => i.id === first.documents[0]?.id), _deleted: false });
    const second = (await server.pull('tech', 'equipment', first.checkpoint, 2)).json<PullResponse>();
    const third = (await server.pull('tech', 'equipment', second.checkpoint, 2)).json<PullResponse>();
    const seen = [...first.documents, ...second.documents, ...third.documents].map((d) => d.id);
    expect(new Set(seen).size).toBe(5);
    expect(third.documents).toHaveLength(1);
    expect(third.checkpoint).toEqual({
      seq: await seqOf('equipment', String(third.documents[0]?.id)),
      id: third.documents[0]?.id,
    });

    // Nothing new: the given checkpoint comes back.
    const empty = (await server.pull('tech', 'equipment', third.checkpoint, 2)).json<PullResponse>();
    expect(empty).toEqual({ documents: [], checkpoint: third.checkpoint });
  });

  it('defaults to 100 documents a page and caps the limit at PULL_LIMIT_MAX', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      aTicket({ id: `tk-many-${String(i).padStart(3, '0')}`, reference: `T-${i}` }),
    );
    await server.push('tech', 'tickets', creations(many));
    expect((await server.pull('tech', 'tickets')).json<PullResponse>().documents).toHaveLength(100);
    expect((await server.pull('tech', 'tickets', null, 5000)).json<PullResponse>().documents).toHaveLength(120);
  });

  it('writes when the assumed state matches and returns the server version when it does not', async () => {
    const v1 = aTicket({ id: 'tk-cas', title: 'v1' });
    await server.push('tech', 'tickets', creations([v1]));
    const v2 = { ...v1, title: 'v2 from device A' };
    expect((await server.push('tech', 'tickets', [update(v1, v2)])).json()).toEqual([]);

    // Device B still believes v1 is the master: conflict, nothing written.
    const v2b = { ...v1, title: 'v2 from device B' };
    const conflict = await server.push('tech2', 'tickets', [update(v1, v2b)]);
    expect(conflict.statusCode).toBe(200);
    expect(conflict.json()).toEqual([{ ...v2, _deleted: false }]);

    // Creating a document that exists (no assumed state) is a conflict too.
    expect((await server.push('tech2', 'tickets', creations([v2b]))).json()).toEqual([{ ...v2, _deleted: false }]);
    const stored = (await server.pullAll('lead', 'tickets')).find((d) => d.id === 'tk-cas');
    expect(stored?.title).toBe('v2 from device A');
  });

  it('compares states by value, whatever the key order', async () => {
    const v1 = aTicket({ id: 'tk-order', title: 'v1' });
    await server.push('tech', 'tickets', creations([v1]));
    const reordered = Object.fromEntries(Object.entries({ ...v1, _deleted: false }).reverse());
    const response = await server.push('tech', 'tickets', [
      { assumedMasterState: reordered as WireDocument, newDocumentState: { ...v1, title: 'v2', _deleted: false } },
    ]);
    expect(response.json()).toEqual([]);
  });

  it('treats a push repeated byte for byte as a no-op: no new seq, no conflict', async () => {
    const v1 = aTicket({ id: 'tk-repeat', title: 'v1' });
    const body = [update(v1, { ...v1, title: 'v2' })];
    await server.push('tech', 'tickets', creations([v1]));
    expect((await server.push('tech', 'tickets', body)).json()).toEqual([]);
    const seq = await seqOf('tickets', 'tk-repeat');
    expect((await server.push('tech', 'tickets', body)).json()).toEqual([]);
    expect((await server.push('tech', 'tickets', creations([{ ...v1, title: 'v2' }]))).json()).toEqual([]);
    expect(await seqOf('tickets', 'tk-repeat')).toBe(seq);
  });

  it('deletes softly: the document comes back with _deleted true on the next pull', async () => {
    const doc = anEquipment({ id: 'eq-gone' });
    await server.push('tech', 'equipment', creations([doc]));
    const before = (await server.pull('tech', 'equipment', null, 1000)).json<PullResponse>();
    expect((await server.push('tech', 'equipment', [update(doc, doc, true)])).json()).toEqual([]);
    const after = (await server.pull('tech', 'equipment', before.checkpoint)).json<PullResponse>();
    expect(after.documents).toEqual([{ ...doc, _deleted: true }]);
    expect(await queryRows(server.db.orm, sql`select 1 from documents where id = 'eq-gone'`)).toHaveLength(1);
  });

  it('records the author and the server time of each version', async () => {
    await server.push('tech2', 'tickets', creations([aTicket({ id: 'tk-author' })]));
    const [row] = await queryRows<{ author: string; age: number }>(
      server.db.orm,
      sql`select author_id as author, extract(epoch from now() - server_time)::float8 as age from documents where id = 'tk-author'`,
    );
    expect(row?.author).toBe(server.users.tech2.id);
    expect(row?.age).toBeLessThan(60);
  });

  it('answers the clock skew on sync responses that sent the device clock', async () => {
    const deviceAhead = server.now() + 5 * 60_000;
    const response = await server.push('tech', 'tickets', [], { 'x-client-time': String(deviceAhead) });
    const skew = Number(response.headers['x-clock-skew-ms']);
    expect(skew).toBeGreaterThan(5 * 60_000 - 5000);
    expect(skew).toBeLessThanOrEqual(5 * 60_000);
    expect((await server.pull('tech', 'tickets')).headers['x-clock-skew-ms']).toBeUndefined();
  });
});
