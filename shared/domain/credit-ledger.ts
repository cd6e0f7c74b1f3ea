/**
 * Credits with automatic renewal (domain.md §3.2, CP art. 7, CG art. 21.2).
 *
 * A base of B units is invoiced in advance at the effective date (block 1). Consumptions are
 * deducted in ledger order; "le renouvellement d'un crédit de base est automatique à épuisement
 * du solde": whenever the balance reaches 0 or below, one more base is added, as many times as
 * needed. Invariant: with total consumption C, blocks = floor(C / B) + 1 and
 * balance = blocks × B − C, always 1..B — a renewal happens at 0, not below it.
 *
 * The ledger is derived, never edited: the same consumptions in the same order give the same
 * blocks, and a renewal is identified by (contract, kind, block number) so it is invoiced once.
 */
import { BlockEvents } from './block-events';
import { checkArray, integerAtLeast } from './validate';

export type CreditState = { blocks: number; balance: number; renewalsAfter: number[] };

/**
 * creditState(16, [10, 6, 20]) → { blocks: 3, balance: 12, renewalsAfter: [1, 2] }:
 * 16 − 10 = 6; − 6 = 0 → renewal (16); − 20 = −4 → renewal (12).
 * creditState(16, [40]) → { blocks: 3, balance: 8, renewalsAfter: [0, 0] }: one consumption, two renewals.
 */
export function creditState(baseUnits: number, consumptions: readonly number[]): CreditState {
  integerAtLeast(baseUnits, 1, 'baseUnits');
  checkArray(consumptions, 'consumptions');
  let balance = baseUnits;
  let blocks = 1;
  const renewalsAfter: number[] = [];
  consumptions.forEach((units, index) => {
    integerAtLeast(units, 0, `consumptions[${index}]`);
    balance -= units;
    if (balance <= 0) {
      // Enough bases to bring the balance back to 1..base in one step (a big intervention may need several).
      const renewals = Math.floor(-balance / baseUnits) + 1;
      for (let k = 0; k < renewals; k++) renewalsAfter.push(index);
      blocks += renewals;
      balance += renewals * baseUnits;
    }
  });
  return { blocks, balance, renewalsAfter };
}

export type CreditBlock = {
  block: number;
  /** ISO instant: the effective date at 00:00 local for block 1, else the triggering intervention's end. */
  at: string;
  /** The intervention whose completion exhausted the balance; absent for block 1. */
  interventionId?: string;
  /** Unit price HT of the price step in force on the local day of `at`. */
  unitPrice: string;
  /** Units (or half-days) in the block: one base. */
  quantity: number;
};

export type CreditLedgerEntry = {
  interventionId: string;
  at: string;
  consumed: number;
  balanceAfter: number;
  /** The block the balance is in after this consumption. */
  block: number;
};

export type CreditLedger = {
  kind: 'ut' | 'half_day';
  base: number;
  consumed: number;
  blocks: number;
  balance: number;
  /**
   * Block 1 then every renewal, in order; (contractId, kind, block) identifies an invoice. Kept
   * per triggering intervention and made on demand (block-events.ts): `length`, `at(i)`,
   * iteration, `blocks(from, to)`, `map`, `slice`, `toArray()`.
   */
  blockEvents: BlockEvents;
  /** One entry per consumption, in ledger order. */
  entries: LedgerEntries;
};

/**
 * Consumptions already in ledger order (by end, then id), as parallel columns: the ledger of a
 * contract's whole history is built on every push, so no object is made per row until an entry.
 */
export type LedgerRows = {
  count: number;
  interventionIds: readonly string[];
  /** Canonical ISO instants of the ends. */
  at: readonly string[];
  atMs: Float64Array;
  units: Float64Array;
};

/**
 * The entries of a credit ledger, kept as columns beside the ledger rows they come from: a
 * contract's whole history is re-derived on every push and every screen, and one object per
 * consumption (nearly 100,000 on a long contract) cost more than the derivation itself. An entry
 * object is made only when read (`at`, iteration); the column readers make none.
 */
export class LedgerEntries implements Iterable<CreditLedgerEntry> {
  readonly length: number;
  readonly #rows: LedgerRows;
  /** Row (in `rows`) of each entry. */
  readonly #row: Int32Array;
  /** Balance after each entry: 1..base, and a base is at most 10,000 (contract schema). */
  readonly #balanceAfter: Int32Array;
  readonly #block: Int32Array;

