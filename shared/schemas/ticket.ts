import { z } from 'zod';
import {
  baseDocumentShape,
  channelSchema,
  daySchema,
  DEVICE_CLOCK_TOLERANCE_MS,
  idSchema,
  instantSchema,
  isBefore,
} from './common';
import { HISTORY_VALUE_MAX } from './trace-value';

export const ticketStatusSchema = z.enum(['new', 'in_progress', 'waiting_client', 'resolved', 'closed']);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;
/** Statuses of a ticket still being worked on (the ticket list's default "ouverts"). */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['new', 'in_progress', 'waiting_client'];

export const natureSchema = z.enum(['curative', 'preventive', 'out_of_scope']);
export type Nature = z.infer<typeof natureSchema>;

export const prioritySchema = z.enum(['low', 'normal', 'high', 'critical']);
export type Priority = z.infer<typeof prioritySchema>;

/** Reasons that exclude an interruption from GTR and IMS (CG art. 4.5). */
export const exclusionReasonSchema = z.enum([
  'force_majeure',
  'third_party',
  'client_fault',
  'telecom_operator',
  'client_request',
]);
export type ExclusionReason = z.infer<typeof exclusionReasonSchema>;

/** Planned services covered by forfait modules C–F (domain.md §3.1 rule 1). */
export const plannedServiceSchema = z.enum(['C', 'D', 'E', 'F']);
export type PlannedService = z.infer<typeof plannedServiceSchema>;

/**
 * Which occurrence of which contract year a generated planned-service ticket is
 * (shared/domain/planned-occurrences.ts): the year's first day and the occurrence's rank in it.
 */
export const plannedOccurrenceSchema = z.object({
  yearStart: daySchema,
  index: z.number().int().min(0).max(9999),
});
export type PlannedOccurrence = z.infer<typeof plannedOccurrenceSchema>;

/**
 * A planned occurrence cancelled by a team lead. At the client's request it leaves the quality
 * index; cancelled by the provider it counts as not done (docs/domain-decisions.md, D-43).
 */
export const plannedCancellationSchema = z.object({
  at: instantSchema,
  by: idSchema,
  reason: z.string().min(1).max(500),
  requestedBy: z.enum(['client', 'provider']),
});
export type PlannedCancellation = z.infer<typeof plannedCancellationSchema>;

/** Fields a person edits on a ticket; each edit is traced and merged field by field. */
export const TICKET_EDITABLE_FIELDS = [
  'equipmentId',
  'channel',
  'nature',
  'priority',
  'status',
  'receivedAt',
  'assigneeId',
  'title',
  'description',
  'interruption',
  'plannedService',
  'dueDate',
  'plannedFor',
  'cancellation',
] as const;
export type TicketEditableField = (typeof TICKET_EDITABLE_FIELDS)[number];

/** One traced change (module A "traçabilité"): who changed what, when, from what to what. */
export const ticketHistoryEntrySchema = z.object({
  at: instantSchema,
  by: idSchema,
  /** `edit` by a person; `merge` when two devices edited the ticket offline and both versions are kept. */
  kind: z.enum(['create', 'edit', 'merge']),
  field: z.string().max(40).optional(),
  /** JSON of the previous and new values (or the version that lost a merge). */
  from: z.string().max(HISTORY_VALUE_MAX).optional(),
  to: z.string().max(HISTORY_VALUE_MAX).optional(),
  note: z.string().max(500).optional(),
});
export type TicketHistoryEntry = z.infer<typeof ticketHistoryEntrySchema>;

export const interruptionSchema = z.object({
  /** The client's notification of the interruption (start of the GTR clock). */
  notifiedAt: instantSchema,
  /** The provider's notification of restoration; absent while still down. */
  restoredAt: instantSchema.optional(),
  /** "Interruption programmée": agreed or announced, counted neither for GTR nor IMS. */
  scheduled: z.boolean(),
  exclusionReason: exclusionReasonSchema.optional(),
});
export type Interruption = z.infer<typeof interruptionSchema>;

export const ticketSchema = z
  .object({
    ...baseDocumentShape,
    /** Human reference read over the phone, e.g. "T-2611-4F2K"; unique without a server. */
    reference: z.string().min(1).max(40),
    clientId: idSchema,
    contractId: idSchema,
    equipmentId: idSchema.optional(),
    channel: channelSchema,
    nature: natureSchema,
    priority: prioritySchema,
    status: ticketStatusSchema,
    /** When the hotline received the call: the 30-minute clock starts here (CG art. 9). */
    receivedAt: instantSchema,
    /** Why receivedAt was moved back from the moment the ticket was created. */
    receivedAtReason: z.string().max(500).optional(),
    assigneeId: idSchema.optional(),
    title: z.string().min(1).max(200),
    description: z.string().max(20_000),
    interruption: interruptionSchema.optional(),
    plannedService: plannedServiceSchema.optional(),
    /** Due date of a planned service (quality index of preventive services, CP art. 5). */
    dueDate: daySchema.optional(),
    /** The jour ouvré a planned service is scheduled on; moving it is a traced edit with its reason. */
    plannedFor: daySchema.optional(),
    /** Set once, when the occurrence was generated from the contract's modules. */
    occurrence: plannedOccurrenceSchema.optional(),
    cancellation: plannedCancellationSchema.optional(),
    createdBy: idSchema,
    createdAt: instantSchema,
    /** Per editable field, when it was last edited: the later edit wins a merge. */
    fieldUpdatedAt: z.partialRecord(z.enum(TICKET_EDITABLE_FIELDS), instantSchema),
    history: z.array(ticketHistoryEntrySchema).max(1000),
  })
  .strict()
  .superRefine((ticket, ctx) => {
    // The call comes before its ticket; another device may have moved receivedAt (clock tolerance).
    if (isBefore(ticket.createdAt, ticket.receivedAt, DEVICE_CLOCK_TOLERANCE_MS)) {
      ctx.addIssue({
        code: 'custom',
        path: ['receivedAt'],
        message: 'a call cannot be received after its ticket was opened',
      });
    }
    for (const field of ['plannedFor', 'occurrence', 'cancellation'] as const) {
      if (ticket[field] !== undefined && ticket.plannedService === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'only a planned service has this field' });
      }
    }
    const i = ticket.interruption;
    if (i?.restoredAt && Date.parse(i.restoredAt) < Date.parse(i.notifiedAt)) {
      ctx.addIssue({
        code: 'custom',
        path: ['interruption', 'restoredAt'],
        message: 'restoration cannot come before the notification',
      });
    }
  });
export type Ticket = z.infer<typeof ticketSchema>;
