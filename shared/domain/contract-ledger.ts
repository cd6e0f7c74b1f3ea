/**
 * The ledger of one contract, derived from its interventions alone (domain.md §3.2).
 *
 * 1. Interventions replaced by a correction (another one with `correctionOf` = their id) are
 *    dropped; the correction counts instead. The same id twice is refused (it would bill twice).
 * 2. Each remaining intervention is billed (§3.1). The hotline allowance of a ticket is consumed
 *    by its hotline/telemaintenance interventions in order of first segment start, then id.
 * 3. Only completed interventions count in the credits, in order of `completedAt` (as an instant,
 *    not as text: offsets are allowed), then id. So every device that holds the same
 *    interventions reaches the same balances and block numbers, whatever order they synced in.
 *
 * The server runs this over a contract's whole history on every push. So each intervention is
 * read once into typed columns, the ledger order is a radix sort (ledger-order.ts), and bill
 * objects are made only when read (derived-bills.ts): the one object made per intervention is its
 * ledger entry.
 */
import type { Contract, Equipment, Intervention, Ticket } from '../schemas';
import { type BillNumbers, type BilledIntervention, billNumbers } from './billing';
import { calendarDay, dayNumberOf, localDay } from './calendar';
import { contractCalendar } from './contract-calendar';
import { checkContract } from './contract-check';
import { priceInForce } from './contract-term';
import {
  COVERAGES,
  COVERAGE_KEYS,
  TICKET_COVERAGE_KEYS,
  coverageCode,
  coverageKey,
  coverageOf,
  ticketCoverageKey,
} from './coverage';
import { type CreditLedger, type LedgerRows, buildCreditLedger } from './credit-ledger';
import { DerivedBills, type LedgerFacts } from './derived-bills';
import { IdIndex } from './id-index';
import { compareIds, ledgerOrder } from './ledger-order';
import { scratchFloat64, scratchInt32 } from './scratch';
import { HOTLINE_ALLOWANCE_SECONDS, type Seconds } from './types';
import { type WorkedTime, measureInto } from './units';
import { checkArray, checkDay, isoMillis, parseInstant } from './validate';

export type ContractLedger = {
  /** Every intervention that counts (not replaced), completed or not, by id. */
  billed: Map<string, BilledIntervention>;
  ut: CreditLedger;
  /** null when the contract has no half-day base. */
  halfDays: CreditLedger | null;
};

const HOTLINE_ALLOWANCE = coverageCode('hotline_allowance');

/**
 * LedgerFacts (kept by the bills made on demand) and the working columns of one derivation.
 * firstStart, completedMs, trips, allowanceTicket, utConsumed and halfDaysConsumed are reused
 * memory (scratch.ts): written for every intervention before being read, and read by nothing
 * once contractLedger returns.
 */
type Columns = LedgerFacts & {
  firstStart: Float64Array;
  completedMs: Float64Array;
  /** completedAt as a canonical UTC ISO string (as stored, or normalized when it had an offset). */
  completedIso: string[];
  ids: string[];
  trips: Int32Array;
  utConsumed: Float64Array;
  halfDaysConsumed: Float64Array;
  /** Per intervention under the hotline allowance: its ticket's position (unknown tickets get extra ones); else −1. */
  allowanceTicket: Int32Array;
  /** Number of ticket positions used in allowanceTicket. */
  allowanceTickets: number;
};

/**
 * Bills every intervention of one contract and derives its UT and half-day ledgers.
 * A contract with a 16 UT base and completed interventions of 10, 6 and 20 UT →
 * ut: { blocks: 3, balance: 12, blockEvents: [block 1 at the effective date, 2 after the 6, 3 after the 20] }.
 */
