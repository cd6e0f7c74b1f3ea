/**
 * Everything about a client a technician needs beside a ticket, live: the contract in force,
 * its equipment, and the contract's ledger (balances, billing of each intervention) derived by
 * shared/domain from the interventions — recomputed only when those documents change.
 */
import { useMemo } from 'react';
import { combineLatest, map, of } from 'rxjs';
import { contractLedger, type ContractLedger } from '../../../shared/domain';
import type { Client, Contract, Equipment, Intervention, Ticket } from '../../../shared/schemas';
import { useLive } from '../../data/react';

export type ClientContext = {
  client: Client | null;
  contract: Contract | null;
  equipment: Equipment[];
  tickets: Ticket[];
  interventions: Intervention[];
  ledger: ContractLedger | null;
};

export function useClientContext(
  clientId: string | undefined,
  contractId: string | undefined,
): ClientContext | undefined {
  const live = useLive(
    (data) => {
      if (!clientId) return of(null);
      return combineLatest([
        data.clients.get$(clientId),
        contractId ? data.contracts.get$(contractId) : of(null),
        data.equipment.byClient$(clientId),
        data.tickets.byClient$(clientId),
        contractId ? data.interventions.byContract$(contractId) : of([] as Intervention[]),
      ]).pipe(
        map(([client, contract, equipment, tickets, interventions]) => ({
          client,
          contract,
          equipment,
          tickets,
          interventions,
        })),
      );
    },
    [clientId, contractId],
  );
  const raw = live.data;
  return useMemo(() => {
    if (!raw) return undefined;
    let ledger: ContractLedger | null = null;
    if (raw.contract) {
      const contractTickets = raw.tickets.filter((t) => t.contractId === raw.contract?.id);
      ledger = contractLedger({
        contract: raw.contract,
        tickets: contractTickets,
        equipment: raw.equipment,
        interventions: raw.interventions,
      });
    }
    return { ...raw, ledger };
  }, [raw]);
}
