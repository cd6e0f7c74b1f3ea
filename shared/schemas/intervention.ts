import { z } from 'zod';
import {
  baseDocumentShape,
  channelSchema,
  DEVICE_CLOCK_TOLERANCE_MS,
  idSchema,
  instantSchema,
  isBefore,
} from './common';
import { coordinationReportSchema } from './coordination';

/**
 * A stretch of measured work. `end` is absent while the timer runs: a running timer is this
 * stored document, so closing or crashing the app never loses it.
 */
/** Round trips one intervention may bill (a sanity bound on a typed number, not a contract rule). */
export const MAX_TRIPS = 20;

/**
 * Longest measured work of one intervention, each segment and all of them together: 24 hours
 * (docs/domain-decisions.md D-32). An intervention is one sitting; longer work is several
 * records, and a longer timer is a forgotten one or a typo in a date.
 */
export const MAX_INTERVENTION_WORK_MS = 24 * 3_600_000;

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
    let workedMs = 0;
    segments.forEach((segment, index) => {
      const start = Date.parse(segment.start);
      const end = segment.end === undefined ? undefined : Date.parse(segment.end);
      if (end !== undefined && end < start) {
        ctx.addIssue({
          code: 'custom',
          path: ['segments', index, 'end'],
          message: 'a segment cannot end before it starts',
        });
      }
      if (end !== undefined && end - start > MAX_INTERVENTION_WORK_MS) {
        ctx.addIssue({
          code: 'custom',
          path: ['segments', index, 'end'],
          message: 'a segment lasts at most 24 hours: record longer work as several interventions',
        });
      }
      if (end !== undefined && end > start) workedMs += end - start;
      if (segment.end === undefined && index !== segments.length - 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['segments', index, 'end'],
          message: 'only the last segment may be running',
        });
      }
      const previous = segments[index - 1];
      if (previous?.end !== undefined && start < Date.parse(previous.end)) {
        ctx.addIssue({ code: 'custom', path: ['segments', index, 'start'], message: 'segments overlap' });
      }
    });
    if (workedMs > MAX_INTERVENTION_WORK_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['segments'],
        message: 'an intervention measures at most 24 hours of work: record longer work as several interventions',
      });
    }
    const last = segments.at(-1);
    if (intervention.completedAt !== undefined && last !== undefined && last.end === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['completedAt'],
        message: 'a completed intervention cannot have a running timer',
      });
    }
    // Set on the same device as the segments: no clock tolerance.
    if (
      intervention.completedAt !== undefined &&
      last?.end !== undefined &&
      isBefore(intervention.completedAt, last.end)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['completedAt'],
        message: 'completion cannot come before the end of the work',
      });
    }
    const first = segments[0];
    const signature = intervention.signature;
    if (signature && first && isBefore(signature.signedAt, first.start)) {
      ctx.addIssue({
        code: 'custom',
        path: ['signature', 'signedAt'],
        message: 'the client cannot sign before the work started',
      });
    }
    if (intervention.validatedAt !== undefined && intervention.completedAt === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['validatedAt'],
        message: 'only a completed intervention can be validated',
      });
    }
    // A lead's device validates what a technician's device recorded: their clocks may differ a little.
    if (
      intervention.validatedAt !== undefined &&
      intervention.completedAt !== undefined &&
      isBefore(intervention.validatedAt, intervention.completedAt, DEVICE_CLOCK_TOLERANCE_MS)
    ) {
      ctx.addIssue({ code: 'custom', path: ['validatedAt'], message: 'validation cannot come before completion' });
    }
    if ((intervention.validatedAt === undefined) !== (intervention.validatedBy === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['validatedBy'], message: 'validatedAt and validatedBy go together' });
    }
    if (intervention.correctionOf !== undefined && !intervention.correctionReason) {
      ctx.addIssue({ code: 'custom', path: ['correctionReason'], message: 'a correction needs its reason' });
    }
  });
export type Intervention = z.infer<typeof interventionSchema>;
