import { useMemo } from 'react';
import { combineLatest, map, NEVER } from 'rxjs';
import type { Client, Contract, Ticket, User } from '../../../shared/schemas';
import { useLive } from '../../data/react';
import { ticketRows, type TicketRow } from './derive';

export type TicketSources = { tickets: Ticket[]; clients: Client[]; contracts: Contract[]; users: User[] };

/**
 * The ticket screens' rows, live, with what they were made from (`undefined` while loading).
 * Tickets first, interventions after: IndexedDB serves one bulk read at a time, so on a year of
 * data the list is usable before every intervention is read, and the commitment chips fill in.
 */
export function useTicketRows(now: Date): {
  rows: TicketRow[];
  sources: TicketSources | undefined;
  loading: boolean;
} {
  const live = useLive(
    (d) =>
      combineLatest([d.tickets.all$(), d.clients.all$(), d.contracts.all$(), d.users.all$()]).pipe(
        map(([tickets, clients, contracts, users]) => ({ tickets, clients, contracts, users })),
      ),
    [],
  );
  const sources = live.data;
  const interventions = useLive((d) => (sources ? d.interventions.all$() : NEVER), [sources !== undefined]).data;
  const rows = useMemo(
    () => (sources ? ticketRows(sources.tickets, sources.clients, sources.contracts, interventions, now) : []),
    [sources, interventions, now],
  );
  return { rows, sources, loading: live.loading };
}
