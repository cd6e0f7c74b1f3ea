/**
 * An index from document id to position, for joining a contract's documents by id in the ledger.
 *
 * It is an open-addressing hash table in typed arrays (FNV-1a over the id's UTF-16 code units,
 * linear probing, the full 32-bit hash kept beside each slot so a probe compares numbers first).
 * A ledger joins 100,000 interventions to their tickets on every push; the same join through
 * `Map<string, …>` costs several times more here because every insertion grows and rehashes an
 * object table on the JavaScript heap.
 *
 * A successful probe must still compare the id itself (equal hashes prove nothing). An index that
 * is mostly probed with ids it holds — the tickets, once per intervention — copies its ids'
 * characters end to end into one array (`copyIds`): the original strings lie scattered across
 * the heap among their documents, and reading them was most of the join's time (a cache miss
 * per intervention). An index mostly filled and rarely probed keeps references to the strings.
 */

const EMPTY = -1;
/** Characters reserved per id at first; the array doubles when longer ids need more. */
const CHARS_PER_ID = 16;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

export class IdIndex {
  readonly #capacity: number;
  #size = 0;
  readonly #slots: Int32Array;
  readonly #hashes: Int32Array;
  readonly #mask: number;
  /** Without copyIds: the ids by position. */
  readonly #ids: string[] | undefined;
  /** With copyIds: id p is the code units #chars[#offsets[p] .. #offsets[p + 1]). */
  #chars: Uint16Array;
  readonly #offsets: Int32Array;

  /** An index for up to `capacity` ids (the table is sized for a load of at most one half). */
  constructor(capacity: number, options: { copyIds?: boolean } = {}) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.#capacity = capacity;
    this.#slots = new Int32Array(size).fill(EMPTY);
    this.#hashes = new Int32Array(size);
    this.#mask = size - 1;
    const copy = options.copyIds === true;
    this.#ids = copy ? undefined : new Array<string>(capacity);
    this.#chars = new Uint16Array(copy ? Math.max(CHARS_PER_ID, capacity * CHARS_PER_ID) : 0);
    this.#offsets = new Int32Array(copy ? capacity + 1 : 0);
  }

  get size(): number {
    return this.#size;
  }

  /** Adds `id` as the next position and returns it, or returns the earlier position of an id already there (as −1 − position). */
  add(id: string): number {
    if (this.#size >= this.#capacity) throw new RangeError('IdIndex: capacity exceeded');
    const hash = fnv1a(id);
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const at = this.#slots[slot] ?? EMPTY;
      if (at === EMPTY) {
        const position = this.#size++;
        this.#slots[slot] = position;
        this.#hashes[slot] = hash;
        this.#append(position, id);
        return position;
      }
      if (this.#hashes[slot] === hash && this.#equals(at, id)) return -1 - at;
    }
  }

  /** The position of `id`, or −1. */
  find(id: string): number {
    const hash = fnv1a(id);
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const at = this.#slots[slot] ?? EMPTY;
      if (at === EMPTY) return -1;
      if (this.#hashes[slot] === hash && this.#equals(at, id)) return at;
    }
  }

  #append(position: number, id: string): void {
    if (this.#ids !== undefined) {
      this.#ids[position] = id;
      return;
    }
    const from = this.#offsets[position] ?? 0;
    const to = from + id.length;
    if (to > this.#chars.length) {
      const grown = new Uint16Array(Math.max(to, this.#chars.length * 2));
      grown.set(this.#chars.subarray(0, from));
      this.#chars = grown;
    }
    const chars = this.#chars;
    for (let i = 0; i < id.length; i++) chars[from + i] = id.charCodeAt(i);
    this.#offsets[position + 1] = to;
  }

  #equals(position: number, id: string): boolean {
    if (this.#ids !== undefined) return this.#ids[position] === id;
    const from = this.#offsets[position] ?? 0;
    if ((this.#offsets[position + 1] ?? 0) - from !== id.length) return false;
    const chars = this.#chars;
    for (let i = 0; i < id.length; i++) if (chars[from + i] !== id.charCodeAt(i)) return false;
    return true;
  }
}
