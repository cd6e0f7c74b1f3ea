/**
 * The blocks of a credit ledger (block 1, then every renewal), kept as one group per
 * intervention that triggered renewals rather than one object per block. One intervention can
 * trigger many blocks (a long one on a small base: up to 176 on a 1-UT base, D-32), and a
 * ledger re-derived on every push must stay linear in the interventions, whatever the number of
 * blocks. A block object is made only when read (`at`, iteration, `map`, `slice`).
 */
import type { CreditBlock } from './credit-ledger';

export class BlockEvents implements Iterable<CreditBlock> {
  /** Number of blocks. */
  length = 0;
  readonly #quantity: number;
  readonly #first: number[] = [];
  readonly #count: number[] = [];
  readonly #at: string[] = [];
  readonly #interventionId: (string | undefined)[] = [];
  readonly #unitPrice: string[] = [];

  constructor(quantity: number) {
    this.#quantity = quantity;
  }

  /** Groups held (block 1, then one per triggering intervention): the memory is linear in this. */
  get groups(): number {
    return this.#first.length;
  }

  /** Appends `count` consecutive blocks sharing an instant, a trigger and a price (ledger order). */
  push(count: number, at: string, interventionId: string | undefined, unitPrice: string): void {
    this.#first.push(this.length + 1);
    this.#count.push(count);
    this.#at.push(at);
    this.#interventionId.push(interventionId);
    this.#unitPrice.push(unitPrice);
    this.length += count;
  }

  /** The block at `index` (0 is block 1; negative counts from the end); undefined out of range. */
  at(index: number): CreditBlock | undefined {
    const i = index < 0 ? this.length + index : index;
    if (!Number.isInteger(i) || i < 0 || i >= this.length) return undefined;
    return this.#make(this.#groupOf(i + 1), i + 1);
  }

  /** Blocks `from`..`to` (block numbers, inclusive), in order. */
  *blocks(from = 1, to = this.length): IterableIterator<CreditBlock> {
    const last = Math.min(to, this.length);
    let block = Math.max(1, from);
    if (block > last) return;
    for (let group = this.#groupOf(block); group < this.#first.length && block <= last; group++) {
      const end = Math.min(last, (this.#first[group] ?? 0) + (this.#count[group] ?? 0) - 1);
      for (; block <= end; block++) yield this.#make(group, block);
    }
  }

  [Symbol.iterator](): Iterator<CreditBlock> {
    return this.blocks();
  }

  toArray(): CreditBlock[] {
    return [...this.blocks()];
  }

  map<T>(fn: (block: CreditBlock, index: number) => T): T[] {
    const out: T[] = [];
    for (const block of this.blocks()) out.push(fn(block, out.length));
    return out;
  }

  /** As `Array.prototype.slice` over the blocks (indexes from 0, negative from the end). */
  slice(start = 0, end = this.length): CreditBlock[] {
    const norm = (i: number) => Math.max(0, Math.min(this.length, i < 0 ? this.length + i : i));
    const from = norm(start);
    const to = norm(end);
    return to > from ? [...this.blocks(from + 1, to)] : [];
  }

  /** The group holding block number `block` (binary search over the groups' first blocks). */
  #groupOf(block: number): number {
    let low = 0;
    let high = this.#first.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.#first[mid] ?? 0) <= block) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  #make(group: number, block: number): CreditBlock {
    const interventionId = this.#interventionId[group];
    return {
      block,
      at: this.#at[group] ?? '',
      ...(interventionId === undefined ? {} : { interventionId }),
      unitPrice: this.#unitPrice[group] ?? '',
      quantity: this.#quantity,
    };
  }
}
