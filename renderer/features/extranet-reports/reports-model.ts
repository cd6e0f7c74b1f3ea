/**
 * The client's comptes-rendus list (extranet, CP art. 5): its completed interventions with what
 * a row shows, and the period and subject filters. Pure, from the documents on the device (the
 * client's own, as the server lets it see them) and the ledgers the other screens derive.
 */
import { workedTime } from '../../../shared/domain';
import type { Intervention, Ticket, User } from '../../../shared/schemas';
import type { Ledgers } from '../reports/ledgers';
import { localIsoDay } from '../reports/local-day';

export type CompteRenduRow = {
  intervention: Intervention;
  ticket: Ticket | undefined;
  technician: string;
  /** First segment start (or creation), ms since epoch: what "newest first" orders by. */
  startMs: number;
  /** Its Paris day, YYYY-MM-DD: what the period filter reads. */
  day: string;
  /** Measured time, whole seconds (closed segments). */
  seconds: number;
  /** UT deducted from the credit by this intervention; null when its contract's ledger is unknown. */
  ut: number | null;
  /** Half-days deducted (module K), 0 when none. */
  halfDays: number;
  signed: boolean;
};

/** Completed interventions, newest first (then id, so equal starts keep one order). */
export function compteRenduRows(
  data: { interventions: readonly Intervention[]; tickets: readonly Ticket[]; users: readonly User[] },
  ledgers: Ledgers,
): CompteRenduRow[] {
  const names = new Map(data.users.map((user) => [user.id, user.name]));
  const rows: CompteRenduRow[] = [];
  for (const intervention of data.interventions) {
    if (!intervention.completedAt) continue;
    const startMs = Date.parse(intervention.segments[0]?.start ?? intervention.createdAt);
    const result = ledgers.byContract.get(intervention.contractId);
    const billed = result?.ok ? result.ledger.billed.get(intervention.id) : undefined;
    rows.push({
      intervention,
      ticket: ledgers.ticketsById.get(intervention.ticketId),
      technician: names.get(intervention.technicianId) ?? intervention.technicianId,
      startMs,
      day: localIsoDay('Europe/Paris', startMs),
      seconds: workedTime(intervention).seconds,
      ut: billed ? billed.utConsumed : null,
      halfDays: billed?.halfDaysConsumed ?? 0,
      signed: intervention.signature !== undefined,
    });
  }
  return rows.sort(
    (a, b) =>
      b.startMs - a.startMs ||
      (a.intervention.id < b.intervention.id ? -1 : a.intervention.id > b.intervention.id ? 1 : 0),
  );
}

/** `year` "2026" or "" for every year; `month` "01"…"12" or "" for every month. */
export type CompteRenduFilter = { year: string; month: string; search: string };

/** Lower case without accents: "Sauvegarde échouée" is found by "echouee". */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
}

/** The rows of the period whose ticket subject (or reference) holds the search words. */
export function filterRows(rows: readonly CompteRenduRow[], filter: CompteRenduFilter): CompteRenduRow[] {
  const words = searchKey(filter.search).split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (filter.year && row.day.slice(0, 4) !== filter.year) return false;
    if (filter.month && row.day.slice(5, 7) !== filter.month) return false;
    if (words.length === 0) return true;
    const text = searchKey(`${row.ticket?.title ?? ''} ${row.ticket?.reference ?? ''}`);
    return words.every((word) => text.includes(word));
  });
}

/** The years that hold a compte-rendu, newest first (the period filter's choices). */
export function yearsOf(rows: readonly CompteRenduRow[]): string[] {
  return [...new Set(rows.map((row) => row.day.slice(0, 4)))].sort().reverse();
}
