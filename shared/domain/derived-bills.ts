/**
 * The `billed` map of a contract ledger, made on demand. contractLedger measures every
 * intervention into typed columns to derive the credits; a bill object with its French
 * explanation is only made when someone reads it (`get`), and all of them when someone iterates.
 * The server, which recomputes the ledger on every push to find new renewal blocks, then pays for
 * none; a screen pays for the rows it shows. Reads see a normal, fully populated Map.
 */
import type { Contract, Equipment, Intervention, Ticket } from '../schemas';
import { type BilledIntervention, billFromFacts } from './billing';
import { COVERAGES } from './coverage';
import { type IdIndex } from './id-index';
import { type Seconds } from './types';

/** Per-intervention facts, indexed like `list`. */
export type LedgerFacts = {
  contract: Contract;
  list: readonly Intervention[];
  /** Tickets by position in `ticketIndex`, with the equipment each names (when known). */
  ticketIndex: IdIndex;
  ticketAt: Ticket[];
  equipmentAt: (Equipment | undefined)[];
  /** id → index in `list`, for every intervention (replaced ones included). */
  indexById: IdIndex;
  /** 1 when replaced by a correction: not billed, not counted. */
  replaced: Uint8Array;
  /** Index into COVERAGES. */
  coverage: Uint8Array;
  seconds: Float64Array;
  segments: Int32Array;
  /** Hotline allowance used on the ticket before this intervention, seconds. */
  allowanceBefore: Float64Array;
  /** Number of interventions billed (not replaced). */
  counted: number;
};

function makeBill(facts: LedgerFacts, index: number): BilledIntervention {
  const intervention = facts.list[index] as Intervention;
  const position = facts.ticketIndex.find(intervention.ticketId);
  return billFromFacts({
    contract: facts.contract,
    ticket: position >= 0 ? facts.ticketAt[position] : undefined,
    equipment: position >= 0 ? facts.equipmentAt[position] : undefined,
    intervention,
    worked: {
      seconds: (facts.seconds[index] ?? 0) as Seconds,
      segments: facts.segments[index] ?? 0,
      running: false,
      firstStartMs: undefined,
    },
    coverage: COVERAGES[facts.coverage[index] ?? 0] ?? 'ut',
    allowanceUsedBefore: facts.allowanceBefore[index] ?? 0,
    live: false,
  });
}

/** A Map of bills by intervention id that makes each bill on first read. */
export class DerivedBills extends Map<string, BilledIntervention> {
  #facts: LedgerFacts;
  #complete = false;

  constructor(facts: LedgerFacts) {
    super();
    this.#facts = facts;
  }

  override get size(): number {
    return this.#complete ? super.size : this.#facts.counted;
  }

  override has(id: string): boolean {
    if (this.#complete) return super.has(id);
    const index = typeof id === 'string' ? this.#facts.indexById.find(id) : -1;
    return index >= 0 && this.#facts.replaced[index] === 0;
  }

  override get(id: string): BilledIntervention | undefined {
    if (this.#complete || super.has(id)) return super.get(id);
    const index = typeof id === 'string' ? this.#facts.indexById.find(id) : -1;
    if (index < 0 || this.#facts.replaced[index] !== 0) return undefined;
    const bill = makeBill(this.#facts, index);
    super.set(id, bill);
    return bill;
  }

  /** Makes every bill, in the order of the interventions given to contractLedger. */
  #completeAll(): void {
    if (this.#complete) return;
    const made = new Map(super.entries());
    super.clear();
    const { list, replaced } = this.#facts;
    for (let index = 0; index < list.length; index++) {
      if (replaced[index] !== 0) continue;
      const id = (list[index] as Intervention).id;
      super.set(id, made.get(id) ?? makeBill(this.#facts, index));
    }
    this.#complete = true;
  }

  override entries(): MapIterator<[string, BilledIntervention]> {
    this.#completeAll();
    return super.entries();
  }

  override keys(): MapIterator<string> {
    this.#completeAll();
    return super.keys();
  }

  override values(): MapIterator<BilledIntervention> {
    this.#completeAll();
    return super.values();
  }

  override [Symbol.iterator](): MapIterator<[string, BilledIntervention]> {
    return this.entries();
  }

  override forEach(
    callback: (value: BilledIntervention, key: string, map: Map<string, BilledIntervention>) => void,
    thisArg?: unknown,
  ): void {
    this.#completeAll();
    super.forEach(callback, thisArg);
  }

  override set(id: string, bill: BilledIntervention): this {
    this.#completeAll();
    return super.set(id, bill);
  }

  override delete(id: string): boolean {
    this.#completeAll();
    return super.delete(id);
  }

  override clear(): void {
    this.#completeAll();
    super.clear();
  }
}
