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

const BITS = 13;
const BUCKETS = 1 << BITS;

/** Compares ids by UTF-16 code units. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The indices `0..count-1` ordered by `atMs[i]`, then `ids[i]`.
 * ledgerOrder(Float64Array.of(30, 10, 10), ['c', 'b', 'a'], 3) → [2, 1, 0].
 */
export function ledgerOrder(atMs: Float64Array, ids: readonly string[], count: number): Int32Array {
  let order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  if (count < 2) return order;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const value = atMs[i] ?? 0;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  // Keys relative to the earliest instant: integers in 0..2^53, one 13-bit digit per pass.
  let scratch = new Int32Array(count);
  const counts = new Int32Array(BUCKETS);
  for (let divisor = 1; divisor <= max - min; divisor *= BUCKETS) {
    counts.fill(0);
    for (let i = 0; i < count; i++) {
      const digit = Math.floor(((atMs[i] ?? 0) - min) / divisor) % BUCKETS;
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
      const digit = Math.floor(((atMs[index] ?? 0) - min) / divisor) % BUCKETS;
      scratch[counts[digit] ?? 0] = index;
      counts[digit] = (counts[digit] ?? 0) + 1;
    }
    [order, scratch] = [scratch, order];
  }
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
