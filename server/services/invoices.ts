/**
 * Credit invoices (domain.md §3.2): block 1 — the base invoiced in advance at the effective
 * date — and one per automatic renewal. The ledger is derived from the contract's documents
 * with `contractLedger` (shared/domain), exactly as devices derive it; each block event becomes
 * the invoice `${contractId}:${kind}:${block}`, inserted with ON CONFLICT DO NOTHING, so two
 * racing pushes (or two server processes) create it exactly once and an issued invoice is never
 * rewritten, even if a late-syncing intervention later reorders the ledger.
 *
 * It runs right after each push that can move a ledger, and over every contract at start, which
 * repairs a crash between a push's commit and its invoices.
 */
import Decimal from 'decimal.js';
import { sql } from 'drizzle-orm';
import { contractLedger, type CreditLedger, handlingFee, withVat } from '../../shared/domain';
import {
  type CollectionName,
  type Contract,
  type Equipment,
  type Intervention,
  type Invoice,
  type Ticket,
  validateDocument,
} from '../../shared/schemas';
import { type Database, queryRows } from '../db/database';
import { documentsWhere, writeDocuments } from './document-store';
import type { Change } from './push';
import { sameJson } from './canonical-json';

/** Ticket and equipment fields that decide coverage (domain.md §3.1), hence the ledger. */
const TICKET_LEDGER_FIELDS = ['contractId', 'equipmentId', 'channel', 'nature', 'plannedService'] as const;
const EQUIPMENT_LEDGER_FIELDS = ['clientId', 'kind', 'covered'] as const;

export type InvoiceService = {
  /** Creates the invoices a push made due; resolves to the number created. */
  afterPush(collection: CollectionName, changes: readonly Change[]): Promise<number>;
  reconcileContract(contractId: string): Promise<number>;
  reconcileAll(): Promise<number>;
};

type Doc = Record<string, unknown>;
const changed = (c: Change, fields: readonly string[]) =>
  c.before === null || c.deleted || fields.some((f) => !sameJson(c.before?.[f], c.after[f]));

export function createInvoiceService(db: Database, now: () => number = Date.now): InvoiceService {
  async function contractsOfClients(clientIds: readonly string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const clientId of new Set(clientIds)) {
      const contracts = await documentsWhere<Contract>(db.orm, 'contracts', 'clientId', clientId);
      ids.push(...contracts.map((contract) => contract.id));
    }
    return ids;
  }

  async function affectedContracts(collection: CollectionName, changes: readonly Change[]): Promise<string[]> {
    const ids = (docs: (Doc | null)[], field: string) =>
      docs.map((doc) => doc?.[field]).filter((id): id is string => typeof id === 'string');
    switch (collection) {
      case 'contracts':
        return ids(
          changes.map((c) => c.after),
          'id',
        );
      case 'interventions':
        return ids(
          changes.flatMap((c) => [c.before, c.after]),
          'contractId',
        );
      case 'tickets': {
        const relevant = changes.filter((c) => changed(c, TICKET_LEDGER_FIELDS));
        return ids(
          relevant.flatMap((c) => [c.before, c.after]),
          'contractId',
        );
      }
      case 'equipment': {
        const relevant = changes.filter((c) => changed(c, EQUIPMENT_LEDGER_FIELDS));
        return contractsOfClients(
          ids(
            relevant.flatMap((c) => [c.before, c.after]),
            'clientId',
          ),
        );
      }
      default:
        return [];
    }
  }

  async function loadContracts(ids: readonly string[]): Promise<Contract[]> {
    if (ids.length === 0) return [];
    const rows = await queryRows<{ doc: Contract }>(
      db.orm,
      sql`select doc from documents where collection = 'contracts' and not deleted
          and id in (select jsonb_array_elements_text(${JSON.stringify([...new Set(ids)])}::jsonb)) order by id`,
    );
    return rows.map((row) => row.doc);
  }

  async function reconcile(contract: Contract): Promise<number> {
    const [tickets, equipment, interventions, issued] = await Promise.all([
      documentsWhere<Ticket>(db.orm, 'tickets', 'contractId', contract.id),
      documentsWhere<Equipment>(db.orm, 'equipment', 'clientId', contract.clientId),
      documentsWhere<Intervention>(db.orm, 'interventions', 'contractId', contract.id),
      queryRows<{ id: string }>(
        db.orm,
        sql`select id from documents where collection = 'invoices' and doc->>'contractId' = ${contract.id}`,
      ),
    ]);
    const ledger = contractLedger({ contract, tickets, equipment, interventions });
    const existing = new Set(issued.map((row) => row.id));
    const missing = [ledger.ut, ...(ledger.halfDays ? [ledger.halfDays] : [])]
      .flatMap((credit) => invoicesOf(contract, credit, new Date(now()).toISOString()))
      .filter((invoice) => !existing.has(invoice.id));
    if (missing.length === 0) return 0;
    const written = await db.orm.transaction((tx) =>
      writeDocuments(
        tx,
        'invoices',
        missing.map((doc) => ({ id: doc.id, doc, deleted: false })),
        'server',
        'insert-if-absent',
      ),
    );
    return written.length;
  }

  async function reconcileMany(contractIds: readonly string[]): Promise<number> {
    let created = 0;
    for (const contract of await loadContracts(contractIds)) created += await reconcile(contract);
    return created;
  }

  return {
    afterPush: async (collection, changes) => reconcileMany(await affectedContracts(collection, changes)),
    reconcileContract: (contractId) => reconcileMany([contractId]),
    async reconcileAll() {
      const rows = await queryRows<{ id: string }>(
        db.orm,
        sql`select id from documents where collection = 'contracts' and not deleted order by id`,
      );
      return reconcileMany(rows.map((row) => row.id));
    },
  };
}

/**
 * The invoice of each block of a credit. invoicesOf(contract with a 16 UT base at 25.00,
 * block 2 at 25.00) → `${id}:ut:2`: 16 × 25.00 = 400.00 HT, 80.00 VAT, 480.00 TTC.
 */
export function invoicesOf(contract: Contract, credit: CreditLedger, issuedNow: string): Invoice[] {
  return credit.blockEvents.map((event) => {
    const amounts = withVat(new Decimal(event.unitPrice).times(event.quantity).toFixed(2));
    const invoice: Invoice = {
      id: `${contract.id}:${credit.kind}:${event.block}`,
      updatedAt: issuedNow,
      contractId: contract.id,
      clientId: contract.clientId,
      kind: credit.kind,
      block: event.block,
      quantity: event.quantity,
      unitPrice: event.unitPrice,
      amountHT: amounts.ht,
      vat: amounts.vat,
      amountTTC: amounts.ttc,
      handlingFee: handlingFee(contract.directDebit),
      issuedAt: event.at,
      ...(event.interventionId === undefined ? {} : { triggeredBy: event.interventionId }),
    };
    const checked = validateDocument('invoices', invoice);
    if (!checked.ok)
      throw new Error(`invoice ${invoice.id} is invalid at ${checked.failure.field}: ${checked.failure.message}`);
    return invoice;
  });
}
