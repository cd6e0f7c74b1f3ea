/**
 * Credit invoices (domain.md §3.2): block 1 — the base invoiced in advance at the effective
 * date — and one per automatic renewal. The ledger is derived from the contract's documents
 * with `contractLedger` (shared/domain), exactly as devices derive it; each block event becomes
 * the invoice `${contractId}:${kind}:${block}`, inserted with ON CONFLICT DO NOTHING, so two
 * racing pushes (or two server processes) create it exactly once and an issued invoice is never
 * rewritten, even if a late-syncing intervention later reorders the ledger.
 *
 * It runs right after each push that can move a ledger, and over every contract at start, which
 * repairs a crash between a push's commit and its invoices. A pass issues MAX_INVOICES_PER_PASS
 * invoices at most; a contract owing more (a renewal storm) is logged, its invoices marked, and
 * left in a backlog that background passes drain, so every invoice the contract owes is issued.
 */
import { sql } from 'drizzle-orm';
import { contractLedger, type CreditLedger } from '../../shared/domain';
import {
  type CollectionName,
  type Contract,
  type Equipment,
  type Intervention,
  type Ticket,
} from '../../shared/schemas';
import { type Database, queryRows } from '../db/database';
import { documentsWhere, writeDocuments } from './document-store';
import { invoicesOf, missingBlocks } from './invoice-documents';
import type { Change } from './push';
import { sameJson } from './canonical-json';

/** Ticket and equipment fields that decide coverage (domain.md §3.1), hence the ledger. */
const TICKET_LEDGER_FIELDS = ['contractId', 'equipmentId', 'channel', 'nature', 'plannedService'] as const;
const EQUIPMENT_LEDGER_FIELDS = ['clientId', 'kind', 'covered'] as const;

/**
 * Invoices one pass creates at most: a push's pass (shared by every contract it touched), a
 * backlog pass, or one contract's share of the start-up pass. A legitimate push makes a few at
 * most (a week of a technician's work renews a 16-UT base a handful of times); more is a renewal
 * storm — a record that bills far more than it should — and a signal, not a reason for one
 * request to write thousands of rows. What a pass leaves owed is issued by later passes.
 */
export const MAX_INVOICES_PER_PASS = 20;

export type InvoiceService = {
  /** Creates the invoices a push made due (MAX_INVOICES_PER_PASS at most); resolves to the number created. */
  afterPush(collection: CollectionName, changes: readonly Change[]): Promise<number>;
  reconcileContract(contractId: string): Promise<number>;
  /** Every contract, `perContract` invoices each at most (default MAX_INVOICES_PER_PASS). */
  reconcileAll(perContract?: number): Promise<number>;
  /** Contracts that still owe invoices a capped pass left for later. */
  backlog(): string[];
  /** Runs backlog passes until nothing is owed; resolves to the number created. */
  drainBacklog(): Promise<number>;
  /** Stops the background backlog passes. */
  stop(): void;
};

export type InvoiceServiceOptions = {
  /** Between two background backlog passes, ms (default 1 s). */
  backlogIntervalMs?: number;
  /** Told of renewal storms and of failed background passes. */
  log?: (level: 'warn' | 'error', fields: Record<string, unknown>, message: string) => void;
};

type Doc = Record<string, unknown>;
const changed = (c: Change, fields: readonly string[]) =>
  c.before === null || c.deleted || fields.some((f) => !sameJson(c.before?.[f], c.after[f]));

