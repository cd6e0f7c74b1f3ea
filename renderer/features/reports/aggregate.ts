/**
 * The report of a period: totals, per client, per technician, per chart bucket and per coverage,
 * in one pass over the period's rows of the facts. Memoised per (facts, filter): switching back
 * to a period already seen, or re-rendering, costs a map look-up.
 */
import { COVERAGES, type Coverage } from '../../../shared/domain';
import { type CoverageFamily, familyOf, lowerBound, type ReportFacts } from './facts';
import { dayNumberOf } from './local-day';
import { memoByIdentity } from './memo';
import { bucketStart, bucketsOf, granularityOf, type Granularity, type Period } from './period';

export type Totals = {
  interventions: number;
  rawSeconds: number;
  /** The work's UT: every started quarter hour, whatever covers it. */
  workUnits: number;
  /** UT deducted from credits (work not covered, plus trips). */
  utConsumed: number;
  halfDays: number;
  trips: number;
  /** Raw time by coverage family. */
  forfaitSeconds: number;
  utSeconds: number;
  halfDaySeconds: number;
  validated: number;
};

export type ReportFilter = {
  period: Period;
  /** Absent: every client / technician. */
  clientId?: string | undefined;
  technicianId?: string | undefined;
};

export type GroupRow = { id: string; totals: Totals };
export type BucketRow = { start: number; totals: Totals };

export type Report = {
  filter: ReportFilter;
  granularity: Granularity;
  totals: Totals;
  byClient: GroupRow[];
  byTechnician: GroupRow[];
  byBucket: BucketRow[];
  byCoverage: { coverage: Coverage; totals: Totals }[];
};

export function emptyTotals(): Totals {
  return {
    interventions: 0,
    rawSeconds: 0,
    workUnits: 0,
    utConsumed: 0,
    halfDays: 0,
    trips: 0,
    forfaitSeconds: 0,
    utSeconds: 0,
    halfDaySeconds: 0,
    validated: 0,
  };
}

const FAMILY_BY_CODE: CoverageFamily[] = COVERAGES.map(familyOf);

function add(totals: Totals, facts: ReportFacts, row: number): void {
  const raw = facts.rawSeconds[row] ?? 0;
  totals.interventions += 1;
  totals.rawSeconds += raw;
  totals.workUnits += facts.workUnits[row] ?? 0;
  totals.utConsumed += facts.utConsumed[row] ?? 0;
  totals.halfDays += facts.halfDays[row] ?? 0;
  totals.trips += facts.trips[row] ?? 0;
  totals.validated += facts.validated[row] ?? 0;
  const family = FAMILY_BY_CODE[facts.coverage[row] ?? 0];
  if (family === 'forfait') totals.forfaitSeconds += raw;
  else if (family === 'half_day') totals.halfDaySeconds += raw;
  else totals.utSeconds += raw;
}

/** Row range [start, end) of a period in the day-sorted facts. */
export function periodRows(facts: ReportFacts, period: Period): { start: number; end: number } {
  const from = dayNumberOf(period.from, 'period.from');
  const to = dayNumberOf(period.to, 'period.to');
  return { start: lowerBound(facts.day, facts.count, from), end: lowerBound(facts.day, facts.count, to + 1) };
}

/** Row indexes matching a filter and an optional extra predicate, newest day first. */
export function matchingRows(facts: ReportFacts, filter: ReportFilter, extra?: (row: number) => boolean): number[] {
  const { start, end } = periodRows(facts, filter.period);
  const client = filter.clientId === undefined ? -1 : facts.clientIds.indexOf(filter.clientId);
  const technician = filter.technicianId === undefined ? -1 : facts.technicianIds.indexOf(filter.technicianId);
  if ((filter.clientId !== undefined && client < 0) || (filter.technicianId !== undefined && technician < 0)) return [];
  const out: number[] = [];
  for (let row = end - 1; row >= start; row--) {
    if (client >= 0 && facts.client[row] !== client) continue;
    if (technician >= 0 && facts.technician[row] !== technician) continue;
    if (extra && !extra(row)) continue;
    out.push(row);
  }
  return out;
}

function compute(facts: ReportFacts, filter: ReportFilter): Report {
  const granularity = granularityOf(filter.period);
  const starts = bucketsOf(filter.period, granularity);
  const bucketIndex = new Map(starts.map((start, i) => [start, i]));
  const byBucket: BucketRow[] = starts.map((start) => ({ start, totals: emptyTotals() }));
  const byClient = new Map<number, Totals>();
  const byTechnician = new Map<number, Totals>();
  const byCoverage = COVERAGES.map((coverage) => ({ coverage, totals: emptyTotals() }));
  const totals = emptyTotals();
  let lastDay = Number.NaN;
  let lastBucket: Totals | undefined;
  for (const row of matchingRows(facts, filter)) {
    add(totals, facts, row);
    const day = facts.day[row] ?? 0;
    if (day !== lastDay) {
      lastDay = day;
      lastBucket = byBucket[bucketIndex.get(bucketStart(day, granularity)) ?? -1]?.totals;
    }
    if (lastBucket) add(lastBucket, facts, row);
    const client = facts.client[row] ?? 0;
    let c = byClient.get(client);
    if (!c) byClient.set(client, (c = emptyTotals()));
    add(c, facts, row);
    const technician = facts.technician[row] ?? 0;
    let t = byTechnician.get(technician);
    if (!t) byTechnician.set(technician, (t = emptyTotals()));
    add(t, facts, row);
    const coverage = byCoverage[facts.coverage[row] ?? 0];
    if (coverage) add(coverage.totals, facts, row);
  }
  const rows = (map: Map<number, Totals>, ids: string[]): GroupRow[] =>
    [...map]
      .map(([i, t]) => ({ id: ids[i] ?? '', totals: t }))
      .sort((a, b) => b.totals.rawSeconds - a.totals.rawSeconds);
  return {
    filter,
    granularity,
    totals,
    byClient: rows(byClient, facts.clientIds),
    byTechnician: rows(byTechnician, facts.technicianIds),
    byBucket,
    byCoverage,
  };
}

const memoised = memoByIdentity((facts: ReportFacts, key: string) => compute(facts, JSON.parse(key) as ReportFilter));

/**
 * The report of a filter over the facts, computed once per (facts, filter).
 * aggregate(facts, { period: presetPeriod('month', '2026-11-27') }).totals.rawSeconds → seconds worked in November.
 */
export function aggregate(facts: ReportFacts, filter: ReportFilter): Report {
  const normalised: ReportFilter = { period: filter.period };
  if (filter.clientId) normalised.clientId = filter.clientId;
  if (filter.technicianId) normalised.technicianId = filter.technicianId;
  return memoised(facts, JSON.stringify(normalised));
}
