/**
 * Ticket facts derived for screens: the 30-minute commitment of each ticket (module A) from its
 * contract's calendar and the first start of its interventions. Computed once per change of the
 * inputs for the whole list (20,000 tickets), never per row render.
 */
import {
  contractCalendar,
  DEFAULT_INTERVENTION_TARGET_MINUTES,
  interventionCommitment,
  type InterventionCommitment,
} from '../../../shared/domain';
import {
  OPEN_TICKET_STATUSES,
  type Client,
  type Contract,
  type Intervention,
  type Ticket,
} from '../../../shared/schemas';

/** Running with this many business minutes or fewer left: shown "à risque". */
export const AT_RISK_MINUTES = 10;

/** `pending`: the interventions are still loading, so the state is not known yet. */
export type SlaChipState = 'running' | 'at_risk' | 'met' | 'breached' | 'none' | 'pending';

export type TicketSla = { commitment: InterventionCommitment | null; chip: SlaChipState };

/** Earliest segment start (ms) per ticket, over every intervention. */
export function firstStartByTicket(interventions: readonly Intervention[]): Map<string, number> {
  const first = new Map<string, number>();
  for (const intervention of interventions) {
    const start = intervention.segments[0]?.start;
    if (!start) continue;
    const ms = Date.parse(start);
    const known = first.get(intervention.ticketId);
    if (known === undefined || ms < known) first.set(intervention.ticketId, ms);
  }
  return first;
}

export function ticketSla(
  ticket: Ticket,
  contract: Contract | undefined,
  firstStartMs: number | undefined,
  now: Date,
): TicketSla {
  // CG art. 9 counts delays from the reception of a call: a planned service (modules C–F) is
  // scheduled, not called in, and carries no 30-minute clock (same rule as the lead's screens).
  if (!contract || !contract.modules.A.active || ticket.plannedService !== undefined)
    return { commitment: null, chip: 'none' };
  const commitment = interventionCommitment(
    contractCalendar(contract),
    new Date(ticket.receivedAt),
    firstStartMs === undefined ? undefined : new Date(firstStartMs),
    now,
    contract.interventionTargetMinutes || DEFAULT_INTERVENTION_TARGET_MINUTES,
  );
  const chip: SlaChipState =
    commitment.state === 'running' && commitment.remainingMinutes <= AT_RISK_MINUTES ? 'at_risk' : commitment.state;
  return { commitment, chip };
}

export type TicketRow = {
  ticket: Ticket;
  client: Client | undefined;
  contract: Contract | undefined;
  sla: TicketSla;
};

/**
 * Rows for the ticket screens. Without `interventions` (still loading on a device that holds a
 * year of them) the list is usable at once and the commitment chips say `pending`.
 */
export function ticketRows(
  tickets: readonly Ticket[],
  clients: readonly Client[],
  contracts: readonly Contract[],
  interventions: readonly Intervention[] | undefined,
  now: Date,
): TicketRow[] {
  const clientById = new Map(clients.map((c) => [c.id, c]));
  const contractById = new Map(contracts.map((c) => [c.id, c]));
  const firstStarts = interventions ? firstStartByTicket(interventions) : null;
  return tickets.map((ticket) => {
    const contract = contractById.get(ticket.contractId);
    return {
      ticket,
      client: clientById.get(ticket.clientId),
      contract,
      sla: firstStarts
        ? ticketSla(ticket, contract, firstStarts.get(ticket.id), now)
        : { commitment: null, chip: 'pending' as const },
    };
  });
}

/** Lower-case, accents removed: "Élodie" and "elodie" match alike. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

export type TicketFilters = {
  /** Mine (assigned to me, or opened by me and unassigned) or the whole team's. */
  scope: 'mine' | 'team';
  /**
   * `open`: the tickets to work on, planned services scheduled after today left out (a planned
   * year is a dozen tickets per client, in the planning until their day); `upcoming`: those.
   */
  status: Ticket['status'] | 'open' | 'upcoming' | 'any';
  channel: Ticket['channel'] | 'any';
  clientId: string | 'any';
  sla: SlaChipState | 'any';
  search: string;
  sort: 'received_desc' | 'received_asc' | 'sla';
};

export const DEFAULT_FILTERS: TicketFilters = {
  scope: 'team',
  status: 'open',
  channel: 'any',
  clientId: 'any',
  sla: 'any',
  search: '',
  sort: 'received_desc',
};

const OPEN_STATUSES = new Set<Ticket['status']>(OPEN_TICKET_STATUSES);
const SLA_ORDER: Record<SlaChipState, number> = { breached: 0, at_risk: 1, running: 2, met: 3, none: 4, pending: 5 };

/** A planned service whose day is after `today` (a `YYYY-MM-DD` day in Paris). */
export function isUpcomingPlanned(ticket: Ticket, today: string): boolean {
  return ticket.plannedService !== undefined && ticket.plannedFor !== undefined && ticket.plannedFor > today;
}

export function filterTickets(
  rows: readonly TicketRow[],
  filters: TicketFilters,
  userId: string,
  today: string,
): TicketRow[] {
  const needle = normalize(filters.search);
  const out = rows.filter(({ ticket, client, sla }) => {
    if (
      filters.scope === 'mine' &&
      ticket.assigneeId !== userId &&
      !(ticket.assigneeId === undefined && ticket.createdBy === userId)
    ) {
      return false;
    }
    if (filters.status === 'open' || filters.status === 'upcoming') {
      if (!OPEN_STATUSES.has(ticket.status)) return false;
      if (isUpcomingPlanned(ticket, today) !== (filters.status === 'upcoming')) return false;
    } else if (filters.status !== 'any' && ticket.status !== filters.status) {
      return false;
    }
    if (filters.channel !== 'any' && ticket.channel !== filters.channel) return false;
    if (filters.clientId !== 'any' && ticket.clientId !== filters.clientId) return false;
    if (filters.sla !== 'any' && sla.chip !== filters.sla) return false;
    if (needle) {
      const haystack = normalize(`${ticket.reference} ${ticket.title} ${client?.name ?? ''} ${ticket.description}`);
      if (!haystack.includes(needle)) return false;
    }
    return true;
  });
  out.sort((a, b) => {
    if (filters.sort === 'sla') {
      return (
        SLA_ORDER[a.sla.chip] - SLA_ORDER[b.sla.chip] ||
        (a.sla.commitment?.remainingMinutes ?? 0) - (b.sla.commitment?.remainingMinutes ?? 0) ||
        (a.ticket.receivedAt < b.ticket.receivedAt ? 1 : -1)
      );
    }
    const cmp = a.ticket.receivedAt < b.ticket.receivedAt ? -1 : a.ticket.receivedAt > b.ticket.receivedAt ? 1 : 0;
    return filters.sort === 'received_asc' ? cmp : -cmp;
  });
  return out;
}
