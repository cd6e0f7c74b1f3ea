import type { WithDeleted } from 'rxdb';
import { firstValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Intervention, Ticket } from '../../../shared/schemas';
import { conflictHandlers, mergeEvents$, mergeTickets } from './conflicts';

const base: WithDeleted<Ticket> = {
  id: 'tk-1',
  updatedAt: '2026-11-27T09:00:00.000Z',
  reference: 'T-2711-ABCD',
  clientId: 'cl-1',
  contractId: 'ct-1',
  channel: 'hotline',
  nature: 'curative',
  priority: 'normal',
  status: 'new',
  receivedAt: '2026-11-27T09:00:00.000Z',
  title: 'Messagerie en panne',
  description: '',
  createdBy: 'u-1',
  createdAt: '2026-11-27T09:00:00.000Z',
  fieldUpdatedAt: {},
  history: [{ at: '2026-11-27T09:00:00.000Z', by: 'u-1', kind: 'create' }],
  _deleted: false,
};

function edit(ticket: WithDeleted<Ticket>, by: string, at: string, changes: Partial<Ticket>): WithDeleted<Ticket> {
  const history = [...ticket.history];
  const times = { ...ticket.fieldUpdatedAt } as Record<string, string>;
  for (const [field, value] of Object.entries(changes)) {
    history.push({ at, by, kind: 'edit', field, from: JSON.stringify((ticket as Record<string, unknown>)[field]), to: JSON.stringify(value) });
    times[field] = at;
  }
  return { ...ticket, ...changes, updatedAt: at, fieldUpdatedAt: times, history };
}

describe('ticket merge', () => {
  it('keeps edits of different fields from both devices', () => {
    const server = edit(base, 'u-2', '2026-11-27T10:00:00.000Z', { status: 'in_progress' });
    const device = edit(base, 'u-1', '2026-11-27T09:30:00.000Z', { priority: 'high' });
    const merged = mergeTickets({ assumedMasterState: base, realMasterState: server, newDocumentState: device });
    expect(merged.status).toBe('in_progress');
    expect(merged.priority).toBe('high');
    expect(merged.history.filter((h) => h.kind === 'edit').map((h) => h.field)).toEqual(['priority', 'status']);
  });

  it('gives a field edited on both sides to the later edit and keeps the other in history', () => {
    const server = edit(base, 'u-2', '2026-11-27T10:00:00.000Z', { title: 'Messagerie lente' });
    const device = edit(base, 'u-1', '2026-11-27T10:05:00.000Z', { title: 'Messagerie HS' });
    const merged = mergeTickets({ assumedMasterState: base, realMasterState: server, newDocumentState: device });
    expect(merged.title).toBe('Messagerie HS');
    const mergeEntry = merged.history.find((h) => h.kind === 'merge');
    expect(mergeEntry).toMatchObject({ field: 'title', from: '"Messagerie lente"', to: '"Messagerie HS"' });
    expect(merged.fieldUpdatedAt.title).toBe('2026-11-27T10:05:00.000Z');
  });

  it('decides the same way whichever device resolves', () => {
    const a = edit(base, 'u-2', '2026-11-27T10:00:00.000Z', { title: 'A', status: 'resolved' });
    const b = edit(base, 'u-1', '2026-11-27T10:05:00.000Z', { title: 'B', priority: 'low' });
    const onA = mergeTickets({ assumedMasterState: base, realMasterState: b, newDocumentState: a });
    const onB = mergeTickets({ assumedMasterState: base, realMasterState: a, newDocumentState: b });
    for (const field of ['title', 'status', 'priority'] as const) expect(onA[field]).toBe(onB[field]);
  });

  it('reports a merge so the user sees it', async () => {
    const events = firstValueFrom(mergeEvents$.pipe(take(1), toArray()));
    const server = edit(base, 'u-2', '2026-11-27T10:00:00.000Z', { title: 'X' });
    const device = edit(base, 'u-1', '2026-11-27T10:05:00.000Z', { title: 'Y' });
    mergeTickets({ assumedMasterState: base, realMasterState: server, newDocumentState: device });
    expect(await events).toEqual([{ collection: 'tickets', documentId: 'tk-1', fields: ['title'] }]);
  });
});

describe('intervention conflicts', () => {
  it("keeps a lead's validated version whole", async () => {
    const intervention = {
      id: 'itv-1',
      updatedAt: '2026-11-27T10:00:00.000Z',
      ticketId: 'tk-1',
      clientId: 'cl-1',
      contractId: 'ct-1',
      technicianId: 'u-1',
      channel: 'hotline',
      segments: [{ start: '2026-11-27T09:00:00.000Z', end: '2026-11-27T09:20:00.000Z' }],
      trips: 0,
      halfDay: false,
      report: 'ok',
      completedAt: '2026-11-27T09:20:00.000Z',
      createdAt: '2026-11-27T09:00:00.000Z',
      _deleted: false,
    } satisfies WithDeleted<Intervention>;
    const validated = { ...intervention, validatedAt: '2026-11-27T11:00:00.000Z', validatedBy: 'u-lead' };
    const edited = { ...intervention, report: 'ok, détaillé', updatedAt: '2026-11-27T12:00:00.000Z' };
    const resolved = await conflictHandlers.interventions.resolve(
      { assumedMasterState: intervention, realMasterState: validated, newDocumentState: edited },
      'test',
    );
    expect(resolved).toEqual(validated);
  });
});
