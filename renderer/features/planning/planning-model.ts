/**
 * The planning screen's pure part: occurrences with their status, technician and client, and
 * the days of a week or month view (jours ouvrés Monday–Friday; Saturday and Sunday appear only
 * when an occurrence sits on one, which the generator never does but an older ticket may).
 */
import {
  occurrenceFacts,
  occurrenceStatus,
  type OccurrenceStatus,
  type PlannedTicket,
  type QualityFacts,
} from '../../../shared/domain';
import type { Client, Contract, Intervention, User } from '../../../shared/schemas';

export type OccurrenceRow = {
  ticket: PlannedTicket;
  client: Client | undefined;
  contract: Contract | undefined;
  technician: User | undefined;
  /** The day it is shown on: its planned day (or its due date for a ticket without one). */
  day: string;
  status: OccurrenceStatus;
  facts: QualityFacts;
  interventions: Intervention[];
};

export type PlanningInput = {
  planned: readonly PlannedTicket[];
  interventions: readonly Intervention[];
  contracts: readonly Contract[];
  clients: readonly Client[];
  users: readonly User[];
};

export function occurrenceRows(input: PlanningInput, today: string): OccurrenceRow[] {
  const byTicket = new Map<string, Intervention[]>();
  for (const ticket of input.planned) byTicket.set(ticket.id, []);
  // One pass over a year of interventions, keeping only those of planned tickets.
  for (const intervention of input.interventions) byTicket.get(intervention.ticketId)?.push(intervention);
  const contracts = new Map(input.contracts.map((c) => [c.id, c]));
  const clients = new Map(input.clients.map((c) => [c.id, c]));
  const users = new Map(input.users.map((u) => [u.id, u]));
  return input.planned
    .map((ticket) => {
      const interventions = byTicket.get(ticket.id) ?? [];
      const contract = contracts.get(ticket.contractId);
      const facts = occurrenceFacts(ticket, interventions, contract);
      const day = ticket.plannedFor ?? ticket.dueDate;
      return {
        ticket,
        client: clients.get(ticket.clientId),
        contract,
        technician: ticket.assigneeId ? users.get(ticket.assigneeId) : undefined,
        day,
        status: occurrenceStatus(facts, ticket.plannedFor, today),
        facts,
        interventions,
      };
    })
    .sort((a, b) =>
      a.day < b.day ? -1 : a.day > b.day ? 1 : a.ticket.plannedService.localeCompare(b.ticket.plannedService),
    );
}

const MS_PER_DAY = 86_400_000;
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDaysTo(day: string, days: number): string {
  return dayOf(dayMs(day) + days * MS_PER_DAY);
}

/** Monday of the week holding `day`. mondayOf('2026-12-03') → '2026-11-30'. */
export function mondayOf(day: string): string {
  const weekday = (new Date(dayMs(day)).getUTCDay() + 6) % 7;
  return addDaysTo(day, -weekday);
}

const isWeekend = (day: string) => {
  const weekday = new Date(dayMs(day)).getUTCDay();
  return weekday === 0 || weekday === 6;
};

export type View = 'week' | 'month';

/**
 * The weeks a view shows, each a list of days: one week, or every week touching the month.
 * Saturday and Sunday only when `days` (the occurrences' days) has one in that range.
 */
export function viewWeeks(view: View, anchor: string, days: ReadonlySet<string> = new Set()): string[][] {
  const first = view === 'week' ? mondayOf(anchor) : mondayOf(`${anchor.slice(0, 7)}-01`);
  const month = anchor.slice(0, 7);
  const weeks: string[][] = [];
  for (let monday = first; ; monday = addDaysTo(monday, 7)) {
    if (view === 'month' && weeks.length > 0 && monday.slice(0, 7) > month) break;
    weeks.push(Array.from({ length: 7 }, (_, i) => addDaysTo(monday, i)));
    if (view === 'week') break;
  }
  const all = weeks.flat();
  const weekend = all.some((d) => isWeekend(d) && days.has(d));
  return weeks.map((week) => (weekend ? week : week.filter((d) => !isWeekend(d))));
}

/** The anchor one step (a week, a month) before or after. */
export function stepAnchor(view: View, anchor: string, step: number): string {
  if (view === 'week') return addDaysTo(anchor, 7 * step);
  const [y, m] = anchor.split('-').map(Number) as [number, number];
  return dayOf(Date.UTC(y, m - 1 + step, 1));
}

export type GroupBy = 'technician' | 'client';

export type RowGroup = { key: string; label: string; rows: OccurrenceRow[] };

/** Rows grouped by technician (unassigned first, under key '') or by client, by name. */
export function groupRows(rows: readonly OccurrenceRow[], by: GroupBy, unassigned: string): RowGroup[] {
  const groups = new Map<string, RowGroup>();
  for (const row of rows) {
    const key = by === 'technician' ? (row.ticket.assigneeId ?? '') : row.ticket.clientId;
    const label =
      by === 'technician'
        ? key === ''
          ? unassigned
          : (row.technician?.name ?? key)
        : (row.client?.name ?? row.ticket.clientId);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, label, rows: [] }));
    group.rows.push(row);
  }
  return [...groups.values()].sort((a, b) =>
    a.key === '' ? -1 : b.key === '' ? 1 : a.label.localeCompare(b.label, 'fr'),
  );
}

/** Statuses that still call for work. */
export const OPEN_STATUSES: readonly OccurrenceStatus[] = ['planned', 'to_do', 'missed', 'no_report'];
