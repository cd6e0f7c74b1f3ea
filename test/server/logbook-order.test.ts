/**
 * The main courante's order is the server's: every stored entry carries its `serverSeq`, in
 * the order the server accepted the entries, whatever the devices' clocks said; entries stored
 * before the stamp existed get it at start, in their old order, and reach devices again.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, WireDocument } from '../../shared/sync';
import { queryRows } from '../../server/db/database';
import { stampLegacyLogbook } from '../../server/services/logbook-order';
import { BACKENDS } from './support/databases';
import { aLogbookEntry } from './support/documents';
import { creations, startTestServer, type TestServer } from './support/server';

describe.each(BACKENDS)('main courante order on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(() => server.close());

  const entries = async () =>
    (await server.pullAll('lead', 'logbook')).filter((d) => String(d.clientId) === 'cl-order') as (WireDocument & {
      id: string;
      serverSeq?: number;
    })[];

  it('stamps each entry with the server’s sequence, in the order the server received them', async () => {
    const tech = server.users.tech.id;
    const lead = server.users.lead.id;
    // The technician's device clock is a day ahead: its entry still comes after the lead's.
    const first = aLogbookEntry({ id: 'lb-o-1', clientId: 'cl-order', authorId: lead, at: '2026-03-02T10:00:00.000Z' });
    const second = aLogbookEntry({
      id: 'lb-o-2',
      clientId: 'cl-order',
      authorId: tech,
      at: '2026-03-01T10:00:00.000Z',
    });
    expect((await server.push('lead', 'logbook', creations([first]))).json()).toEqual([]);
    expect((await server.push('tech', 'logbook', creations([second]))).json()).toEqual([]);
    const pulled = await entries();
    expect(pulled.map((d) => d.id)).toEqual(['lb-o-1', 'lb-o-2']);
    const [a, b] = pulled.map((d) => d.serverSeq ?? -1);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a ?? 0);
    // The device's time is kept as it wrote it.
    expect(pulled[1]?.at).toBe('2026-03-01T10:00:00.000Z');
  });

  it('answers a repeated creation with the stored entry, writing nothing', async () => {
    const entry = aLogbookEntry({ id: 'lb-o-3', clientId: 'cl-order', authorId: server.users.tech.id });
    await server.push('tech', 'logbook', creations([entry]));
    const stored = (await entries()).find((d) => d.id === 'lb-o-3');
    const again = await server.push('tech', 'logbook', creations([entry]));
    expect(again.json()).toEqual([stored]);
    expect((await entries()).find((d) => d.id === 'lb-o-3')).toEqual(stored);
  });

  it('stamps entries stored before the stamp existed, in their order, and hands them out again', async () => {
    // Two entries as an older server stored them: no serverSeq inside.
    for (const id of ['lb-legacy-1', 'lb-legacy-2']) {
      const doc = aLogbookEntry({ id, clientId: 'cl-order', authorId: server.users.tech.id });
      await server.db.orm.execute(
        sql`insert into documents (collection, id, seq, doc, deleted, author_id, server_time)
            values ('logbook', ${id}, nextval('document_seq'), ${JSON.stringify(doc)}::jsonb, false, 'old', now())`,
      );
    }
    const before = (await server.pull('lead', 'logbook', null, 1000)).json<PullResponse>();
    expect(await stampLegacyLogbook(server.db)).toBe(2);
    expect(await stampLegacyLogbook(server.db)).toBe(0);

    const after = (await server.pull('lead', 'logbook', before.checkpoint, 1000)).json<PullResponse>();
    expect(after.documents.map((d) => d.id)).toEqual(['lb-legacy-1', 'lb-legacy-2']);
    const seqs = after.documents.map((d) => Number(d.serverSeq));
    expect(seqs[1]).toBeGreaterThan(seqs[0] ?? 0);
    const unstamped = await queryRows<{ n: number }>(
      server.db.orm,
      sql`select count(*)::int as n from documents where collection = 'logbook' and not (doc ? 'serverSeq')`,
    );
    expect(unstamped[0]?.n).toBe(0);
  });
});