export function createInvoiceService(
  db: Database,
  now: () => number = Date.now,
  options: InvoiceServiceOptions = {},
): InvoiceService {
  /** Contracts in a renewal storm, with the storm's start: what was owed then, and when. */
  const backlog = new Map<string, { owed: number; detectedAt: string }>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

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

  /**
   * Issues up to `budget` of the invoices a contract owes, lowest blocks first. Owing more is a
   * renewal storm: logged, its invoices marked (`renewalStorm`, shown to leads on the credit
   * screen), and the contract kept in the backlog that later passes drain.
   */
  async function reconcile(contract: Contract, budget: number): Promise<number> {
    const [tickets, equipment, interventions, issuedRows] = await Promise.all([
      documentsWhere<Ticket>(db.orm, 'tickets', 'contractId', contract.id),
      documentsWhere<Equipment>(db.orm, 'equipment', 'clientId', contract.clientId),
      documentsWhere<Intervention>(db.orm, 'interventions', 'contractId', contract.id),
      queryRows<{ kind: string; block: number }>(
        db.orm,
        sql`select doc->>'kind' as kind, (doc->>'block')::int as block from documents
            where collection = 'invoices' and doc->>'contractId' = ${contract.id}`,
      ),
    ]);
    const ledger = contractLedger({ contract, tickets, equipment, interventions });
    const credits: CreditLedger[] = [ledger.ut, ...(ledger.halfDays ? [ledger.halfDays] : [])];
    let owed = 0;
    let room = budget;
    const due: { credit: CreditLedger; blocks: number[] }[] = [];
    for (const credit of credits) {
      const issued = new Set(issuedRows.filter((row) => row.kind === credit.kind).map((row) => row.block));
      const blocks = missingBlocks(credit.blocks, issued, Number.POSITIVE_INFINITY);
      owed += blocks.length;
      const take = blocks.slice(0, Math.max(0, room));
      room -= take.length;
      if (take.length > 0) due.push({ credit, blocks: take });
    }
    const issuedNow = new Date(now()).toISOString();
    // A storm lasts from the pass that finds more owed than it issues to the pass that issues the
    // last of it; every invoice issued meanwhile carries the storm's start.
    const storm = backlog.get(contract.id) ?? (owed > budget ? { owed, detectedAt: issuedNow } : undefined);
    const invoices = due.flatMap(({ credit, blocks }) =>
      invoicesOf(contract, credit, issuedNow, { blocks, now: now(), ...(storm ? { renewalStorm: storm } : {}) }),
    );
    if (storm && !backlog.has(contract.id)) {
      options.log?.(
        'warn',
        {
          contractId: contract.id,
          owed,
          issuing: invoices.length,
          triggeredBy: [...new Set(invoices.flatMap((i) => (i.triggeredBy ? [i.triggeredBy] : [])))].slice(0, 5),
        },
        'renewal storm: more invoices owed than one pass issues; later passes issue the rest',
      );
    }
    const written =
      invoices.length === 0
        ? []
        : await db.orm.transaction((tx) =>
            writeDocuments(
              tx,
              'invoices',
              invoices.map((doc) => ({ id: doc.id, doc, deleted: false })),
              'server',
              'insert-if-absent',
            ),
          );
    // Only once this pass's invoices are written, so the next pass starts from them.
    if (storm && owed > budget) {
      backlog.set(contract.id, storm);
      scheduleBacklog();
    } else {
      backlog.delete(contract.id);
    }
    return written.length;
  }

  /** One pass over contracts: `budget` invoices in all, or each when `perContract`. */
  async function reconcileMany(contractIds: readonly string[], budget: number, perContract = false): Promise<number> {
    let created = 0;
    for (const contract of await loadContracts(contractIds)) {
      const left = perContract ? budget : budget - created;
      if (left <= 0) {
        // Not looked at in this pass: a backlog pass will (a storm only if it owes more than a pass).
        skipped.add(contract.id);
        scheduleBacklog();
        continue;
      }
      created += await reconcile(contract, left);
    }
    return created;
  }

  /** Contracts a pass had no room left for: looked at by the next backlog pass. */
  const skipped = new Set<string>();

  async function backlogPass(): Promise<number> {
    const ids = [...new Set([...backlog.keys(), ...skipped])];
    skipped.clear();
    return reconcileMany(ids, MAX_INVOICES_PER_PASS);
  }

  function scheduleBacklog(): void {
    if (timer || stopped) return;
    timer = setTimeout(() => {
      timer = null;
      backlogPass().then(
        () => {
          if (backlog.size > 0 || skipped.size > 0) scheduleBacklog();
        },
        (error: unknown) => {
          options.log?.('error', { err: error }, 'invoice backlog pass failed');
          scheduleBacklog();
        },
      );
    }, options.backlogIntervalMs ?? 1000);
    timer.unref?.();
  }

  return {
    afterPush: async (collection, changes) =>
      reconcileMany(await affectedContracts(collection, changes), MAX_INVOICES_PER_PASS),
    reconcileContract: (contractId) => reconcileMany([contractId], MAX_INVOICES_PER_PASS),
    async reconcileAll(perContract = MAX_INVOICES_PER_PASS) {
      const rows = await queryRows<{ id: string }>(
        db.orm,
        sql`select id from documents where collection = 'contracts' and not deleted order by id`,
      );
      return reconcileMany(
        rows.map((row) => row.id),
        perContract,
        true,
      );
    },
    backlog: () => [...new Set([...backlog.keys(), ...skipped])],
    async drainBacklog() {
      let created = 0;
      while (backlog.size > 0 || skipped.size > 0) created += await backlogPass();
      return created;
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
