/**
 * The échéances of every client on this device, live, with each client's business calendar
 * (its contract's region and closed days), recomputed when the day changes.
 */
import { useMemo } from 'react';
import { combineLatest } from 'rxjs';
import { contractCalendar, echeances, type BusinessCalendar, type Echeance } from '../../../shared/domain';
import type { Client } from '../../../shared/schemas';
import { useLive } from '../../data/react';
import { useNow } from '../../ui/useNow';
import { localIsoDay } from '../reports/local-day';

export type EcheanceView = { list: Echeance[]; clients: Map<string, Client>; today: string };

export function useToday(): string {
  return localIsoDay('Europe/Paris', useNow(60_000).getTime());
}

export function useEcheances(clientId?: string): EcheanceView | undefined {
  const today = useToday();
  const live = useLive(
    (d) =>
      combineLatest({
        equipment: clientId ? d.equipment.byClient$(clientId) : d.equipment.all$(),
        contracts: clientId ? d.contracts.byClient$(clientId) : d.contracts.all$(),
        clients: d.clients.all$(),
      }),
    [clientId ?? null],
  ).data;
  return useMemo(() => {
    if (!live) return undefined;
    const calendars = new Map<string, BusinessCalendar>();
    // The client's calendar is its latest contract's.
    for (const contract of [...live.contracts].sort((a, b) => (a.startDate < b.startDate ? -1 : 1))) {
      try {
        calendars.set(contract.clientId, contractCalendar(contract));
      } catch {
        // A contract with an unknown region keeps mainland France's calendar here; its own screen says why.
      }
    }
    return {
      list: echeances(live.equipment, today, { calendarOf: (id) => calendars.get(id) }),
      clients: new Map(live.clients.map((c) => [c.id, c])),
      today,
    };
  }, [live, today]);
}
