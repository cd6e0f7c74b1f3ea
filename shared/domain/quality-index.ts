/**
 * The quality index of preventive services ("indice de qualité des prestations préventives",
 * CP art. 5; domain.md §5: "share of planned visits done, with report, by their due date").
 * Definition (docs/domain-decisions.md D-43), as seen on `today`:
 *
 * - The occurrences of a period are the planned occurrences whose due date falls in it.
 * - Each one's outcome: cancelled at the client's request → excluded; cancelled by the provider
 *   → counts 0; done (a completed intervention with its compte-rendu, on or before `today`) by
 *   its due date → counts 1 ("on time"); done after it → counts LATE_WEIGHT ("late"); not done
 *   and its due date passed → counts 0 ("missed", or "no report" when the work was completed
 *   without a compte-rendu); not done and not yet due → not counted yet ("upcoming").
 * - index = points / counted occurrences, in [0, 1]; none counted → null (nothing to judge).
 * Cancellation wins over completion, so completing an occurrence never lowers the index.
 */
import type { PlannedService } from '../schemas';
import { checkArray, checkDay } from './validate';

/** A late occurrence (done after its due date) is worth half an occurrence done on time. */
export const LATE_WEIGHT = 0.5;

export const OUTCOMES = [
  'on_time',
  'late',
  'missed',
  'no_report',
  'cancelled_by_provider',
  'excluded',
  'upcoming',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What the index reads of one occurrence (see occurrence-facts.ts for how tickets give it). */
export type QualityFacts = {
  id: string;
  module: PlannedService;
  dueDate: string;
  cancelledBy?: 'client' | 'provider' | undefined;
  /** Local days its interventions were completed on, each with or without a compte-rendu. */
  completions: readonly { day: string; reported: boolean }[];
};

export type QualityCounts = {
  index: number | null;
  points: number;
  counted: number;
  outcomes: Record<Outcome, number>;
};

export type QualityLoss = { id: string; module: PlannedService; dueDate: string; outcome: Outcome; lost: number };

export type QualitySummary = QualityCounts & {
  byModule: Partial<Record<PlannedService, QualityCounts>>;
  /** Every counted occurrence worth less than 1, most points lost first, then by due date. */
  lowered: QualityLoss[];
};

export type Period = { from: string; to: string };

const POINTS: Record<Outcome, number | null> = {
  on_time: 1,
  late: LATE_WEIGHT,
  missed: 0,
  no_report: 0,
  cancelled_by_provider: 0,
  excluded: null,
  upcoming: null,
};

/** The points an outcome is worth, null when it is not counted: outcomePoints('late') → 0.5. */
export function outcomePoints(outcome: Outcome): number | null {
  return POINTS[outcome];
}

/**
 * One occurrence's outcome on `today`. occurrenceOutcome({ dueDate: '2026-03-31',
 * completions: [{ day: '2026-04-02', reported: true }], … }, '2026-04-10') → 'late'.
 */
export function occurrenceOutcome(facts: QualityFacts, today: string): Outcome {
  if (facts.cancelledBy === 'client') return 'excluded';
  if (facts.cancelledBy === 'provider') return 'cancelled_by_provider';
  let reported: string | undefined;
  let completed = false;
  for (const completion of facts.completions) {
    // A completion dated after `today` is not known yet on `today`.
    if (completion.day > today) continue;
    completed = true;
    if (completion.reported && (reported === undefined || completion.day < reported)) reported = completion.day;
  }
  if (reported !== undefined) return reported <= facts.dueDate ? 'on_time' : 'late';
  if (facts.dueDate >= today) return 'upcoming';
  return completed ? 'no_report' : 'missed';
}

function emptyCounts(): QualityCounts {
  return {
    index: null,
    points: 0,
    counted: 0,
    outcomes: Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>,
  };
}

function add(counts: QualityCounts, outcome: Outcome): void {
  counts.outcomes[outcome] += 1;
  const points = POINTS[outcome];
  if (points === null) return;
  counts.counted += 1;
  counts.points += points;
  counts.index = counts.points / counts.counted;
}

/**
 * The index of the occurrences due in `period` (inclusive days), as seen on `today`, overall
 * and per module, with what lowered it. qualityIndex([on time, late, missed], { from: '2026-01-01',
 * to: '2026-12-31' }, '2026-12-31') → { index: 0.5 (1.5 / 3), counted: 3, lowered: [missed, late], … }.
 */
export function qualityIndex(facts: readonly QualityFacts[], period: Period, today: string): QualitySummary {
  checkArray(facts, 'facts');
  const from = checkDay(period.from, 'period.from');
  const to = checkDay(period.to, 'period.to');
  checkDay(today, 'today');
  if (from > to) throw new RangeError('period: from must not come after to');
  const summary: QualitySummary = { ...emptyCounts(), byModule: {}, lowered: [] };
  facts.forEach((occurrence, i) => {
    const due = checkDay(occurrence.dueDate, `facts[${i}].dueDate`);
    if (due < from || due > to) return;
    const outcome = occurrenceOutcome(occurrence, today);
    add(summary, outcome);
    add((summary.byModule[occurrence.module] ??= emptyCounts()), outcome);
    const points = POINTS[outcome];
    if (points !== null && points < 1) {
      summary.lowered.push({ id: occurrence.id, module: occurrence.module, dueDate: due, outcome, lost: 1 - points });
    }
  });
  summary.lowered.sort((a, b) => b.lost - a.lost || (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  return summary;
}

/** First and last day of a `YYYY-MM` month. monthPeriod('2026-02') → { from: '2026-02-01', to: '2026-02-28' }. */
export function monthPeriod(month: string): Period {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m || m < 1 || m > 12 || !/^\d{4}-\d{2}$/.test(month))
    throw new RangeError(`month: expected YYYY-MM ("${month}")`);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The `count` months ending with `today`'s month, oldest first: lastMonths('2026-03-10', 3) → ['2026-01', '2026-02', '2026-03']. */
export function lastMonths(today: string, count: number): string[] {
  const [y, m] = checkDay(today, 'today').split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/** The index month by month (occurrences due in each month), for the trend chart. */
export function qualityTrend(
  facts: readonly QualityFacts[],
  months: readonly string[],
  today: string,
): { month: string; index: number | null; counted: number }[] {
  return months.map((month) => {
    const { index, counted } = qualityIndex(facts, monthPeriod(month), today);
    return { month, index, counted };
  });
}
