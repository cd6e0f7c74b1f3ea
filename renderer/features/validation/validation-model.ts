/**
 * The validation screen's rules (domain.md §5): a team lead reviews completed interventions and
 * validates them, one by one or a week at a time; validated work is locked; a correction of
 * validated work is a new record pointing to the one it replaces (`correctionOf`), and the
 * ledger counts the correction instead. So every intervention is in one of these states:
 *
 * - `running`: not completed yet — nothing to validate;
 * - `to_validate`: completed, not validated, not replaced;
 * - `validated`: locked; may be corrected while it is the latest version;
 * - `replaced`: a correction replaces it — history, not work.
 *
 * Only the latest version of a chain can be corrected: correcting an older one twice would leave
 * two corrections that both count.
 */
import type { Intervention } from '../../../shared/schemas';
import { dayNumberOf, dayResolver, isoOfDayNumber, weekdayOf } from '../reports/local-day';

export type ReviewState = 'running' | 'to_validate' | 'validated' | 'replaced';

export type ReviewRow = {
  intervention: Intervention;
  state: ReviewState;
  /** Paris day number the work started. */
  day: number;
  /** The correction that replaces this one, if any. */
  replacedBy: Intervention | undefined;
  /** True when it belongs to a chain (it corrects, or is corrected): it has a history. */
  hasHistory: boolean;
};

const paris = dayResolver('Europe/Paris');

/** Monday of the week containing a day, as YYYY-MM-DD. mondayOf('2026-11-27') → '2026-11-23'. */
export function mondayOf(day: string): string {
  const n = dayNumberOf(day, 'day');
  return isoOfDayNumber(n - weekdayOf(n));
}

/** The Monday a week earlier (-1) or later (+1). */
export function shiftWeek(monday: string, direction: -1 | 1): string {
  return isoOfDayNumber(dayNumberOf(monday, 'week') + 7 * direction);
}

export function startDay(intervention: Intervention): number {
  const start = intervention.segments[0]?.start ?? intervention.completedAt ?? intervention.createdAt;
  return paris(Date.parse(start));
}

export function stateOf(intervention: Intervention, replacedBy: Intervention | undefined): ReviewState {
  if (replacedBy) return 'replaced';
  if (!intervention.completedAt) return 'running';
  return intervention.validatedAt ? 'validated' : 'to_validate';
}

/** Corrections by the id they correct. */
export function correctionsIndex(interventions: readonly Intervention[]): Map<string, Intervention> {
  const index = new Map<string, Intervention>();
  for (const itv of interventions) {
    if (itv.correctionOf === undefined) continue;
    const known = index.get(itv.correctionOf);
    // Two corrections of one record should not exist; if they do, the later one is the replacement shown.
    if (!known || itv.createdAt > known.createdAt) index.set(itv.correctionOf, itv);
  }
  return index;
}

export type ReviewFilter = { monday: string; technicianId?: string | undefined; clientId?: string | undefined };

/** The week's interventions with their state, in start order. */
export function reviewRows(interventions: readonly Intervention[], filter: ReviewFilter): ReviewRow[] {
  const corrections = correctionsIndex(interventions);
  const from = dayNumberOf(filter.monday, 'monday');
  const to = from + 6;
  const rows: ReviewRow[] = [];
  for (const intervention of interventions) {
    if (filter.technicianId && intervention.technicianId !== filter.technicianId) continue;
    if (filter.clientId && intervention.clientId !== filter.clientId) continue;
    const day = startDay(intervention);
    if (day < from || day > to) continue;
    const replacedBy = corrections.get(intervention.id);
    rows.push({
      intervention,
      state: stateOf(intervention, replacedBy),
      day,
      replacedBy,
      hasHistory: replacedBy !== undefined || intervention.correctionOf !== undefined,
    });
  }
  const startOf = (row: ReviewRow) => row.intervention.segments[0]?.start ?? row.intervention.createdAt;
  return rows.sort((a, b) => (startOf(a) < startOf(b) ? -1 : startOf(a) > startOf(b) ? 1 : 0));
}

/** Ids a "validate the week" would lock: completed, not validated, not replaced. */
export function validatableIds(rows: readonly ReviewRow[]): string[] {
  return rows.filter((r) => r.state === 'to_validate').map((r) => r.intervention.id);
}

export function canCorrect(row: ReviewRow): boolean {
  return row.state === 'validated';
}

/**
 * The versions of a piece of work, oldest first: the original, then each correction. Given any
 * version's id. history(interventions, 'c2') → [original, c1, c2].
 */
export function history(interventions: readonly Intervention[], id: string): Intervention[] {
  const byId = new Map(interventions.map((i) => [i.id, i]));
  const corrections = correctionsIndex(interventions);
  let root = byId.get(id);
  const seen = new Set<string>();
  while (root?.correctionOf !== undefined && byId.has(root.correctionOf) && !seen.has(root.id)) {
    seen.add(root.id);
    root = byId.get(root.correctionOf);
  }
  const chain: Intervention[] = [];
  let current = root;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = corrections.get(current.id);
  }
  return chain;
}

export type FieldChange = { field: 'segments' | 'trips' | 'halfDay' | 'channel' | 'report'; from: string; to: string };

/** What a correction changed against the version it replaces, for the history. */
export function changesBetween(
  before: Intervention,
  after: Intervention,
  segmentText: (s: Intervention['segments']) => string,
): FieldChange[] {
  const out: FieldChange[] = [];
  const a = segmentText(before.segments);
  const b = segmentText(after.segments);
  if (a !== b) out.push({ field: 'segments', from: a, to: b });
  if (before.trips !== after.trips) out.push({ field: 'trips', from: String(before.trips), to: String(after.trips) });
  if (before.halfDay !== after.halfDay)
    out.push({ field: 'halfDay', from: String(before.halfDay), to: String(after.halfDay) });
  if (before.channel !== after.channel) out.push({ field: 'channel', from: before.channel, to: after.channel });
  if (before.report !== after.report) out.push({ field: 'report', from: before.report, to: after.report });
  return out;
}
