import { useMemo } from 'react';
import { combineLatest, concat, first, map, NEVER, of, switchMap, type Observable } from 'rxjs';
import type { Client, Contract, Ticket, User } from '../../../shared/schemas';
import type { CadranData } from '../../data';
import { useLive } from '../../data/react';
import { ticketRows, type TicketRow } from './derive';

export type TicketSources = {
  tickets: Ticket[];
  clients: Client[];
  contracts: Contract[];
  users: User[];
  /** False while only the open tickets are read (the whole history is on its way). */
  complete: boolean;
};

/** Which tickets a screen needs: only the open ones (home), or every ticket (the list). */
export type TicketScope = 'open' | 'all';

/**
 * The open tickets at once, then every ticket. The open ones come from an indexed query (a few
 * hundred documents); the whole history (20,000 tickets after a year) is one bulk read that
 * takes seconds on a slow disk. IndexedDB serves one read at a time here, so the history is
 * asked for only once the open tickets are on screen.
 */
function tickets$(d: CadranData, scope: TicketScope): Observable<{ tickets: Ticket[]; complete: boolean }> {
  const open$ = d.tickets.open$();
  if (scope === 'open') return open$.pipe(map((tickets) => ({ tickets, complete: true })));
  return open$.pipe(
    first(),
    switchMap((open) =>
      concat(
        of({ tickets: open, complete: false }),
        d.tickets.all$().pipe(map((tickets) => ({ tickets, complete: true }))),
      ),
    ),
  );
}

/**
 * The ticket screens' rows, live, with what they were made from (`undefined` while loading).
 * Tickets first, interventions after, for the same reason: the rows are usable before every
 * intervention is read, and the commitment chips fill in.
 */
export function useTicketRows(
  now: Date,
  scope: TicketScope = 'all',
): {
  rows: TicketRow[];
  sources: TicketSources | undefined;
  loading: boolean;
} {
  const live = useLive(
    (d) =>
      combineLatest([tickets$(d, scope), d.clients.all$(), d.contracts.all$(), d.users.all$()]).pipe(
        map(([{ tickets, complete }, clients, contracts, users]) => ({ tickets, clients, contracts, users, complete })),
      ),
    [scope],
  );
  const sources = live.data;
  const ticketsRead = sources?.complete === true;
  const interventions = useLive((d) => (ticketsRead ? d.interventions.all$() : NEVER), [ticketsRead]).data;
  const rows = useMemo(
    () => (sources ? ticketRows(sources.tickets, sources.clients, sources.contracts, interventions, now) : []),
    [sources, interventions, now],
  );
  return { rows, sources, loading: live.loading };
}
