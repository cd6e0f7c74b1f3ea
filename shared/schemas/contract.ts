import { z } from 'zod';
import { schemaNow } from './clock';
import { baseDocumentShape, daySchema, idSchema, MAX_AHEAD_MS, moneySchema } from './common';

/**
 * Forfait modules A–L of the contract ("Modules de service au forfait"):
 * A abonnement (30-minute intervention commitment, traceability), B supervision,
 * C télémaintenance planifiée (monthly 1 h), D demi-journées préventives (monthly 3 h),
 * E journées PCAI (yearly 6 h), F journées de coordination (yearly 6 h), G forfait hotline,
 * H forfait serveurs et réseau, I forfait postes de travail, J hébergement,
 * K GTR (garantie de délai de rétablissement 4 h 30), L IMS (interruption maximum de service).
 */
export const MODULE_CODES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'] as const;
export type ModuleCode = (typeof MODULE_CODES)[number];

export const moduleSchema = z.object({
  active: z.boolean(),
  /** Planned quantity per year for C–F, covered items for H/I; absent when not relevant. */
  quantity: z.number().int().min(0).max(10_000).optional(),
});

export const modulesSchema = z.object(
  Object.fromEntries(MODULE_CODES.map((code) => [code, moduleSchema])) as Record<ModuleCode, typeof moduleSchema>,
);
export type Modules = z.infer<typeof modulesSchema>;

/** A unit price in force from a date (price revisions, CG art. 21.4). */
export const priceStepSchema = z.object({
  from: daySchema,
  utUnitPrice: moneySchema,
  halfDayUnitPrice: moneySchema,
});
export type PriceStep = z.infer<typeof priceStepSchema>;

export const contractSchema = z
  .object({
    ...baseDocumentShape,
    clientId: idSchema,
    /** "N° Solution de Service (contrat)". */
    number: z.string().min(1).max(40),
    /** Effective date (prise d'effet): the first base is invoiced then, in advance. */
    startDate: daySchema,
    /** Firm term in years (CG: 3), then tacit renewal by one year. */
    termYears: z.number().int().min(1).max(10),
    modules: modulesSchema,
    /** Consumption modules ("à la consommation réelle"): UT credit and floating half-days. */
    utBase: z.number().int().min(1).max(10_000),
    halfDayBase: z.number().int().min(0).max(1_000),
    /** Unit prices HT, the first step at startDate; later steps are revisions. */
    prices: z.array(priceStepSchema).min(1).max(50),
    monthlyHostingFee: moneySchema,
    /** Target of the intervention commitment in business minutes (module A; default 30). */
    interventionTargetMinutes: z.number().int().min(1).max(10_000),
    /** Business calendar of the contract. */
    calendar: z.object({
      region: z.string().max(10).optional(),
      timeZone: z.string().max(64),
      closedDates: z.array(daySchema).max(366),
      workedHolidays: z.array(daySchema).max(366),
    }),
    directDebit: z.boolean(),
    /** Set when terminated: the day the registered letter was received. */
    terminatedOn: daySchema.optional(),
  })
  .strict()
  .superRefine((contract, ctx) => {
    if (contract.terminatedOn !== undefined && contract.terminatedOn < contract.startDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['terminatedOn'],
        message: 'a contract cannot be terminated before its effective date',
      });
    }
    // Block 1 is invoiced at the effective date (D-19): a start more than a year ahead is a typo.
    const latestStart = new Date(schemaNow() + MAX_AHEAD_MS - 86_400_000).toISOString().slice(0, 10);
    if (contract.startDate > latestStart) {
      ctx.addIssue({
        code: 'custom',
        path: ['startDate'],
        message: 'an effective date at most a year ahead (check the year)',
      });
    }
    const first = contract.prices[0];
    if (first && first.from > contract.startDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['prices', 0, 'from'],
        message: 'the first price must apply from startDate',
      });
    }
    for (let i = 1; i < contract.prices.length; i++) {
      if ((contract.prices[i]?.from ?? '') <= (contract.prices[i - 1]?.from ?? '')) {
        ctx.addIssue({ code: 'custom', path: ['prices', i, 'from'], message: 'price steps must be in date order' });
      }
    }
  });
export type Contract = z.infer<typeof contractSchema>;
