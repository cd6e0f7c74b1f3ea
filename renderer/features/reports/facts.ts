/**
 * Report facts: one row per counted intervention, as columns (typed arrays), sorted by day.
 *
 * Counted = completed and not replaced by a correction — exactly what the credit ledger counts.
 * Each row carries what the reports sum: raw seconds (measured, never rounded), the work's UT
 * (billableUnits), what the credits were charged (the ledger's entries: UT with trips, or
 * half-days), and the coverage that decided it (§3.1 — decided by shared/domain, not here).
 * The day is the Paris day the work started. Columns keep 100,000 rows in a few megabytes and let
 * an aggregate be one tight loop over a day range found by binary search.
 */
import {
  billableUnits,
  coverageCode,
  decideCoverage,
  workedTime,
  type Coverage,
  type LedgerEntries,
} from '../../../shared/domain';
import type { Intervention } from '../../../shared/schemas';
import type { LeadData } from './lead-data';
import { computeLedgers, type ContractLedgerResult, type Ledgers } from './ledgers';
import { dayResolver } from './local-day';
import { memoLast } from './memo';

/** The three families a lead compares: included in a forfait, drawn from UT, drawn from half-days. */
export type CoverageFamily = 'forfait' | 'ut' | 'half_day';
export function familyOf(coverage: Coverage): CoverageFamily {
  return coverage === 'ut' ? 'ut' : coverage === 'half_day' ? 'half_day' : 'forfait';
}

export const REPORT_TIME_ZONE = 'Europe/Paris';

export type ReportFacts = {
  count: number;
  interventions: Intervention[];
  /** Local day number of the first segment start (days since 1970-01-01). */
  day: Int32Array;
  client: Int32Array;
  technician: Int32Array;
  contract: Int32Array;
  /** Index into the domain's COVERAGES (coverageCode). */
  coverage: Uint8Array;
  rawSeconds: Float64Array;
  workUnits: Float64Array;
  /** UT deducted from the credit (work beyond coverage, plus trips when billed). */
  utConsumed: Float64Array;
  halfDays: Float64Array;
  trips: Int32Array;
  validated: Uint8Array;
  clientIds: string[];
  technicianIds: string[];
  contractIds: string[];
  ledgers: Ledgers;
  /** Not counted: still running or paused. */
  inProgress: number;
};

function indexer(): { ids: string[]; of(id: string): number } {
  const ids: string[] = [];
  const index = new Map<string, number>();
  return {
    ids,
    of(id) {
      let i = index.get(id);
      if (i === undefined) {
        i = ids.length;
        ids.push(id);
        index.set(id, i);
      }
      return i;
    },
  };
}

/** One contract's counted interventions, measured once per ledger (its inputs unchanged → same rows). */
type ContractRows = {
  count: number;
  interventions: Intervention[];
  startMs: Float64Array;
  day: Int32Array;
  coverage: Uint8Array;
  rawSeconds: Float64Array;
  utConsumed: Float64Array;
  halfDays: Float64Array;
  inProgress: number;
};

const toParisDay = dayResolver(REPORT_TIME_ZONE);
// Keyed by the ledger result, which ledgers.ts reuses while the contract's documents are unchanged:
// a sync that touches one contract re-measures that contract only.
const rowsByLedger = new WeakMap<ContractLedgerResult, ContractRows>();

/** Units consumed by intervention id, read from the ledger's columns (no entry objects). */
function consumedById(entries: LedgerEntries | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (entries === undefined) return out;
  for (let i = 0; i < entries.length; i++) out.set(entries.interventionId(i), entries.consumed(i));
  return out;
}

function contractRows(result: ContractLedgerResult & { ok: true }, ledgers: Ledgers): ContractRows {
  const cached = rowsByLedger.get(result);
  if (cached) return cached;
  const { contract, ledger } = result;
  const ut = consumedById(ledger.ut.entries);
  const halfDays = consumedById(ledger.halfDays?.entries);
  const total = result.interventions.length;
  const rows: ContractRows = {
    count: 0,
    interventions: [],
    startMs: new Float64Array(total),
    day: new Int32Array(total),
    coverage: new Uint8Array(total),
    rawSeconds: new Float64Array(total),
    utConsumed: new Float64Array(total),
    halfDays: new Float64Array(total),
    inProgress: 0,
  };
  for (const itv of result.interventions) {
    if (itv.completedAt === undefined) {
      rows.inProgress++;
      continue;
    }
    // Replaced by a correction: the correction is counted instead.
    if (!ledger.billed.has(itv.id)) continue;
    const worked = workedTime(itv);
    const ticket = ledgers.ticketsById.get(itv.ticketId);
    const item = ticket?.equipmentId === undefined ? undefined : ledgers.equipmentById.get(ticket.equipmentId);
    const { coverage } = decideCoverage({ contract, ticket, equipment: item, intervention: itv });
    const n = rows.count++;
    const start = worked.firstStartMs ?? Date.parse(itv.completedAt);
    rows.interventions.push(itv);
    rows.startMs[n] = start;
    rows.day[n] = toParisDay(start);
    rows.coverage[n] = coverageCode(coverage);
    rows.rawSeconds[n] = worked.seconds;
    rows.utConsumed[n] = ut.get(itv.id) ?? 0;
    rows.halfDays[n] = halfDays.get(itv.id) ?? 0;
  }
  rowsByLedger.set(result, rows);
  return rows;
}

