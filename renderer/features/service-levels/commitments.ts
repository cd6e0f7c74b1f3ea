/**
 * The 30-minute intervention commitment (module A, domain.md §2.1) across the team: every ticket
 * of a contract with module A, its commitment as shared/domain decides it, and its compliance per
 * client, technician and month.
 *
 * A ticket whose first intervention started is decided for good (met or breached) whatever the
 * time: those are computed once per change of the documents. Only tickets still waiting depend on
 * the clock; they are re-derived each minute — a handful, not the year.
 */
import {
  contractCalendar,
  DEFAULT_INTERVENTION_TARGET_MINUTES,
  interventionCommitment,
  type InterventionCommitment,
} from '../../../shared/domain';
import type { Contract, Intervention, Ticket } from '../../../shared/schemas';
import { dayNumberOf, dayResolver, isoOfDayNumber } from '../reports/local-day';
import { memoLast } from '../reports/memo';
import type { Period } from '../reports/period';

/** Running with this many business minutes or fewer left: at risk. */
export const AT_RISK_MINUTES = 10;

export type CommitmentRow = {
  ticket: Ticket;
  contract: Contract;
  /** Who started the first intervention; else the assignee; undefined when neither. */
  technicianId: string | undefined;
  /** Paris day number of the call. */
  day: number;
  /** 'YYYY-MM' of the call. */
  month: string;
  /** When the first intervention started, if it did. */
  firstStartMs: number | undefined;
  commitment: InterventionCommitment;
};

type FirstStart = { ms: number; technicianId: string };

const paris = dayResolver('Europe/Paris');

function firstStarts(interventions: readonly Intervention[]): Map<string, FirstStart> {
  const first = new Map<string, FirstStart>();
  for (const itv of interventions) {
    // Segments are in order (the schema refuses overlaps): the first one starts the work.
    const start = itv.segments[0]?.start;
    if (start === undefined) continue;
    const ms = Date.parse(start);
    const known = first.get(itv.ticketId);
    if (!known || ms < known.ms) first.set(itv.ticketId, { ms, technicianId: itv.technicianId });
  }
  return first;
}

function row(ticket: Ticket, contract: Contract, first: FirstStart | undefined, now: Date): CommitmentRow {
  const day = paris(Date.parse(ticket.receivedAt));
  return {
    ticket,
    contract,
    technicianId: first?.technicianId ?? ticket.assigneeId,
    day,
    month: isoOfDayNumber(day).slice(0, 7),
    firstStartMs: first?.ms,
    commitment: interventionCommitment(
      contractCalendar(contract),
      new Date(ticket.receivedAt),
      first === undefined ? undefined : new Date(first.ms),
      now,
      contract.interventionTargetMinutes || DEFAULT_INTERVENTION_TARGET_MINUTES,
    ),
  };
}

type Split = { decided: CommitmentRow[]; waiting: { ticket: Ticket; contract: Contract }[] };

/** Decided tickets (computed now, valid forever) and tickets still waiting for a first intervention. */
const split = memoLast(
  (tickets: readonly Ticket[], contracts: readonly Contract[], interventions: readonly Intervention[]): Split => {
    const contractById = new Map(contracts.map((c) => [c.id, c]));
    const first = firstStarts(interventions);
    const decided: CommitmentRow[] = [];
    const waiting: Split['waiting'] = [];
    for (const ticket of tickets) {
      const contract = contractById.get(ticket.contractId);
      if (!contract?.modules.A.active) continue;
      // A planned service (modules C–F) is a visit scheduled ahead, not a call to the hotline: the
      // 30-minute clock runs "from the reception of the call" (CG art. 9), so it has none.
      if (ticket.plannedService !== undefined) continue;
      const start = first.get(ticket.id);
      // A decided commitment does not depend on `now`: the first start stands for it.
      if (start) decided.push(row(ticket, contract, start, new Date(start.ms)));
      else waiting.push({ ticket, contract });
    }
    return { decided, waiting };
  },
);

/**
 * Every commitment at `now` (a minute-rounded instant, so the memo holds for a minute).
 * Sorted by call time.
 */
