/**
 * Builders of the demo's work records — a ticket with its traced history, an intervention with
 * its segments, a logbook entry — so the generators (work.ts, planned.ts) only decide what
 * happened and when.
 */
import type { Intervention, LogbookEntry, Ticket } from '../../shared/schemas';
import { iso, MINUTE } from './clock';

export type Person = { id: string; name: string };

export type DemoWork = { tickets: Ticket[]; interventions: Intervention[]; logbook: LogbookEntry[] };

/** Sequential ids per kind: tk-demo-00001, iv-demo-00001… */
export function idCounter() {
  const counts = new Map<string, number>();
  return (prefix: string) => {
    const n = (counts.get(prefix) ?? 0) + 1;
    counts.set(prefix, n);
    return `${prefix}-demo-${String(n).padStart(5, '0')}`;
  };
}

/** A 1×1 PNG: the demo's stand-in for a drawn signature. */
const SIGNATURE_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

export type TicketInput = Omit<
  Ticket,
  'updatedAt' | 'createdAt' | 'fieldUpdatedAt' | 'history' | 'status' | 'createdBy'
> & {
  status: Ticket['status'];
  createdBy: Person;
  /** When the status last changed (absent: still `new`). */
  statusAt?: number;
};

export function ticketOf(input: TicketInput): Ticket {
  const { statusAt, createdBy, ...fields } = input;
  const createdMs = Date.parse(fields.receivedAt) + 2 * MINUTE;
  const history: Ticket['history'] = [{ at: iso(createdMs), by: createdBy.id, kind: 'create' }];
  const fieldUpdatedAt: Ticket['fieldUpdatedAt'] = {};
  if (statusAt !== undefined && fields.status !== 'new') {
    history.push({
      at: iso(statusAt),
      by: createdBy.id,
      kind: 'edit',
      field: 'status',
      from: '"new"',
      to: JSON.stringify(fields.status),
    });
    fieldUpdatedAt.status = iso(statusAt);
  }
  return {
    ...fields,
    createdBy: createdBy.id,
    createdAt: iso(createdMs),
    updatedAt: iso(Math.max(createdMs, statusAt ?? 0)),
    fieldUpdatedAt,
    history,
  };
}

export type InterventionInput = {
  id: string;
  ticket: Ticket;
  technician: Person;
  channel: Intervention['channel'];
  startMs: number;
  /** Worked minutes of each segment, with `pauseMinutes` between consecutive ones. */
  segmentMinutes: number[];
  pauseMinutes?: number;
  trips?: number;
  halfDay?: boolean;
  report: string;
  completed: boolean;
  /** Leave the last segment running (a timer still on). */
  running?: boolean;
  signer?: string;
  validation?: { by: Person; at: number };
};

export function interventionOf(input: InterventionInput): Intervention {
  const segments: Intervention['segments'] = [];
  let cursor = input.startMs;
  input.segmentMinutes.forEach((minutes, index) => {
    const last = index === input.segmentMinutes.length - 1;
    const end = cursor + minutes * MINUTE;
    segments.push(last && input.running ? { start: iso(cursor) } : { start: iso(cursor), end: iso(end) });
    cursor = end + (input.pauseMinutes ?? 15) * MINUTE;
  });
  const endMs = Date.parse(segments.at(-1)?.end ?? segments.at(-1)?.start ?? iso(input.startMs));
  return {
    id: input.id,
    updatedAt: iso(input.validation?.at ?? endMs),
    ticketId: input.ticket.id,
    clientId: input.ticket.clientId,
    contractId: input.ticket.contractId,
    technicianId: input.technician.id,
    channel: input.channel,
    segments,
    trips: input.trips ?? 0,
    halfDay: input.halfDay ?? false,
    report: input.report,
    ...(input.signer && input.completed
      ? { signature: { signerName: input.signer, image: SIGNATURE_PNG, signedAt: iso(endMs) } }
      : {}),
    ...(input.completed && !input.running ? { completedAt: iso(endMs) } : {}),
    ...(input.validation && input.completed
      ? { validatedAt: iso(input.validation.at), validatedBy: input.validation.by.id }
      : {}),
    createdAt: iso(input.startMs),
  };
}

export function logbookOf(
  id: string,
  ticket: Pick<Ticket, 'id' | 'clientId'> | undefined,
  clientId: string,
  author: Person,
  atMs: number,
  kind: LogbookEntry['kind'],
  text: string,
  internal = false,
): LogbookEntry {
  return {
    id,
    updatedAt: iso(atMs),
    clientId,
    ...(ticket ? { ticketId: ticket.id } : {}),
    authorId: author.id,
    authorName: author.name,
    at: iso(atMs),
    kind,
    text,
    internal,
  };
}

/** The end of an intervention's work, ms. */
export const endOf = (intervention: Intervention) =>
  Date.parse(intervention.completedAt ?? intervention.segments.at(-1)?.end ?? intervention.createdAt);
