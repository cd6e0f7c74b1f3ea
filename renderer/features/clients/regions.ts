/**
 * Calendar regions a contract may name: the French subdivisions date-holidays knows (Alsace-
 * Moselle `57`, `67`, `68` add Vendredi saint and 26 December; overseas départements their own
 * days), through shared/domain so the form offers exactly what the calendar accepts.
 */
import { frenchRegions } from '../../../shared/domain';

/** Region options sorted by code, Alsace-Moselle first as the case users meet most. */
export function regionOptions(): { code: string; name: string }[] {
  const all = Object.entries(frenchRegions()).map(([code, name]) => ({ code, name }));
  const first = ['57', '67', '68'];
  return [...all.filter((r) => first.includes(r.code)), ...all.filter((r) => !first.includes(r.code))];
}

/** '' → no region; a known code (any case, "FR-" allowed) → its code; else an error. */
export function normalizeRegionOrError(value: string): { ok: true; code: string | undefined } | { ok: false } {
  const code = value.trim().toUpperCase().replace(/^FR-/, '');
  if (code === '') return { ok: true, code: undefined };
  return Object.hasOwn(frenchRegions(), code) ? { ok: true, code } : { ok: false };
}
