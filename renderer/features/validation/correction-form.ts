/**
 * The correction form: a validated intervention's facts as editable text (Paris times), and
 * back to the changes `interventions.correct` records — or, for bad input, an error per field,
 * so the lead sees which period is wrong and loses nothing typed.
 */
import type { Channel, Intervention } from '../../../shared/schemas';
import { fromParisInput, toParisInput } from './paris-time';

export type CorrectionDraft = {
  segments: { start: string; end: string }[];
  trips: string;
  halfDay: boolean;
  channel: Channel;
  report: string;
  reason: string;
};

export type CorrectionChanges = Pick<Intervention, 'segments' | 'trips' | 'halfDay' | 'channel' | 'report'>;

/** Message key (under `correction.errors`) and its parameters, per field path. */
export type DraftErrors = Record<string, { key: string; params?: Record<string, number> }>;

export function draftOf(intervention: Intervention): CorrectionDraft {
  return {
    segments: intervention.segments.map((s) => ({
      start: toParisInput(s.start),
      end: s.end ? toParisInput(s.end) : '',
    })),
    trips: String(intervention.trips),
    halfDay: intervention.halfDay,
    channel: intervention.channel,
    report: intervention.report,
    reason: '',
  };
}

/**
 * checkDraft(draft, now) → { ok: true, changes, reason } with UTC instants, or { ok: false, errors }
 * keyed like 'segments.1.end', 'trips', 'reason'.
 */
export function checkDraft(
  draft: CorrectionDraft,
  nowMs: number,
): { ok: true; changes: CorrectionChanges; reason: string } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const segments: CorrectionChanges['segments'] = [];
  if (draft.segments.length === 0) errors.segments = { key: 'noSegment' };
  let previousEnd = Number.NEGATIVE_INFINITY;
  draft.segments.forEach((segment, i) => {
    const n = i + 1;
    let start: string | undefined;
    let end: string | undefined;
    try {
      start = fromParisInput(segment.start, `segments.${i}.start`);
    } catch {
      errors[`segments.${i}.start`] = { key: 'order', params: { n } };
    }
    try {
      end = fromParisInput(segment.end, `segments.${i}.end`);
    } catch {
      errors[`segments.${i}.end`] = { key: 'order', params: { n } };
    }
    if (start === undefined || end === undefined) return;
    const s = Date.parse(start);
    const e = Date.parse(end);
    if (e < s) errors[`segments.${i}.end`] = { key: 'order', params: { n } };
    else if (e > nowMs) errors[`segments.${i}.end`] = { key: 'future', params: { n } };
    if (s < previousEnd) errors[`segments.${i}.start`] = { key: 'overlap', params: { n } };
    previousEnd = e;
    segments.push({ start, end });
  });
  const trips = Number(draft.trips);
  if (!/^\d+$/.test(draft.trips.trim()) || trips > 20) errors.trips = { key: 'trips' };
  const reason = draft.reason.trim();
  if (!reason) errors.reason = { key: 'reason' };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    changes: { segments, trips, halfDay: draft.halfDay, channel: draft.channel, report: draft.report.trim() },
    reason,
  };
}
