/**
 * A pull page is bounded by bytes as well as by count (docs/server.md "Limits"): large
 * documents make short pages marked `truncated`, a page always holds at least one document, and
 * following the checkpoints still delivers everything exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../shared/schemas';
import { PULL_LIMIT_MAX, PULL_PAGE_MAX_BYTES, type Checkpoint, type PullResponse } from '../../shared/sync';
import { BACKENDS } from './support/databases';
import { aTicket } from './support/documents';
import { creations, startTestServer, type TestServer } from './support/server';

const at = '2026-03-02T09:00:00.000Z';

/** A schema-valid ticket of about `kilobytes` kB, its history carrying the text. */
function heavyTicket(id: string, kilobytes: number): Ticket {
  const entries = Math.ceil(kilobytes / 19);
  const history = Array.from({ length: entries }, () => ({
    at,
    by: 'u-1',
    kind: 'edit' as const,
    field: 'description',
    from: 'a'.repeat(9_500),
    to: 'b'.repeat(9_500),
  }));
  return aTicket({ id, reference: id, history });
}

async function pullEverything(server: TestServer, limit: number) {
  const pages: PullResponse[] = [];
  let checkpoint: Checkpoint | null = null;
  for (;;) {
    const response = await server.pull('lead', 'tickets', checkpoint, limit);
    expect(response.statusCode).toBe(200);
    const page = response.json<PullResponse>();
    pages.push(page);
    if (page.documents.length === 0) return pages;
    checkpoint = page.checkpoint;
  }
}

describe.each(BACKENDS)('pull pages bounded by bytes on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { config: { bodyLimit: 2 * 1024 * 1024 } });
  });
  afterAll(() => server.close());

  it(`cuts a page of 5000 at ${PULL_PAGE_MAX_BYTES / 1024 / 1024} MiB of documents and says so`, async () => {
    // 18 documents of about 950 kB: 17 MB, over the page bound.
    const ids = Array.from({ length: 18 }, (_, i) => `tk-heavy-${String(i).padStart(2, '0')}`);
    for (const id of ids)
      expect((await server.push('lead', 'tickets', creations([heavyTicket(id, 950)]))).statusCode).toBe(200);

    const first = await server.pull('lead', 'tickets', null, PULL_LIMIT_MAX);
    expect(first.statusCode).toBe(200);
    expect(first.body.length).toBeLessThanOrEqual(PULL_PAGE_MAX_BYTES + 1024);
    const page = first.json<PullResponse>();
    expect(page.truncated).toBe(true);
    expect(page.documents.length).toBeGreaterThan(10);
    expect(page.documents.length).toBeLessThan(18);

    const pages = await pullEverything(server, PULL_LIMIT_MAX);
    expect(pages.flatMap((p) => p.documents.map((d) => d.id))).toEqual(ids);
    expect(pages.at(-2)?.truncated).toBeUndefined();
  });
});

describe.each(BACKENDS)('a small page bound on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { config: { pullPageBytes: 4096 } });
  });
  afterAll(() => server.close());

  it('always sends at least one document, and every document once across pages', async () => {
    const big = heavyTicket('tk-big', 40);
    const small = Array.from({ length: 30 }, (_, i) =>
      aTicket({ id: `tk-s-${String(i).padStart(2, '0')}`, reference: `S-${i}` }),
    );
    await server.push('lead', 'tickets', creations([big]));
    await server.push('lead', 'tickets', creations(small));
    const pages = await pullEverything(server, 100);
    expect(pages[0]?.documents.map((d) => d.id)).toEqual(['tk-big']);
    expect(pages[0]?.truncated).toBe(true);
    const ids = pages.flatMap((p) => p.documents.map((d) => d.id));
    expect(ids).toEqual(['tk-big', ...small.map((t) => t.id)]);
    for (const p of pages.slice(1, -2)) {
      expect(p.truncated).toBe(true);
      expect(JSON.stringify(p.documents).length).toBeLessThanOrEqual(4096 + 2000);
    }
  });
});