/** Builds the facts of every counted intervention. Same arrays in → same object out. */
export const buildFacts = memoLast(
  (
    contracts: LeadData['contracts'],
    tickets: LeadData['tickets'],
    equipment: LeadData['equipment'],
    interventions: LeadData['interventions'],
  ): ReportFacts => {
    const ledgers = computeLedgers(contracts, tickets, equipment, interventions);
    const parts: { rows: ContractRows; contract: number }[] = [];
    const contractIndex = indexer();
    let total = 0;
    let inProgress = 0;
    for (const result of ledgers.byContract.values()) {
      if (!result.ok) continue;
      const rows = contractRows(result, ledgers);
      parts.push({ rows, contract: contractIndex.of(result.contract.id) });
      total += rows.count;
      inProgress += rows.inProgress;
    }
    // Every row in time order: one index sort over the contracts' rows laid end to end.
    const partOf = new Uint32Array(total);
    const rowOf = new Uint32Array(total);
    const startMs = new Float64Array(total);
    let k = 0;
    parts.forEach(({ rows }, p) => {
      for (let r = 0; r < rows.count; r++, k++) {
        partOf[k] = p;
        rowOf[k] = r;
        startMs[k] = rows.startMs[r] ?? 0;
      }
    });
    const order = new Uint32Array(total);
    for (let i = 0; i < total; i++) order[i] = i;
    const idOf = (i: number) => parts[partOf[i] ?? 0]?.rows.interventions[rowOf[i] ?? 0]?.id ?? '';
    order.sort((a, b) => {
      const d = (startMs[a] ?? 0) - (startMs[b] ?? 0);
      if (d !== 0) return d;
      const x = idOf(a);
      const y = idOf(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const clients = indexer();
    const technicians = indexer();
    const facts: ReportFacts = {
      count: total,
      interventions: new Array<Intervention>(total),
      day: new Int32Array(total),
      client: new Int32Array(total),
      technician: new Int32Array(total),
      contract: new Int32Array(total),
      coverage: new Uint8Array(total),
      rawSeconds: new Float64Array(total),
      workUnits: new Float64Array(total),
      utConsumed: new Float64Array(total),
      halfDays: new Float64Array(total),
      trips: new Int32Array(total),
      validated: new Uint8Array(total),
      clientIds: clients.ids,
      technicianIds: technicians.ids,
      contractIds: contractIndex.ids,
      ledgers,
      inProgress,
    };
    for (let i = 0; i < total; i++) {
      const at = order[i] ?? 0;
      const part = parts[partOf[at] ?? 0] as (typeof parts)[number];
      const r = rowOf[at] ?? 0;
      const { rows } = part;
      const itv = rows.interventions[r] as Intervention;
      const raw = rows.rawSeconds[r] ?? 0;
      facts.interventions[i] = itv;
      facts.day[i] = rows.day[r] ?? 0;
      facts.client[i] = clients.of(itv.clientId);
      facts.technician[i] = technicians.of(itv.technicianId);
      facts.contract[i] = part.contract;
      facts.coverage[i] = rows.coverage[r] ?? 0;
      facts.rawSeconds[i] = raw;
      facts.workUnits[i] = billableUnits(raw);
      facts.utConsumed[i] = rows.utConsumed[r] ?? 0;
      facts.halfDays[i] = rows.halfDays[r] ?? 0;
      facts.trips[i] = itv.trips;
      facts.validated[i] = itv.validatedAt === undefined ? 0 : 1;
    }
    return facts;
  },
);

/** First row whose day is ≥ `day` (rows are sorted by day). */
export function lowerBound(days: Int32Array, count: number, day: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] ?? 0) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