  constructor(rows: LedgerRows, row: Int32Array, balanceAfter: Int32Array, block: Int32Array, length: number) {
    this.#rows = rows;
    this.#row = row;
    this.#balanceAfter = balanceAfter;
    this.#block = block;
    this.length = length;
  }

  /** The entry at `index` (negative counts from the end, as `Array.prototype.at`); undefined out of range. */
  at(index: number): CreditLedgerEntry | undefined {
    const i = index < 0 ? this.length + index : index;
    if (!Number.isInteger(i) || i < 0 || i >= this.length) return undefined;
    return {
      interventionId: this.interventionId(i),
      at: this.atOf(i),
      consumed: this.consumed(i),
      balanceAfter: this.#balanceAfter[i] ?? 0,
      block: this.#block[i] ?? 0,
    };
  }

  interventionId(index: number): string {
    return this.#rows.interventionIds[this.#row[index] ?? 0] ?? '';
  }

  /** Canonical ISO instant of the entry's intervention end. */
  atOf(index: number): string {
    return this.#rows.at[this.#row[index] ?? 0] ?? '';
  }

  /** UTC millis of the same instant. */
  atMs(index: number): number {
    return this.#rows.atMs[this.#row[index] ?? 0] ?? 0;
  }

  consumed(index: number): number {
    return this.#rows.units[this.#row[index] ?? 0] ?? 0;
  }

  *[Symbol.iterator](): Iterator<CreditLedgerEntry> {
    for (let i = 0; i < this.length; i++) yield this.at(i) as CreditLedgerEntry;
  }

  toArray(): CreditLedgerEntry[] {
    return Array.from(this);
  }
}

/**
 * Builds a credit ledger from consumptions in ledger order. `priceAt(atMs)` gives the unit price
 * in force at an instant; block 1 is invoiced at `start`. Rows consuming 0 make no entry.
 */
export function buildCreditLedger(
  kind: CreditLedger['kind'],
  base: number,
  rows: LedgerRows,
  start: { at: string; atMs: number },
  priceAt: (atMs: number) => string,
): CreditLedger {
  integerAtLeast(base, 1, kind === 'ut' ? 'contract.utBase' : 'contract.halfDayBase');
  const blockEvents = new BlockEvents(base);
  blockEvents.push(1, start.at, undefined, priceAt(start.atMs));
  const entryRow = new Int32Array(rows.count);
  const balanceAfter = new Int32Array(rows.count);
  const blockOf = new Int32Array(rows.count);
  let count = 0;
  let balance = base;
  let blocks = 1;
  let consumed = 0;
  for (let row = 0; row < rows.count; row++) {
    const units = rows.units[row] ?? 0;
    if (units === 0) continue;
    consumed += units;
    balance -= units;
    if (balance <= 0) {
      const interventionId = rows.interventionIds[row] ?? '';
      const at = rows.at[row] ?? '';
      const renewals = Math.floor(-balance / base) + 1;
      const unitPrice = priceAt(rows.atMs[row] ?? 0);
      blockEvents.push(renewals, at, interventionId, unitPrice);
      blocks += renewals;
      balance += renewals * base;
    }
    entryRow[count] = row;
    balanceAfter[count] = balance;
    blockOf[count] = blocks;
    count += 1;
  }
  const entries = new LedgerEntries(rows, entryRow, balanceAfter, blockOf, count);
  return { kind, base, consumed, blocks, balance, blockEvents, entries };
}

/**
 * What a consumption would do to a ledger: the balance after it and the renewals it triggers,
 * so the timer bar can warn before a renewal. renewalAhead({ base: 16, balance: 3 }, 5) →
 * { balanceAfter: 14, renewals: 1 }.
 */
export function renewalAhead(
  ledger: Pick<CreditLedger, 'base' | 'balance'>,
  units: number,
): { balanceAfter: number; renewals: number } {
  integerAtLeast(units, 0, 'units');
  const after = ledger.balance - units;
  if (after > 0) return { balanceAfter: after, renewals: 0 };
  const renewals = Math.floor(-after / ledger.base) + 1;
  return { balanceAfter: after + renewals * ledger.base, renewals };
}
