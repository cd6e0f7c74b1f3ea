/**
 * An index from document id to position, for joining a contract's documents by id in the ledger.
 *
 * It is an open-addressing hash table in typed arrays (FNV-1a over the id's UTF-16 code units,
 * linear probing, the full 32-bit hash kept beside each slot so a probe compares numbers and only
 * reads an id string when the hashes are equal). A ledger joins 100,000 interventions to their
 * tickets on every push; the same join through `Map<string, …>` costs several times more here
 * because every insertion grows and rehashes an object table on the JavaScript heap.
 */

const EMPTY = -1;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

export class IdIndex {
  /** Ids by position; allocated once at capacity (growing it by push re-copies it a dozen times). */
  readonly #ids: string[];
  #size = 0;
  readonly #slots: Int32Array;
  readonly #hashes: Int32Array;
  readonly #mask: number;

  /** An index for up to `capacity` ids (the table is sized for a load of at most one half). */
  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.#slots = new Int32Array(size).fill(EMPTY);
    this.#hashes = new Int32Array(size);
    this.#mask = size - 1;
    this.#ids = new Array<string>(capacity);
  }

  get size(): number {
    return this.#size;
  }

  /** Adds `id` as the next position and returns it, or returns the earlier position of an id already there (as −1 − position). */
  add(id: string): number {
    if (this.#size >= this.#ids.length) throw new RangeError('IdIndex: capacity exceeded');
    const hash = fnv1a(id);
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const at = this.#slots[slot] ?? EMPTY;
      if (at === EMPTY) {
        const position = this.#size++;
        this.#slots[slot] = position;
        this.#hashes[slot] = hash;
        this.#ids[position] = id;
        return position;
      }
      if (this.#hashes[slot] === hash && this.#ids[at] === id) return -1 - at;
    }
  }

  /** The position of `id`, or −1. */
  find(id: string): number {
    const hash = fnv1a(id);
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const at = this.#slots[slot] ?? EMPTY;
      if (at === EMPTY) return -1;
      if (this.#hashes[slot] === hash && this.#ids[at] === id) return at;
    }
  }
}
