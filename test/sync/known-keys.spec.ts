/**
 * The known-keys middleware (renderer/data/known-keys.ts) in real Chromium IndexedDB: bulk reads
 * answer exactly what IndexedDB holds, ask IndexedDB only for keys that exist, and stay right
 * when another tab of the same profile writes or a transaction aborts.
 */
import { expect, test, type Page } from '@playwright/test';
import { MIN_KEYS } from '../../renderer/data/known-keys';
import { startServer, type ServerProcess } from './support/server-process';

type Doc = { id: string; value: number };
type Probe = 'put' | 'putThenAbort' | 'bulkGet' | 'indexed';

let server: ServerProcess;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

function probe<T>(page: Page, fn: Probe, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    async ([name, params]) => {
      const target = (window as unknown as { cadranKnownKeys: Record<string, (...a: unknown[]) => Promise<unknown>> })
        .cadranKnownKeys;
      return (target[name as string] as (...a: unknown[]) => Promise<unknown>)(...(params as unknown[]));
    },
    [fn, args] as const,
  ) as Promise<T>;
}

async function tab(page: Page): Promise<Page> {
  await page.goto(server.url);
  await expect(page.locator('#status')).toHaveText('ready');
  return page;
}

const docs = (prefix: string, count: number, value = 1): Doc[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${String(i).padStart(4, '0')}`, value: value + i }));
const ids = (list: Doc[]) => list.map((doc) => doc.id);
/** Enough keys for a bulk read to use the key set. */
const BULK = MIN_KEYS;
const HALF = MIN_KEYS / 2;

test('a bulk read returns what IndexedDB holds and asks only for the keys that exist', async ({ page }) => {
  await tab(page);
  const stored = docs('a', HALF);
  await probe(page, 'put', 'kk-1', stored);
  const missing = ids(docs('zz', BULK));
  const wanted = [...missing.slice(0, HALF), ...ids(stored), ...missing.slice(HALF)];

  const { docs: read, gets } = await probe<{ docs: (Doc | null)[]; gets: number }>(page, 'bulkGet', 'kk-1', wanted);
  expect(read).toEqual([...Array(HALF).fill(null), ...stored, ...Array(BULK - HALF).fill(null)]);
  // One read of the token, then one get per existing key; the missing keys cost nothing.
  expect(gets).toBe(1 + stored.length);

  // A small read goes straight to IndexedDB, one get per key, found or not.
  const small = await probe<{ docs: (Doc | null)[]; gets: number }>(page, 'bulkGet', 'kk-1', ['a-0000', 'zz-0000']);
  expect(small).toEqual({ docs: [stored[0], null], gets: 2 });

  // The bookkeeping record is in no index and no query result.
  const seen = await probe<{ ids: string[]; count: number; indexCount: number }>(page, 'indexed', 'kk-1');
  expect(seen.ids).toEqual(ids(stored));
  expect(seen.indexCount).toBe(stored.length);
});

test('keys written since the last read, by this tab or another, are found', async ({ context }) => {
  const first = await tab(await context.newPage());
  const second = await tab(await context.newPage());
  const before = docs('b', BULK);
  await probe(first, 'put', 'kk-2', before);
  // The first tab now knows the 80 keys.
  await probe(first, 'bulkGet', 'kk-2', ids(before));

  const ownWrite = docs('c', 70);
  await probe(first, 'put', 'kk-2', ownWrite);
  const otherTab = docs('d', 70, 1000);
  await probe(second, 'put', 'kk-2', otherTab);

  const wanted = [...ids(before), ...ids(ownWrite), ...ids(otherTab), ...ids(docs('e', 10))];
  const { docs: read } = await probe<{ docs: (Doc | null)[] }>(first, 'bulkGet', 'kk-2', wanted);
  expect(read).toEqual([...before, ...ownWrite, ...otherTab, ...Array(10).fill(null)]);

  // And the other way round: the second tab sees the first tab's later writes.
  await probe(second, 'bulkGet', 'kk-2', wanted);
  const later = docs('f', BULK, 5000);
  await probe(first, 'put', 'kk-2', later);
  const { docs: seenBySecond } = await probe<{ docs: (Doc | null)[] }>(second, 'bulkGet', 'kk-2', ids(later));
  expect(seenBySecond).toEqual(later);
});

test('a write that aborts leaves no key behind, and later reads stay right', async ({ page }) => {
  await tab(page);
  const stored = docs('g', BULK);
  await probe(page, 'put', 'kk-3', stored);
  await probe(page, 'bulkGet', 'kk-3', ids(stored));

  const aborted = docs('h', HALF);
  expect(await probe(page, 'putThenAbort', 'kk-3', aborted)).toBe('aborted on purpose');
  const { docs: afterAbort } = await probe<{ docs: (Doc | null)[] }>(page, 'bulkGet', 'kk-3', [
    ...ids(stored),
    ...ids(aborted),
  ]);
  expect(afterAbort).toEqual([...stored, ...Array(HALF).fill(null)]);

  const next = docs('i', BULK);
  await probe(page, 'put', 'kk-3', next);
  const { docs: afterNext } = await probe<{ docs: (Doc | null)[] }>(page, 'bulkGet', 'kk-3', [
    ...ids(aborted),
    ...ids(next),
  ]);
  expect(afterNext).toEqual([...Array(HALF).fill(null), ...next]);
});
