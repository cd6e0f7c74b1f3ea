/**
 * Working memory reused from one ledger derivation to the next.
 *
 * A contract's ledger is re-derived over its whole history on every push and every screen, and
 * most of its typed columns live only for that one call. Allocating them afresh each time is
 * several megabytes of external memory per call for 100,000 interventions, which V8 pays back
 * in garbage collections. Reusing the same buffers avoids that.
 *
 * Invariants: a scratch array is valid only until the synchronous computation that asked for it
 * returns and must never be stored in a result; its contents are whatever the last call left, so
 * the caller writes every element it reads (or fills it first). Each use site has its own slot,
 * so two columns of one computation never share memory. The buffers keep the size of the largest
 * input seen.
 */
type Column = Float64Array | Int32Array;

const buffers = new Map<string, Column>();

function reused<T extends Column>(slot: string, length: number, kind: new (size: number) => T): T {
  let buffer = buffers.get(slot);
  if (!(buffer instanceof kind) || buffer.length < length) {
    // Headroom, so a contract that gains a few interventions does not reallocate.
    buffer = new kind(Math.ceil(length * 1.25) + 16);
    buffers.set(slot, buffer);
  }
  return buffer.subarray(0, length) as T;
}

/** A Float64Array of `length` from the reusable buffer of `slot`; its contents are stale. */
export function scratchFloat64(slot: string, length: number): Float64Array {
  return reused(slot, length, Float64Array);
}

/** An Int32Array of `length` from the reusable buffer of `slot`; its contents are stale. */
export function scratchInt32(slot: string, length: number): Int32Array {
  return reused(slot, length, Int32Array);
}