export function contractLedger(input: {
  contract: Contract;
  tickets: readonly Ticket[];
  equipment: readonly Equipment[];
  interventions: readonly Intervention[];
}): ContractLedger {
  const { contract } = input;
  checkContract(contract);
  checkArray(input.tickets, 'tickets');
  checkArray(input.equipment, 'equipment');
  checkArray(input.interventions, 'interventions');
  const calendar = contractCalendar(contract);
  const columns = measure(contract, input);
  allocateHotlineAllowance(columns);

  const { ut, halfDays } = ledgerRows(columns);
  // Block 1 is invoiced at the effective date, 00:00 in the contract's time zone.
  const startMs = calendarDay(calendar, dayNumberOf(checkDay(contract.startDate, 'contract.startDate'))).startMs;
  const start = { at: new Date(startMs).toISOString(), atMs: startMs };
  // A long history renews tens of thousands of times, in time order: look the price step up once
  // per local day rather than once per renewal.
  let stepDay = '';
  let step: Contract['prices'][number] | undefined;
  const stepAt = (atMs: number): Contract['prices'][number] => {
    const day = localDay(calendar, atMs);
    if (step === undefined || day !== stepDay) {
      step = priceInForce(contract.prices, day);
      stepDay = day;
    }
    return step;
  };
  return {
    billed: new DerivedBills(columns),
    ut: buildCreditLedger('ut', contract.utBase, ut, start, (atMs) => stepAt(atMs).utUnitPrice),
    halfDays:
      contract.halfDayBase > 0
        ? buildCreditLedger('half_day', contract.halfDayBase, halfDays, start, (atMs) => stepAt(atMs).halfDayUnitPrice)
        : null,
  };
}