export const commitmentRows = memoLast(
  (
    tickets: readonly Ticket[],
    contracts: readonly Contract[],
    interventions: readonly Intervention[],
    nowMinute: number,
  ): CommitmentRow[] => {
    const { decided, waiting } = split(tickets, contracts, interventions);
    const now = new Date(nowMinute);
    const rows = decided.concat(waiting.map(({ ticket, contract }) => row(ticket, contract, undefined, now)));
    return rows.sort((a, b) => Date.parse(a.ticket.receivedAt) - Date.parse(b.ticket.receivedAt));
  },
);

export type Compliance = {
  tickets: number;
  met: number;
  breached: number;
  running: number;
  atRisk: number;
  /** met / (met + breached); null when nothing is decided. */
  rate: number | null;
  /** Mean business minutes from the call to the first intervention, over tickets where one started. */
  meanMinutes: number | null;
};

export type CommitmentFilter = { period: Period; clientId?: string | undefined; technicianId?: string | undefined };

export function inFilter(r: CommitmentRow, filter: CommitmentFilter, from: number, to: number): boolean {
  return (
    r.day >= from &&
    r.day <= to &&
    (!filter.clientId || r.ticket.clientId === filter.clientId) &&
    (!filter.technicianId || r.technicianId === filter.technicianId)
  );
}

function compliance(rows: readonly CommitmentRow[]): Compliance {
  let met = 0;
  let breached = 0;
  let running = 0;
  let atRisk = 0;
  let minutes = 0;
  let started = 0;
  for (const r of rows) {
    const c = r.commitment;
    if (c.state === 'met') met++;
    else if (c.state === 'breached') breached++;
    else {
      running++;
      if (c.remainingMinutes <= AT_RISK_MINUTES) atRisk++;
    }
    if (r.firstStartMs !== undefined) {
      minutes += c.elapsedMinutes;
      started++;
    }
  }
  const decided = met + breached;
  return {
    tickets: rows.length,
    met,
    breached,
    running,
    atRisk,
    rate: decided === 0 ? null : met / decided,
    meanMinutes: started === 0 ? null : minutes / started,
  };
}

export type CommitmentReport = {
  total: Compliance;
  byClient: { id: string; compliance: Compliance }[];
  byTechnician: { id: string; compliance: Compliance }[];
  byMonth: { id: string; compliance: Compliance }[];
  /** Breached tickets of the filter, newest call first. */
  breaches: CommitmentRow[];
  /** Running now, least time left first (whatever the period: they are today's). */
  running: CommitmentRow[];
};

function grouped(
  rows: readonly CommitmentRow[],
  key: (r: CommitmentRow) => string,
): { id: string; compliance: Compliance }[] {
  const groups = new Map<string, CommitmentRow[]>();
  for (const r of rows) {
    const k = key(r);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return [...groups].map(([id, list]) => ({ id, compliance: compliance(list) }));
}

/**
 * Compliance of a filter. commitmentReport(rows, { period: November }) → total.rate = share of
 * November's decided tickets whose first intervention started within the target.
 */
export function commitmentReport(rows: readonly CommitmentRow[], filter: CommitmentFilter): CommitmentReport {
  const from = dayNumberOf(filter.period.from, 'period.from');
  const to = dayNumberOf(filter.period.to, 'period.to');
  const inside = rows.filter((r) => inFilter(r, filter, from, to));
  return {
    total: compliance(inside),
    byClient: grouped(inside, (r) => r.ticket.clientId),
    byTechnician: grouped(inside, (r) => r.technicianId ?? ''),
    byMonth: grouped(inside, (r) => r.month).sort((a, b) => (a.id < b.id ? -1 : 1)),
    breaches: inside.filter((r) => r.commitment.state === 'breached').reverse(),
    running: rows
      .filter(
        (r) =>
          r.commitment.state === 'running' &&
          (!filter.clientId || r.ticket.clientId === filter.clientId) &&
          (!filter.technicianId || r.technicianId === filter.technicianId),
      )
      .sort((a, b) => a.commitment.remainingMinutes - b.commitment.remainingMinutes),
  };
}
