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
import { billableUnits, decideCoverage, workedTime, type Coverage } from '../../../shared/domain';
import type { Intervention } from '../../../shared/schemas';
import type { LeadData } from './lead-data';
import { computeLedgers, type Ledgers } from './ledgers';
import { dayResolver } from './local-day';
import { memoLast } from './memo';

export const COVERAGE_ORDER = [
  'planned_service',
  'forfait_servers_network',
  'forfait_pc',
  'hotline_allowance',
  'half_day',
  'ut',
] as const satisfies readonly Coverage[];

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
  /** Index into COVERAGE_ORDER. */
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

/** Builds the facts of every counted intervention. Same arrays in → same object out. */
export const buildFacts = memoLast(
  (
    contracts: LeadData['contracts'],
    tickets: LeadData['tickets'],
    equipment: LeadData['equipment'],
    interventions: LeadData['interventions'],
  ): ReportFacts => {
    const ledgers = computeLedgers(contracts, tickets, equipment, interventions);
    const toDay = dayResolver(REPORT_TIME_ZONE);
    const clients = indexer();
    const technicians = indexer();
    const contractIndex = indexer();
    const rows: {
      itv: Intervention;
      day: number;
      client: number;
      technician: number;
      contract: number;
      coverage: number;
      raw: number;
      ut: number;
      halfDays: number;
    }[] = [];
    let inProgress = 0;
    const coverageCode = new Map<Coverage, number>(COVERAGE_ORDER.map((c, i) => [c, i]));
    for (const result of ledgers.byContract.values()) {
      if (!result.ok) continue;
      const { contract, ledger } = result;
      const ut = new Map<string, number>();
      for (const entry of ledger.ut.entries) ut.set(entry.interventionId, entry.consumed);
      const halfDays = new Map<string, number>();
      for (const entry of ledger.halfDays?.entries ?? []) halfDays.set(entry.interventionId, entry.consumed);
      const contractIdx = contractIndex.of(contract.id);
      for (const itv of result.interventions) {
        if (itv.completedAt === undefined) {
          inProgress++;
          continue;
        }
        // Replaced by a correction: the correction is counted instead.
        if (!ledger.billed.has(itv.id)) continue;
        const worked = workedTime(itv);
        const ticket = ledgers.ticketsById.get(itv.ticketId);
        const item = ticket?.equipmentId === undefined ? undefined : ledgers.equipmentById.get(ticket.equipmentId);
        const { coverage } = decideCoverage({ contract, ticket, equipment: item, intervention: itv });
        rows.push({
          itv,
          day: toDay(worked.firstStartMs ?? Date.parse(itv.completedAt)),
          client: clients.of(itv.clientId),
          technician: technicians.of(itv.technicianId),
          contract: contractIdx,
          coverage: coverageCode.get(coverage) ?? COVERAGE_ORDER.length - 1,
          raw: worked.seconds,
          ut: ut.get(itv.id) ?? 0,
          halfDays: halfDays.get(itv.id) ?? 0,
        });
      }
    }
    rows.sort((a, b) => a.day - b.day || (a.itv.id < b.itv.id ? -1 : a.itv.id > b.itv.id ? 1 : 0));
    const n = rows.length;
    const facts: ReportFacts = {
      count: n,
      interventions: new Array<Intervention>(n),
      day: new Int32Array(n),
      client: new Int32Array(n),
      technician: new Int32Array(n),
      contract: new Int32Array(n),
      coverage: new Uint8Array(n),
      rawSeconds: new Float64Array(n),
      workUnits: new Float64Array(n),
      utConsumed: new Float64Array(n),
      halfDays: new Float64Array(n),
      trips: new Int32Array(n),
      validated: new Uint8Array(n),
      clientIds: clients.ids,
      technicianIds: technicians.ids,
      contractIds: contractIndex.ids,
      ledgers,
      inProgress,
    };
    rows.forEach((row, i) => {
      facts.interventions[i] = row.itv;
      facts.day[i] = row.day;
      facts.client[i] = row.client;
      facts.technician[i] = row.technician;
      facts.contract[i] = row.contract;
      facts.coverage[i] = row.coverage;
      facts.rawSeconds[i] = row.raw;
      facts.workUnits[i] = billableUnits(row.raw);
      facts.utConsumed[i] = row.ut;
      facts.halfDays[i] = row.halfDays;
      facts.trips[i] = row.itv.trips;
      facts.validated[i] = row.itv.validatedAt === undefined ? 0 : 1;
    });
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