/** Reads every intervention once: time, coverage, completion, and what it costs outside the allowance. */
function measure(
  contract: Contract,
  input: { tickets: readonly Ticket[]; equipment: readonly Equipment[]; interventions: readonly Intervention[] },
): Columns {
  const list = input.interventions;
  const count = list.length;
  const equipment = new Map<string, Equipment>();
  for (const item of input.equipment) equipment.set(item.id, item);
  const indexById = new IdIndex(count);
  const columns: Columns = {
    contract,
    list,
    ticketIndex: new IdIndex(input.tickets.length, { copyIds: true }),
    ticketAt: [],
    equipmentAt: [],
    indexById,
    replaced: new Uint8Array(count),
    coverage: new Uint8Array(count),
    seconds: new Float64Array(count),
    segments: new Int32Array(count),
    allowanceBefore: new Float64Array(count),
    counted: count,
    firstStart: scratchFloat64('ledger.firstStart', count),
    completedMs: scratchFloat64('ledger.completedMs', count),
    completedIso: new Array<string>(count),
    ids: new Array<string>(count),
    trips: scratchInt32('ledger.trips', count),
    allowanceTicket: scratchInt32('ledger.allowanceTicket', count).fill(-1),
    allowanceTickets: 0,
    utConsumed: scratchFloat64('ledger.utConsumed', count).fill(0),
    halfDaysConsumed: scratchFloat64('ledger.halfDaysConsumed', count).fill(0),
  };
  const worked: WorkedTime = { seconds: 0 as Seconds, segments: 0, running: false, firstStartMs: undefined };
  const numbers: BillNumbers = {
    workUnits: 0,
    tripUnits: 0,
    allowanceSecondsUsed: 0,
    utConsumed: 0,
    halfDaysConsumed: 0,
  };
  // Tickets by position, with their equipment: the join below costs one probe per intervention.
  // Each ticket's coverage key is read here, in the tickets' own order: reading the ticket of
  // each intervention instead would jump across the heap 100,000 times.
  const { ticketIndex, ticketAt, equipmentAt } = columns;
  const ticketKeys = new Uint8Array(input.tickets.length);
  for (const ticket of input.tickets) {
    const position = ticketIndex.add(ticket.id);
    if (position < 0) continue; // a ticket listed twice: the first one stands
    const item = ticket.equipmentId === undefined ? undefined : equipment.get(ticket.equipmentId);
    ticketAt.push(ticket);
    equipmentAt.push(item);
    ticketKeys[position] = ticketCoverageKey(contract, ticket, item);
  }
  const noTicketKey = ticketCoverageKey(contract, undefined, undefined);
  // Without these modules, coverage never depends on the ticket (rules 5–6 only): skip the join.
  const modules = contract.modules;
  const ticketMatters = (['C', 'D', 'E', 'F', 'G', 'H', 'I'] as const).some((code) => modules[code].active);
  // Coverage decided per (ticketCoverageKey, coverageKey): −1 until decided.
  const decided = new Int8Array(TICKET_COVERAGE_KEYS * COVERAGE_KEYS).fill(-1);
  // Tickets an intervention names but the input lacks still group their interventions.
  const unknownTickets = new Map<string, number>();
  const corrected: string[] = [];
  for (let index = 0; index < count; index++) {
    const intervention = list[index] as Intervention;
    if (intervention.contractId !== contract.id) {
      throw new RangeError(
        `interventions[${index}].contractId: "${intervention.contractId}" is not contract "${contract.id}"`,
      );
    }
    if (indexById.add(intervention.id) < 0) {
      throw new RangeError(`interventions[${index}].id: duplicate id "${intervention.id}" (it would be billed twice)`);
    }
    if (intervention.correctionOf !== undefined) corrected.push(intervention.correctionOf);

    measureInto(worked, intervention, undefined, index);
    columns.seconds[index] = worked.seconds;
    columns.segments[index] = worked.segments;
    columns.firstStart[index] = worked.firstStartMs ?? Number.POSITIVE_INFINITY;
    const completedAt = intervention.completedAt;
    let completedMs = Number.NaN;
    if (completedAt !== undefined) {
      completedMs = parseInstant(completedAt);
      if (Number.isNaN(completedMs)) isoMillis(completedAt, `interventions[${index}].completedAt`);
    }
    columns.completedMs[index] = completedMs;
    // Kept beside the numbers so the ledger-order pass never goes back to the documents.
    columns.completedIso[index] =
      completedAt === undefined || (completedAt.length === 24 && completedAt.endsWith('Z'))
        ? (completedAt ?? '')
        : new Date(completedMs).toISOString();
    columns.ids[index] = intervention.id;
    columns.trips[index] = intervention.trips;

    const position = ticketMatters ? ticketIndex.find(intervention.ticketId) : -1;
    const slot =
      (position >= 0 ? (ticketKeys[position] ?? noTicketKey) : noTicketKey) * COVERAGE_KEYS + coverageKey(intervention);
    let code = decided[slot] ?? -1;
    if (code < 0) {
      code = coverageCode(
        position >= 0
          ? coverageOf(contract, ticketAt[position], equipmentAt[position], intervention)
          : coverageOf(contract, undefined, undefined, intervention),
      );
      decided[slot] = code;
    }
    const coverage = COVERAGES[code] ?? 'ut';
    columns.coverage[index] = code;
    if (code === HOTLINE_ALLOWANCE) {
      // Priced once the ticket's order is known (allocateHotlineAllowance).
      let ticketPosition = position;
      if (ticketPosition < 0) {
        ticketPosition = unknownTickets.get(intervention.ticketId) ?? ticketAt.length + unknownTickets.size;
        unknownTickets.set(intervention.ticketId, ticketPosition);
      }
      columns.allowanceTicket[index] = ticketPosition;
      continue;
    }
    billNumbers(coverage, worked.seconds, intervention.trips, 0, numbers);
    columns.utConsumed[index] = numbers.utConsumed;
    columns.halfDaysConsumed[index] = numbers.halfDaysConsumed;
  }
  columns.allowanceTickets = ticketAt.length + unknownTickets.size;
  for (const id of corrected) {
    const index = indexById.find(id);
    if (index < 0 || columns.replaced[index] === 1) continue;
    columns.replaced[index] = 1;
    columns.counted -= 1;
    columns.utConsumed[index] = 0;
    columns.halfDaysConsumed[index] = 0;
  }
  return columns;
}

