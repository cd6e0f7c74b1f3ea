/**
 * The credits of every contract, as the credit screens show them: each ledger (derived by
 * shared/domain from the interventions alone) with its forecast, and each block with the invoice
 * the server issued for it — or none yet, when this device computed a renewal before the server's
 * invoice arrived.
 */
import Decimal from 'decimal.js';
import type { CreditBlock, CreditLedger } from '../../../shared/domain';
import type { Client, Contract, Invoice } from '../../../shared/schemas';
import type { Ledgers } from '../reports/ledgers';
import { memoLast } from '../reports/memo';
import { forecastRenewal, type Forecast } from './forecast';

/** Below this share of the base left, the balance is shown as running low. */
export const LOW_BALANCE_SHARE = 0.25;

export type CreditSummary = {
  ledger: CreditLedger;
  forecast: Forecast;
  low: boolean;
};

export type CreditRow = {
  contract: Contract;
  client: Client | undefined;
  ut: CreditSummary | null;
  halfDays: CreditSummary | null;
  /** Why the ledger could not be computed. */
  error?: string;
};

export type BlockRow = CreditBlock & {
  kind: CreditLedger['kind'];
  /** quantity × unit price, HT, two decimals. */
  amountHT: string;
  invoice: Invoice | undefined;
};

function summary(ledger: CreditLedger | null, today: string, contract: Contract): CreditSummary | null {
  if (!ledger) return null;
  return {
    ledger,
    forecast: forecastRenewal(ledger, today, contract.startDate),
    low: ledger.balance <= ledger.base * LOW_BALANCE_SHARE,
  };
}

/** Every contract's credits, soonest forecast renewal first (contracts without one last). */
export const creditRows = memoLast((ledgers: Ledgers, clients: readonly Client[], today: string): CreditRow[] => {
  const clientById = new Map(clients.map((c) => [c.id, c]));
  const rows: CreditRow[] = [];
  for (const result of ledgers.byContract.values()) {
    const client = clientById.get(result.contract.clientId);
    if (!result.ok) {
      rows.push({ contract: result.contract, client, ut: null, halfDays: null, error: result.error });
      continue;
    }
    rows.push({
      contract: result.contract,
      client,
      ut: summary(result.ledger.ut, today, result.contract),
      halfDays: summary(result.ledger.halfDays, today, result.contract),
    });
  }
  const soonest = (row: CreditRow) => row.ut?.forecast.daysLeft ?? Number.POSITIVE_INFINITY;
  return rows.sort(
    (a, b) => soonest(a) - soonest(b) || (a.client?.name ?? '').localeCompare(b.client?.name ?? '', 'fr'),
  );
});

/** The invoice id the server gives a block: `${contractId}:${kind}:${block}`. */
export function invoiceId(contractId: string, kind: CreditLedger['kind'], block: number): string {
  return `${contractId}:${kind}:${block}`;
}

/** Blocks of a ledger, newest first, each with its amount and invoice. */
export function blockRows(contract: Contract, ledger: CreditLedger, invoices: readonly Invoice[]): BlockRow[] {
  const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
  return ledger.blockEvents
    .map((event) => ({
      ...event,
      kind: ledger.kind,
      amountHT: new Decimal(event.unitPrice).times(event.quantity).toFixed(2),
      invoice: byId.get(invoiceId(contract.id, ledger.kind, event.block)),
    }))
    .reverse();
}

/**
 * The latest renewal storm the server marked on a contract's invoices (docs/server.md
 * "Invoices"): how many invoices one pass found owed, when, and the interventions that
 * triggered them; null when there was none.
 */
export function renewalStormOf(
  contractId: string,
  invoices: readonly Invoice[],
): { owed: number; detectedAt: string; triggeredBy: string[] } | null {
  let latest: NonNullable<Invoice['renewalStorm']> | null = null;
  for (const invoice of invoices) {
    const storm = invoice.contractId === contractId ? invoice.renewalStorm : undefined;
    if (
      storm &&
      (!latest ||
        storm.detectedAt > latest.detectedAt ||
        (storm.detectedAt === latest.detectedAt && storm.owed > latest.owed))
    )
      latest = storm;
  }
  if (!latest) return null;
  const first = latest;
  const triggeredBy = new Set<string>();
  for (const invoice of invoices) {
    if (
      invoice.contractId === contractId &&
      invoice.renewalStorm?.detectedAt === first.detectedAt &&
      invoice.triggeredBy
    ) {
      triggeredBy.add(invoice.triggeredBy);
    }
  }
  return { owed: first.owed, detectedAt: first.detectedAt, triggeredBy: [...triggeredBy] };
}
