import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidDocumentError } from '../errors';
import type { Store } from '../store';
import { openTestStore, technician } from '../testing';
import { createTicketsRepository, ticketReference } from './tickets';

let store: Store | undefined;
afterEach(async () => {
  await store?.db.close();
  store = undefined;
});

const call = { clientId: 'cl-1', contractId: 'ct-1', channel: 'hotline' as const, title: 'Imprimante hors ligne' };

describe('tickets repository', () => {
  it('opens a ticket stamped with the moment the call was taken', async () => {
    store = await openTestStore(technician);
    const tickets = createTicketsRepository(store);
    const ticket = await tickets.create(call);
    expect(ticket.receivedAt).toBe('2026-11-27T09:00:00.000Z');
    expect(ticket.status).toBe('new');
    expect(ticket.createdBy).toBe(technician.id);
    expect(ticket.reference).toMatch(/^T-2711-[2-9A-HJ-NP-Z]{4}$/);
    expect(await firstValueFrom(tickets.all$())).toHaveLength(1);
  });

  it('lets the call be moved back only with a reason', async () => {
    store = await openTestStore(technician);
    const tickets = createTicketsRepository(store);
    const earlier = new Date('2026-11-27T08:40:00.000Z');
    await expect(tickets.create({ ...call, receivedAt: earlier })).rejects.toThrow(/receivedAtReason/);
    const ticket = await tickets.create({ ...call, receivedAt: earlier, receivedAtReason: 'appel pris sur le portable' });
    expect(ticket.receivedAt).toBe(earlier.toISOString());
  });

  it('refuses a call received in the future', async () => {
    store = await openTestStore(technician);
    await expect(
      createTicketsRepository(store).create({ ...call, receivedAt: new Date('2026-11-27T10:00:00Z') }),
    ).rejects.toThrow(RangeError);
  });

  it('refuses an invalid document with the field named, and stores nothing', async () => {
    store = await openTestStore(technician);
    const tickets = createTicketsRepository(store);
    await expect(tickets.create({ ...call, title: '   ' })).rejects.toThrow(InvalidDocumentError);
    await expect(tickets.create({ ...call, title: '   ' })).rejects.toThrow(/title/);
    expect(await firstValueFrom(tickets.all$())).toHaveLength(0);
  });

  it('traces every changed field with who, when, before and after', async () => {
    store = await openTestStore(technician);
    const tickets = createTicketsRepository(store);
    const ticket = await tickets.create(call);
    const updated = await tickets.update(ticket.id, { status: 'in_progress', priority: 'normal', title: 'Imprimante HS' });
    expect(updated.status).toBe('in_progress');
    expect(updated.history.map((h) => [h.kind, h.field, h.from, h.to])).toEqual([
      ['create', undefined, undefined, undefined],
      ['edit', 'status', '"new"', '"in_progress"'],
      ['edit', 'title', '"Imprimante hors ligne"', '"Imprimante HS"'],
    ]);
    expect(Object.keys(updated.fieldUpdatedAt).sort()).toEqual(['status', 'title']);
  });

  it('traces an edit of a description as long as the schema allows (20,000 characters)', async () => {
    store = await openTestStore(technician);
    const tickets = createTicketsRepository(store);
    const ticket = await tickets.create({ ...call, description: 'Journal :\n'.repeat(1_500) });
    const long = `${'Ligne "du" journal\n'.repeat(1_052)}fin`.slice(0, 20_000);
    const updated = await tickets.update(ticket.id, { description: long });
    expect(updated.description).toBe(long);
    const trace = updated.history.at(-1);
    expect(trace?.field).toBe('description');
    expect(JSON.parse(trace?.to ?? '""')).toMatch(/^Ligne "du" journal\n.* … \[19991 caractères, tronqué\]$/s);
  });

  it('lists open tickets only, newest call first, and follows them as they close', async () => {
    store = await openTestStore(technician);
    const tickets = createTicketsRepository(store);
    const older = await tickets.create({
      ...call,
      receivedAt: new Date('2026-11-27T08:00:00.000Z'),
      receivedAtReason: 'appel noté plus tard',
    });
    const newer = await tickets.create(call);
    const closed = await tickets.create({ ...call, title: 'Souris' });
    await tickets.update(closed.id, { status: 'closed' });
    await tickets.update(older.id, { status: 'waiting_client' });
    expect((await firstValueFrom(tickets.open$())).map((t) => t.id)).toEqual([newer.id, older.id]);
    await tickets.update(newer.id, { status: 'resolved' });
    expect((await firstValueFrom(tickets.open$())).map((t) => t.id)).toEqual([older.id]);
    expect(await firstValueFrom(tickets.all$())).toHaveLength(3);
  });

  it('makes readable references without look-alike characters', () => {
    expect(ticketReference(new Date('2026-01-05T10:00:00Z'), () => 0)).toBe('T-0501-2222');
    // 23:30 UTC on 31 December is 1 January in Paris.
    expect(ticketReference(new Date('2026-12-31T23:30:00Z'), () => 0.999)).toBe('T-0101-ZZZZ');
  });
});
