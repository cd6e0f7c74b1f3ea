/**
 * Échéances of the dossier technique (CP art. 5: "le suivi des échéances des systèmes
 * antivirus, pare-feu, passerelle AV, garanties constructeurs"): every dated expiry of every
 * item still in service, with its state around today.
 *
 * - An échéance date is the last day covered: on the day itself it has not expired yet
 *   (0 days left); the day after it is `expired`.
 * - `within30`: 0–30 calendar days left; `within90`: 31–90; `later` beyond. A renewal is
 *   ordered in calendar days, so the windows are calendar days.
 * - Business-day aware where it matters — the last day someone can act: `lastWorkingDay` is
 *   the last jour ouvré on or before the date in the client's calendar (a licence ending on
 *   Sunday 6 December must be renewed by Friday 4), and `workingDaysLeft` counts the jours
 *   ouvrés from today to it, both included (0: nobody at the office will see it in time).
 * - An échéance is identified by (equipment, kind, date): a renewal moves the date, which is a
 *   new échéance with alerts of its own.
 */
import type { Equipment } from '../schemas';
import { type BusinessCalendar, calendarDay, createCalendar, dayNumberOf } from './calendar';
import { checkDay } from './validate';

export const ECHEANCE_SOON_DAYS = 30;
export const ECHEANCE_WATCH_DAYS = 90;
/** How far back `lastWorkingDay` looks (a fortnight of holidays and weekends at most, in practice). */
const MAX_LOOKBACK_DAYS = 31;

export type EcheanceState = 'expired' | 'within30' | 'within90' | 'later';

export type Echeance = {
  /** `${equipmentId}#${kind}#${date}`. */
  key: string;
  clientId: string;
  equipmentId: string;
  equipmentName: string;
  equipmentKind: Equipment['kind'];
  kind: Equipment['expiries'][number]['kind'];
  label: string;
  date: string;
  /** Calendar days from today to the date (negative once expired). */
  daysLeft: number;
  state: EcheanceState;
  lastWorkingDay: string;
  /** Jours ouvrés left to act, today and `lastWorkingDay` included; null beyond the 90-day window. */
  workingDaysLeft: number | null;
};

/** echeanceState(-1) → 'expired'; (0) → 'within30'; (30) → 'within30'; (31) → 'within90'; (91) → 'later'. */
export function echeanceState(daysLeft: number): EcheanceState {
  if (daysLeft < 0) return 'expired';
  if (daysLeft <= ECHEANCE_SOON_DAYS) return 'within30';
  if (daysLeft <= ECHEANCE_WATCH_DAYS) return 'within90';
  return 'later';
}

const defaultCalendar = createCalendar();
const dayOf = (dayNumber: number) => new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);

/** lastWorkingDayOnOrBefore(mainland, '2026-12-06') → '2026-12-04' (Sunday → Friday). */
export function lastWorkingDayOnOrBefore(calendar: BusinessCalendar, day: string): string {
  const start = dayNumberOf(checkDay(day, 'day'));
  for (let n = start; n > start - MAX_LOOKBACK_DAYS; n--) if (calendarDay(calendar, n).working) return dayOf(n);
  return dayOf(start - MAX_LOOKBACK_DAYS);
}

/** Jours ouvrés in [from, to], both included; 0 when `to` is before `from`. */
function workingDaysBetween(calendar: BusinessCalendar, from: number, to: number): number {
  let count = 0;
  for (let n = from; n <= to; n++) if (calendarDay(calendar, n).working) count++;
  return count;
}

export type EcheanceOptions = {
  /** The calendar of a client (its contract's region and closed days); mainland France otherwise. */
  calendarOf?: (clientId: string) => BusinessCalendar | undefined;
};

/**
 * Every échéance of the items in service, soonest first (then client, item name, kind).
 * echeances([{ …, expiries: [{ kind: 'warranty', date: '2026-12-10' }] }], '2026-12-02')
 * → [{ daysLeft: 8, state: 'within30', lastWorkingDay: '2026-12-10', workingDaysLeft: 7, … }].
 */
export function echeances(equipment: readonly Equipment[], today: string, options: EcheanceOptions = {}): Echeance[] {
  const now = dayNumberOf(checkDay(today, 'today'));
  const out: Echeance[] = [];
  for (const item of equipment) {
    if (item.retired) continue;
    const calendar = options.calendarOf?.(item.clientId) ?? defaultCalendar;
    item.expiries.forEach((expiry, index) => {
      const date = checkDay(expiry.date, `equipment ${item.id}.expiries[${index}].date`);
      const daysLeft = dayNumberOf(date) - now;
      const lastWorkingDay = lastWorkingDayOnOrBefore(calendar, date);
      const lastNumber = dayNumberOf(lastWorkingDay);
      // Counting is bounded to the watch window: beyond it the exact count does not matter.
      const workingDaysLeft = daysLeft > ECHEANCE_WATCH_DAYS ? null : workingDaysBetween(calendar, now, lastNumber);
      out.push({
        key: `${item.id}#${expiry.kind}#${date}`,
        clientId: item.clientId,
        equipmentId: item.id,
        equipmentName: item.name,
        equipmentKind: item.kind,
        kind: expiry.kind,
        label: expiry.label,
        date,
        daysLeft,
        state: echeanceState(daysLeft),
        lastWorkingDay,
        workingDaysLeft,
      });
    });
  }
  return out.sort(
    (a, b) =>
      a.daysLeft - b.daysLeft ||
      (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0) ||
      (a.equipmentName < b.equipmentName ? -1 : a.equipmentName > b.equipmentName ? 1 : 0) ||
      (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0),
  );
}

/** Counts per state (the home screen's figure is expired + within30). */
export function echeanceCounts(list: readonly Echeance[]): Record<EcheanceState, number> {
  const counts: Record<EcheanceState, number> = { expired: 0, within30: 0, within90: 0, later: 0 };
  for (const e of list) counts[e.state]++;
  return counts;
}

export type EcheanceAlert = { echeance: Echeance; stage: 'within30' | 'expired'; key: string };

/**
 * The alerts to raise now: an échéance that entered the 30 days, or expired, and was not yet
 * announced at that stage (`announced` holds the keys already raised, `${echeance.key}:${stage}`).
 * Seen for the first time already expired, it raises only the expiry. Raising the returned
 * alerts and adding their keys makes the next call return nothing for them (once per échéance,
 * stage and user).
 */
export function echeanceAlerts(list: readonly Echeance[], announced: ReadonlySet<string>): EcheanceAlert[] {
  const alerts: EcheanceAlert[] = [];
  for (const echeance of list) {
    if (echeance.state !== 'within30' && echeance.state !== 'expired') continue;
    const key = `${echeance.key}:${echeance.state}`;
    if (!announced.has(key)) alerts.push({ echeance, stage: echeance.state, key });
  }
  return alerts;
}
