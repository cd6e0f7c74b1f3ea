/**
 * Invoice documents of a credit's blocks (domain.md §3.2, CG art. 21): one base at the unit price
 * in force at the block's instant, with VAT and the handling fee (waived on direct debit).
 */
import Decimal from 'decimal.js';
import { type CreditLedger, handlingFee, withVat } from '../../shared/domain';
import { type Contract, type Invoice, validateDocument } from '../../shared/schemas';

/** The block numbers 1..`blocks` not in `issued`, lowest first, `limit` of them at most. */
export function missingBlocks(blocks: number, issued: ReadonlySet<number>, limit: number): number[] {
  const missing: number[] = [];
  for (let block = 1; block <= blocks && missing.length < limit; block++) {
    if (!issued.has(block)) missing.push(block);
  }
  return missing;
}

export type InvoiceOptions = {
  /** Block numbers to invoice (all the credit's blocks by default). */
  blocks?: readonly number[];
  /** Marks invoices issued during a renewal storm. */
  renewalStorm?: NonNullable<Invoice['renewalStorm']>;
  /** The server clock the invoices are validated against (ms). */
  now?: number;
};

/**
 * The invoices of a credit's blocks. invoicesOf(contract with a 16 UT base at 25.00, its ledger,
 * now, { blocks: [2] }) → `${id}:ut:2`: 16 × 25.00 = 400.00 HT, 80.00 VAT, 480.00 TTC.
 */
export function invoicesOf(
  contract: Contract,
  credit: CreditLedger,
  issuedNow: string,
  options: InvoiceOptions = {},
): Invoice[] {
  const events = options.blocks
    ? options.blocks.map((block) => credit.blockEvents.at(block - 1))
    : credit.blockEvents.toArray();
  return events.flatMap((event) => {
    if (!event) return [];
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
      ...(options.renewalStorm ? { renewalStorm: options.renewalStorm } : {}),
    };
    const checked = validateDocument('invoices', invoice, options.now === undefined ? {} : { now: options.now });
    if (!checked.ok)
      throw new Error(`invoice ${invoice.id} is invalid at ${checked.failure.field}: ${checked.failure.message}`);
    return [invoice];
  });
}
