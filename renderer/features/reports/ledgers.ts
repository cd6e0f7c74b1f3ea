/**
 * Every contract's ledger (shared/domain `contractLedger`), derived from the documents on this
 * device and reused across screens and renders.
 *
 * A live query emits whole new arrays when one document changes, yet only that document's
 * contract needs its ledger again. So each contract keeps its last ledger with its inputs (the
 * contract, its tickets, equipment and interventions); a new emission recomputes only the
 * contracts whose inputs changed — compared document by document on (id, updatedAt). Documents
 * are immutable and every change moves `updatedAt`, so equal pairs mean equal inputs.
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

type Inputs = {
  contract: Contract;
  tickets: readonly Ticket[];
  equipment: readonly Equipment[];
  interventions: readonly Intervention[];
};

/**
 * Same documents, in the same order? Unchanged documents are usually the very same objects; when
 * the store hands out copies, their id and updatedAt say it (strings compare by pointer first).
 */
function sameDocs(
  a: readonly { id: string; updatedAt: string }[],
  b: readonly { id: string; updatedAt: string }[],
): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (!x || !y || x.id !== y.id || x.updatedAt !== y.updatedAt) return false;
  }
  return true;
}

function sameInputs(a: Inputs, b: Inputs): boolean {
  return (
    (a.contract === b.contract || (a.contract.id === b.contract.id && a.contract.updatedAt === b.contract.updatedAt)) &&
    sameDocs(a.interventions, b.interventions) &&
    sameDocs(a.tickets, b.tickets) &&
    sameDocs(a.equipment, b.equipment)
  );
}

const previous = new Map<string, { inputs: Inputs; result: ContractLedgerResult }>();
const MAX_KEPT = 2000;

/** The ledger of one contract, reusing the previous one when its inputs did not change. */
function ledgerFor(
  contract: Contract,
  tickets: readonly Ticket[],
  equipment: readonly Equipment[],
  interventions: readonly Intervention[],
): ContractLedgerResult {
  const inputs: Inputs = { contract, tickets, equipment, interventions };
  const kept = previous.get(contract.id);
  if (kept && sameInputs(kept.inputs, inputs)) return kept.result;
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
  previous.set(contract.id, { inputs, result });
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
