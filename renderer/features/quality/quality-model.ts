/**
 * The quality index screens' pure part (the index itself: shared/domain/quality-index.ts):
 * the facts of every planned occurrence from the synced documents, the periods a lead looks
 * at, and the index per client.
 */
import {
  contractYearOn,
  isPlannedTicket,
  lastMonths,
  monthPeriod,
  occurrenceFacts,
  plannedQuantity,
  PLANNED_SERVICE_CODES,
  qualityIndex,
  qualityTrend,
  type Period,
  type PlannedTicket,
  type QualityFacts,
  type QualitySummary,
} from '../../../shared/domain';
import type { Client, Contract, Intervention, Ticket } from '../../../shared/schemas';

export type ClientFacts = QualityFacts & { clientId: string; contractId: string; ticket: PlannedTicket };

export function plannedFacts(data: {
  tickets: readonly Ticket[];
  interventions: readonly Intervention[];
  contracts: readonly Contract[];
}): ClientFacts[] {
  const planned = data.tickets.filter(isPlannedTicket);
  const byTicket = new Map<string, Intervention[]>(planned.map((t) => [t.id, []]));
  for (const intervention of data.interventions) byTicket.get(intervention.ticketId)?.push(intervention);
  const contracts = new Map(data.contracts.map((c) => [c.id, c]));
  return planned.map((ticket) => ({
    ...occurrenceFacts(ticket, byTicket.get(ticket.id) ?? [], contracts.get(ticket.contractId)),
    clientId: ticket.clientId,
    contractId: ticket.contractId,
    ticket,
  }));
}

export type PeriodKind = 'last12' | 'calendarYear' | 'contractYear';

/** The last twelve months up to the end of the current one, by due date. */
export function last12Months(today: string): Period {
  const months = lastMonths(today, 12);
  return {
    from: monthPeriod(months[0] ?? today.slice(0, 7)).from,
    to: monthPeriod(months[11] ?? today.slice(0, 7)).to,
  };
}

export function calendarYear(today: string): Period {
  return { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
}

/** The client's contract with planned services (the most recent one when there are several). */
export function plannedContractOf(contracts: readonly Contract[], clientId: string): Contract | undefined {
  return contracts
    .filter((c) => c.clientId === clientId && PLANNED_SERVICE_CODES.some((m) => plannedQuantity(c, m) > 0))
    .sort((a, b) => (a.startDate < b.startDate ? 1 : -1))[0];
}

/** The current contract year of a contract, as a period of due dates. */
export function contractYearPeriod(contract: Contract, today: string): Period {
  const year = contractYearOn(contract.startDate, today);
  return { from: year.start, to: year.end };
}

export type ClientQuality = { client: Client; summary: QualitySummary };

/** The index per client that has planned services, worst first; clients with nothing counted last. */
export function qualityByClient(
  facts: readonly ClientFacts[],
  clients: readonly Client[],
  period: Period,
  today: string,
): ClientQuality[] {
  const byClient = new Map<string, ClientFacts[]>();
  for (const f of facts) byClient.set(f.clientId, [...(byClient.get(f.clientId) ?? []), f]);
  return clients
    .filter((c) => byClient.has(c.id))
    .map((client) => ({ client, summary: qualityIndex(byClient.get(client.id) ?? [], period, today) }))
    .sort(
      (a, b) => (a.summary.index ?? 2) - (b.summary.index ?? 2) || a.client.name.localeCompare(b.client.name, 'fr'),
    );
}

/** The index month by month over the twelve months ending with today's. */
export function trendOf(facts: readonly QualityFacts[], today: string) {
  return qualityTrend(facts, lastMonths(today, 12), today);
}