/** Rule 4: each ticket's 30 included minutes go to its hotline work in order of start, then id. */
function allocateHotlineAllowance(columns: Columns): void {
  const { ids, allowanceTicket } = columns;
  // Counting sort by ticket: each ticket's interventions become one contiguous run of `order`.
  const starts = new Int32Array(columns.allowanceTickets + 1);
  for (const ticket of allowanceTicket) if (ticket >= 0) starts[ticket + 1] = (starts[ticket + 1] ?? 0) + 1;
  for (let t = 1; t < starts.length; t++) starts[t] = (starts[t] ?? 0) + (starts[t - 1] ?? 0);
  const order = new Int32Array(starts[starts.length - 1] ?? 0);
  const fill = starts.slice(0, -1);
  allowanceTicket.forEach((ticket, index) => {
    if (ticket < 0) return;
    order[fill[ticket] ?? 0] = index;
    fill[ticket] = (fill[ticket] ?? 0) + 1;
  });
  const byStart = (a: number, b: number): number =>
    (columns.firstStart[a] ?? 0) - (columns.firstStart[b] ?? 0) || compareIds(ids[a] ?? '', ids[b] ?? '');
  const numbers: BillNumbers = {
    workUnits: 0,
    tripUnits: 0,
    allowanceSecondsUsed: 0,
    utConsumed: 0,
    halfDaysConsumed: 0,
  };
  for (let t = 0; t + 1 < starts.length; t++) {
    const from = starts[t] ?? 0;
    const to = starts[t + 1] ?? 0;
    // A ticket usually has a handful of interventions: insertion sort, without the subarray
    // and the comparator calls of a typed-array sort (25,000 tickets on the benchmark's
    // contract); a long incident's many calls take the typed-array sort.
    if (to - from > 32) order.subarray(from, to).sort(byStart);
    else
      for (let k = from + 1; k < to; k++) {
        const index = order[k] ?? 0;
        let j = k - 1;
        while (j >= from && byStart(order[j] ?? 0, index) > 0) {
          order[j + 1] = order[j] ?? 0;
          j--;
        }
        order[j + 1] = index;
      }
    let used = 0;
    for (let k = from; k < to; k++) {
      const index = order[k] ?? 0;
      if (columns.replaced[index] === 1) continue;
      billNumbers('hotline_allowance', columns.seconds[index] ?? 0, columns.trips[index] ?? 0, used, numbers);
      columns.allowanceBefore[index] = used;
      columns.utConsumed[index] = numbers.utConsumed;
      used = Math.min(HOTLINE_ALLOWANCE_SECONDS, used + numbers.allowanceSecondsUsed);
    }
  }
}

/** The completed interventions that consume something, in ledger order, as UT and half-day rows. */
function ledgerRows(columns: Columns): { ut: LedgerRows; halfDays: LedgerRows } {
  const count = columns.list.length;
  // Row r is intervention rows[r]; the reused columns are sized for every intervention.
  const rows = scratchInt32('ledger.rows', count);
  const rowIds = new Array<string>(count);
  const rowAt = scratchFloat64('ledger.rowAt', count);
  let rowCount = 0;
  for (let index = 0; index < count; index++) {
    if (columns.utConsumed[index] === 0 && columns.halfDaysConsumed[index] === 0) continue;
    const atMs = columns.completedMs[index] ?? Number.NaN;
    if (Number.isNaN(atMs)) continue;
    rowAt[rowCount] = atMs;
    rowIds[rowCount] = columns.ids[index] ?? '';
    rows[rowCount++] = index;
  }
  const order = ledgerOrder(rowAt, rowIds, rowCount);
  const ids = new Array<string>(rowCount);
  const at = new Array<string>(rowCount);
  const atMs = new Float64Array(rowCount);
  const ut = new Float64Array(rowCount);
  const halfDays = new Float64Array(rowCount);
  for (let position = 0; position < rowCount; position++) {
    const row = order[position] ?? 0;
    const index = rows[row] ?? 0;
    atMs[position] = rowAt[row] ?? 0;
    at[position] = columns.completedIso[index] ?? '';
    ids[position] = rowIds[row] ?? '';
    ut[position] = columns.utConsumed[index] ?? 0;
    halfDays[position] = columns.halfDaysConsumed[index] ?? 0;
  }
  return {
    ut: { count: rowCount, interventionIds: ids, at, atMs, units: ut },
    halfDays: { count: rowCount, interventionIds: ids, at, atMs, units: halfDays },
  };
}
