import { useMemo } from 'react';
import type { Client, User } from '../../../shared/schemas';
import type { Names } from './export-rows';
import type { LeadData } from './lead-data';

export type NameBook = Names & {
  /** Clients sorted by name, for pickers. */
  sortedClients: Client[];
  /** People who do interventions (technicians and leads), sorted by name. */
  technicians: User[];
  clientName(id: string): string;
  userName(id: string): string;
};

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fr');

/** Look-ups by id and sorted pickers, rebuilt only when the documents change. */
export function useNames(data: LeadData | undefined): NameBook {
  const clients = data?.clients;
  const contracts = data?.contracts;
  const tickets = data?.tickets;
  const users = data?.users;
  return useMemo(() => {
    const clientMap = new Map((clients ?? []).map((c) => [c.id, c]));
    const userMap = new Map((users ?? []).map((u) => [u.id, u]));
    return {
      clients: clientMap,
      contracts: new Map((contracts ?? []).map((c) => [c.id, c])),
      tickets: new Map((tickets ?? []).map((t) => [t.id, t])),
      users: userMap,
      sortedClients: [...(clients ?? [])].sort(byName),
      technicians: (users ?? []).filter((u) => u.role !== 'admin' || u.active).sort(byName),
      clientName: (id) => clientMap.get(id)?.name ?? id,
      userName: (id) => userMap.get(id)?.name ?? id,
    };
  }, [clients, contracts, tickets, users]);
}
