/**
 * The planned services of modules C–F (CP "Modules de service au forfait"): C télémaintenance
 * planifiée (1 h) and D demi-journée préventive (3 h), monthly; E journée PCAI and
 * F journée de coordination (6 h), yearly. A module's quantity ("Qté an") is how many a
 * contract year holds; without one, its periodicity gives it (12 monthly, 1 yearly).
 *
 * Rule (docs/domain-decisions.md D-41): the q occurrences of a contract year are spread evenly
 * from the year's first day, the contract's own start date as anchor —
 * - q ≤ 12: occurrence k falls floor(k × 12 / q) months after the year's start, on the anchor's
 *   day of the month (the 31st gives the last day of shorter months);
 * - q > 12: occurrence k falls floor(k × days in the year / q) days after it.
 * A date that is not a jour ouvré of the contract's calendar moves to the next jour ouvré; if
 * that would leave the contract year, to the previous one. The due date is the last day of the
 * month the occurrence is planned in ("done within its month", quality index D-43).
 */
import type { Contract, PlannedService } from '../schemas';
import { type BusinessCalendar, isWorkingDay } from './calendar';
import { contractCalendar } from './contract-calendar';
import { contractYear, isoDay, utcDay, type ContractYear } from './contract-year';

export const PLANNED_SERVICES: Readonly<
  Record<PlannedService, { periodicity: 'monthly' | 'yearly'; minutes: number; channel: 'telemaintenance' | 'onsite' }>
> = {
  C: { periodicity: 'monthly', minutes: 60, channel: 'telemaintenance' },
  D: { periodicity: 'monthly', minutes: 180, channel: 'onsite' },
  E: { periodicity: 'yearly', minutes: 360, channel: 'onsite' },
  F: { periodicity: 'yearly', minutes: 360, channel: 'onsite' },
};
export const PLANNED_SERVICE_CODES = ['C', 'D', 'E', 'F'] as const satisfies readonly PlannedService[];

export type PlannedOccurrence = {
  module: PlannedService;
  /** The contract year it belongs to (its first day) and its rank in that year, 0-based. */
  yearStart: string;
  index: number;
  /** Occurrences of the module in the year. */
  of: number;
  /** The anchored date, before moving off a non-working day. */
  nominal: string;
  /** A jour ouvré of the contract's calendar. */
  plannedFor: string;
  /** Last day of plannedFor's month. */
  dueDate: string;
};

/** Occurrences a year of the module holds: 0 when inactive. plannedQuantity(contract with D active, no quantity, 'D') → 12. */
export function plannedQuantity(contract: Pick<Contract, 'modules'>, module: PlannedService): number {
  const settings = contract.modules[module];
  if (!settings.active) return 0;
  return settings.quantity ?? (PLANNED_SERVICES[module].periodicity === 'monthly' ? 12 : 1);
}

/** The jour ouvré for a nominal date: the next one within the year, else the previous one. */
function workingDayFor(calendar: BusinessCalendar, nominal: string, year: ContractYear): string {
  let day = utcDay(nominal, 'nominal');
  const end = utcDay(year.end, 'year.end');
  while (day <= end) {
    if (isWorkingDay(calendar, isoDay(day))) return isoDay(day);
    day = day.plus({ days: 1 });
  }
  const start = utcDay(year.start, 'year.start');
  for (day = utcDay(nominal, 'nominal').minus({ days: 1 }); day >= start; day = day.minus({ days: 1 })) {
    if (isWorkingDay(calendar, isoDay(day))) return isoDay(day);
  }
  throw new RangeError(`contract.calendar: no jour ouvré in the contract year ${year.start}–${year.end}`);
}

/**
 * The planned occurrences of one contract year (0 = the first), module by module, in date order.
 * plannedOccurrences(contract starting 2026-01-15 with C active (12), 0) → 12 occurrences of C:
 * 2026-01-15 (Thursday), 2026-02-16 (the 15th is a Sunday), 2026-03-16, … 2026-12-15.
 */
export function plannedOccurrences(
  contract: Pick<Contract, 'startDate' | 'modules' | 'calendar'>,
  yearIndex: number,
): PlannedOccurrence[] {
  const year = contractYear(contract.startDate, yearIndex);
  const calendar = contractCalendar(contract);
  const start = utcDay(year.start, 'year.start');
  const out: PlannedOccurrence[] = [];
  for (const module of PLANNED_SERVICE_CODES) {
    const q = plannedQuantity(contract, module);
    for (let k = 0; k < q; k++) {
      const nominal = isoDay(
        q <= 12
          ? start.plus({ months: Math.floor((k * 12) / q) })
          : start.plus({ days: Math.floor((k * year.days) / q) }),
      );
      const plannedFor = workingDayFor(calendar, nominal, year);
      out.push({
        module,
        yearStart: year.start,
        index: k,
        of: q,
        nominal,
        plannedFor,
        dueDate: isoDay(utcDay(plannedFor, 'plannedFor').endOf('month')),
      });
    }
  }
  return out;
}

/** cyrb53: a 53-bit string hash, so an id stays short whatever the contract id's length. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The ticket id of an occurrence, the same on every device: two leads planning the same year
 * offline write the same documents, and the second push meets the first as a conflict instead
 * of doubling the year. occurrenceTicketId('ct-1', { module: 'C', yearStart: '2026-01-15', index: 3 })
 * → 'pl_<hash of ct-1>_C_20260115_3'.
 */
export function occurrenceTicketId(
  contractId: string,
  occurrence: Pick<PlannedOccurrence, 'module' | 'yearStart' | 'index'>,
): string {
  return `pl_${hash53(contractId)}_${occurrence.module}_${occurrence.yearStart.replaceAll('-', '')}_${occurrence.index}`;
}
