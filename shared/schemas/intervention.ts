import { z } from 'zod';
import { baseDocumentShape, channelSchema, idSchema, instantSchema } from './common';
import { coordinationReportSchema } from './coordination';

/**
 * A stretch of measured work. `end` is absent while the timer runs: a running timer is this
 * stored document, so closing or crashing the app never loses it.
 */
/** Round trips one intervention may bill (a sanity bound on a typed number, not a contract rule). */
export const MAX_TRIPS = 20;

export const segmentSchema = z.object({ start: instantSchema, end: instantSchema.optional() });
export type Segment = z.infer<typeof segmentSchema>;

export const signatureSchema = z.object({
  signerName: z.string().min(1).max(120),
  /** PNG of the signature drawn on screen, as a data URL (≤ 200 kB). */
  image: z
    .string()
    .max(200_000)
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, 'a PNG data URL'),
  signedAt: instantSchema,
});
export type Signature = z.infer<typeof signatureSchema>;

/**
 * One technician's work on one ticket in one sitting (the unit of UT rounding, domain.md §3).
 * Facts only: units, coverage and balances are derived by shared/domain, never stored.
 */
export const interventionSchema = z
  .object({
    ...baseDocumentShape,
    ticketId: idSchema,
    clientId: idSchema,
    contractId: idSchema,
    technicianId: idSchema,
    channel: channelSchema,
    segments: z.array(segmentSchema).max(500),
    /** On-site round trips (A/R), 4 UT each unless a floating half-day covers travel. */
    trips: z.number().int().min(0).max(MAX_TRIPS),
    /** Billed from the floating half-day credit (module K à la consommation) instead of UT. */
    halfDay: z.boolean(),
    /** The compte-rendu. */
    report: z.string().max(50_000),
    /** A coordination day's compte-rendu by heading, with its action plan (module F, CP art. 4). */
    coordination: coordinationReportSchema.optional(),
    signature: signatureSchema.optional(),
    /** Set when the technician finished the intervention: units are deducted at this instant. */
    completedAt: instantSchema.optional(),
    /** Set by a team lead: the intervention is locked from then on. */
    validatedAt: instantSchema.optional(),
    validatedBy: idSchema.optional(),
    /** A correction of a validated intervention is a new record pointing to the one it replaces. */
    correctionOf: idSchema.optional(),
    correctionReason: z.string().max(1000).optional(),
    createdAt: instantSchema,
  })
  .strict()
  .superRefine((intervention, ctx) => {
    const segments = intervention.segments;
    segments.forEach((segment, index) => {
      if (segment.end !== undefined && Date.parse(segment.end) < Date.parse(segment.start)) {
        ctx.addIssue({
          code: 'custom',
          path: ['segments', index, 'end'],
          message: 'a segment cannot end before it starts',
        });
      }
      if (segment.end === undefined && index !== segments.length - 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['segments', index, 'end'],
          message: 'only the last segment may be running',
        });
      }
      const previous = segments[index - 1];
      if (previous?.end !== undefined && Date.parse(segment.start) < Date.parse(previous.end)) {
        ctx.addIssue({ code: 'custom', path: ['segments', index, 'start'], message: 'segments overlap' });
      }
    });
    const last = segments.at(-1);
    if (intervention.completedAt !== undefined && last !== undefined && last.end === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['completedAt'],
        message: 'a completed intervention cannot have a running timer',
      });
    }
    if (intervention.validatedAt !== undefined && intervention.completedAt === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['validatedAt'],
        message: 'only a completed intervention can be validated',
      });
    }
    if ((intervention.validatedAt === undefined) !== (intervention.validatedBy === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['validatedBy'], message: 'validatedAt and validatedBy go together' });
    }
    if (intervention.correctionOf !== undefined && !intervention.correctionReason) {
      ctx.addIssue({ code: 'custom', path: ['correctionReason'], message: 'a correction needs its reason' });
    }
  });
export type Intervention = z.infer<typeof interventionSchema>;
