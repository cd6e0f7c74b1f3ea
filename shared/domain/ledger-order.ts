/**
 * Ledger order: by end instant, then id (domain.md §3.2). Every device must order the same
 * interventions the same way, so ties on the instant are broken by id, compared as UTF-16 code
 * units (JavaScript `<`), which needs no locale.
 *
 * A ledger sorts up to hundreds of thousands of entries on every push and screen, so the order is
 * computed as an index permutation with an LSD radix sort on the instants (three or four counting
 * passes of 13 bits, stable), then each run of equal instants is ordered by id. That is linear and
 * allocation-light where a comparison sort over objects costs ten times more.
 */

import { scratchInt32 } from './scratch';

const BITS = 13;
const BUCKETS = 1 << BITS;
const MASK = BUCKETS - 1;
/** 2^26: a key below 2^52 splits into two halves of two 13-bit digits each. */
const HALF = 2 ** (2 * BITS);

/** Compares ids by UTF-16 code units. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The indices `0..count-1` ordered by `atMs[i]`, then `ids[i]`.
 * ledgerOrder(Float64Array.of(30, 10, 10), ['c', 'b', 'a'], 3) → [2, 1, 0].
 */
export function ledgerOrder(atMs: Float64Array, ids: readonly string[], count: number): Int32Array {
  let order: Int32Array = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  if (count < 2) return order;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const value = atMs[i] ?? 0;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  // Instants are within years 0–9999 (about 2^48 ms apart at most); four digits cover 2^52.
  if (!(max - min < 2 ** 52)) throw new RangeError(`atMs: instants must lie within 2^52 ms of each other`);
  // Keys relative to the earliest instant: integers below 2^52, split once into two 26-bit
  // halves so each pass takes its 13-bit digit with integer shifts, not float division.
  const low = scratchInt32('ledgerOrder.low', count);
  const high = scratchInt32('ledgerOrder.high', count);
  for (let i = 0; i < count; i++) {
    const key = (atMs[i] ?? 0) - min;
    low[i] = key % HALF;
    high[i] = Math.floor(key / HALF);
  }
  let scratch = scratchInt32('ledgerOrder.scratch', count);
  const counts = scratchInt32('ledgerOrder.counts', BUCKETS);
  // One pass per 13-bit digit of the largest key, counted in exact integers.
  let passes = 0;
  for (let reach = 1; reach <= max - min; reach *= BUCKETS) passes++;
  for (let pass = 0; pass < passes; pass++) {
    const half = pass < 2 ? low : high;
    const shift = pass % 2 === 0 ? 0 : BITS;
    counts.fill(0);
    for (let i = 0; i < count; i++) {
      const digit = ((half[i] ?? 0) >>> shift) & MASK;
      counts[digit] = (counts[digit] ?? 0) + 1;
    }
    let position = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const size = counts[b] ?? 0;
      counts[b] = position;
      position += size;
    }
    for (let i = 0; i < count; i++) {
      const index = order[i] ?? 0;
      const digit = ((half[index] ?? 0) >>> shift) & MASK;
      scratch[counts[digit] ?? 0] = index;
      counts[digit] = (counts[digit] ?? 0) + 1;
    }
    [order, scratch] = [scratch, order];
  }
  // The result is the caller's: if the last pass left it in the reused buffer, copy it out.
  if (passes % 2 === 1) order = Int32Array.from(order);
  // Equal instants (rare): order each run by id.
  for (let start = 0; start < count;) {
    let end = start + 1;
    const at = atMs[order[start] ?? 0];
    while (end < count && atMs[order[end] ?? 0] === at) end++;
    if (end - start > 1) {
      const run = Array.from(order.subarray(start, end)).sort((a, b) => compareIds(ids[a] ?? '', ids[b] ?? ''));
      order.set(run, start);
    }
    start = end;
  }
  return order;
}
