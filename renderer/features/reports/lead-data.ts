/**
 * What the team lead's screens read: every synced document they derive from. One type for the
 * reports, credit, service-level and validation screens, so a screen's pure modules can be
 * tested with plain arrays and fed the same arrays by the live query.
 */
import type { Client, Contract, Equipment, Intervention, Invoice, Ticket, User } from '../../../shared/schemas';

export type LeadData = {
  clients: readonly Client[];
  contracts: readonly Contract[];
  equipment: readonly Equipment[];
  tickets: readonly Ticket[];
  interventions: readonly Intervention[];
  users: readonly User[];
  invoices: readonly Invoice[];
};

export const EMPTY_LEAD_DATA: LeadData = {
  clients: [],
  contracts: [],
  equipment: [],
  tickets: [],
  interventions: [],
  users: [],
  invoices: [],
};

/** Documents grouped by contract id, in their given order. */
export function groupByContract<T extends { contractId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.contractId);
    if (group) group.push(item);
    else groups.set(item.contractId, [item]);
  }
  return groups;
}

/** A map by id. */
export function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(item.id, item);
  return map;
}
