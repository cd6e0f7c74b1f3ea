/**
 * Every contract's ledger (shared/domain `contractLedger`), derived from the documents on this
 * device and reused across screens and renders.
 *
 * A live query emits whole new arrays when one document changes, yet only that document's
 * contract needs its ledger again. So each contract keeps its last ledger with a fingerprint of
 * its inputs (the contract, and the id and updatedAt of each of its tickets, equipment and
 * interventions); a new emission recomputes only the contracts whose fingerprint moved.
 * Documents are immutable and every change moves `updatedAt`, so an equal fingerprint means equal
 * inputs.
 */
import { contractLedger, type ContractLedger } from '../../../shared/domain';
import type { Contract, Equipment, Intervention, Ticket } from '../../../shared/schemas';
import { groupByContract } from './lead-data';
import { memoLast } from './memo';

export type ContractLedgerResult =
  | {
      contract: Contract;
      ok: true;
      ledger: ContractLedger;
      interventions: readonly Intervention[];
      tickets: readonly Ticket[];
    }
  | {
      contract: Contract;
      ok: false;
      error: string;
      interventions: readonly Intervention[];
      tickets: readonly Ticket[];
    };

export type Ledgers = {
  byContract: ReadonlyMap<string, ContractLedgerResult>;
  /** Interventions whose contract is not on this device: counted nowhere, shown as a warning. */
  orphans: readonly Intervention[];
  equipmentById: ReadonlyMap<string, Equipment>;
  ticketsById: ReadonlyMap<string, Ticket>;
};

/** FNV-1a over the strings of a contract's inputs, as a short key. */
function fingerprint(contract: Contract, parts: readonly (readonly { id: string; updatedAt: string }[])[]): string {
  let hash = 0x811c9dc5;
  let count = 0;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  };
  for (const list of parts) {
    for (const doc of list) {
      feed(doc.id);
      feed(doc.updatedAt);
      count++;
    }
    feed('|');
  }
  return `${contract.id}:${contract.updatedAt}:${count}:${(hash >>> 0).toString(36)}`;
}

const previous = new Map<string, { key: string; result: ContractLedgerResult }>();
const MAX_KEPT = 2000;

/** The ledger of one contract, reusing the previous one when its inputs did not change. */
function ledgerFor(
  contract: Contract,
  tickets: readonly Ticket[],
  equipment: readonly Equipment[],
  interventions: readonly Intervention[],
): ContractLedgerResult {
  const key = fingerprint(contract, [tickets, equipment, interventions]);
  const kept = previous.get(contract.id);
  if (kept && kept.key === key) return kept.result;
  let result: ContractLedgerResult;
  try {
    result = {
      contract,
      ok: true,
      ledger: contractLedger({ contract, tickets, equipment, interventions }),
      interventions,
      tickets,
    };
  } catch (error) {
    // One contract with inconsistent data must not blank the whole workspace: it is listed apart.
    result = {
      contract,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      interventions,
      tickets,
    };
  }
  previous.set(contract.id, { key, result });
  if (previous.size > MAX_KEPT) previous.delete(previous.keys().next().value ?? contract.id);
  return result;
}

/**
 * The ledgers of every contract. Memoised on the identity of the four arrays: the same arrays
 * give the same object, so screens can memoise on it in turn.
 */
export const computeLedgers = memoLast(
  (
    contracts: readonly Contract[],
    tickets: readonly Ticket[],
    equipment: readonly Equipment[],
    interventions: readonly Intervention[],
  ): Ledgers => {
    const ticketsByContract = groupByContract(tickets);
    const interventionsByContract = groupByContract(interventions);
    const equipmentById = new Map(equipment.map((item) => [item.id, item]));
    const ticketsById = new Map(tickets.map((ticket) => [ticket.id, ticket]));
    const equipmentByClient = new Map<string, Equipment[]>();
    for (const item of equipment) {
      const list = equipmentByClient.get(item.clientId);
      if (list) list.push(item);
      else equipmentByClient.set(item.clientId, [item]);
    }
    const byContract = new Map<string, ContractLedgerResult>();
    for (const contract of contracts) {
      byContract.set(
        contract.id,
        ledgerFor(
          contract,
          ticketsByContract.get(contract.id) ?? [],
          equipmentByClient.get(contract.clientId) ?? [],
          interventionsByContract.get(contract.id) ?? [],
        ),
      );
    }
    const orphans: Intervention[] = [];
    for (const [contractId, list] of interventionsByContract) if (!byContract.has(contractId)) orphans.push(...list);
    return { byContract, orphans, equipmentById, ticketsById };
  },
);
