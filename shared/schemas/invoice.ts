import { z } from 'zod';
import { baseDocumentShape, idSchema, instantSchema, moneySchema } from './common';

/**
 * A credit invoice, created only by the server when a contract's ledger enters a block
 * (block 1 at the effective date, then each automatic renewal). Its id is
 * `${contractId}:${kind}:${block}`, so it exists once whatever the devices push.
 */
export const invoiceSchema = z
  .object({
    ...baseDocumentShape,
    contractId: idSchema,
    clientId: idSchema,
    kind: z.enum(['ut', 'half_day']),
    /** 1 for the base invoiced at the effective date, then 2, 3… for renewals. */
    block: z.number().int().min(1),
    quantity: z.number().int().min(1),
    unitPrice: moneySchema,
    amountHT: moneySchema,
    vat: moneySchema,
    amountTTC: moneySchema,
    /** 9.75 € HT unless paid by direct debit (CG art. 21). */
    handlingFee: moneySchema,
    issuedAt: instantSchema,
    /** The intervention whose completion exhausted the balance (absent for block 1). */
    triggeredBy: idSchema.optional(),
    /**
     * Set when this invoice was issued during a renewal storm: one pass found more invoices owed
     * than it issues at once (docs/server.md "Invoices"). `owed`: how many were owed then.
     */
    renewalStorm: z
      .object({ owed: z.number().int().min(1), detectedAt: instantSchema })
      .strict()
      .optional(),
  })
  .strict();
export type Invoice = z.infer<typeof invoiceSchema>;
