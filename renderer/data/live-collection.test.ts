import { firstValueFrom, skip, take } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ticket } from '../../shared/schemas';
import { liveCollection } from './live-collection';
import { createTicketsRepository } from './repositories/tickets';
import type { Store } from './store';
import { openTestStore, technician } from './testing';

let store: Store | undefined;
afterEach(async () => {
  await store?.db.close();
  store = undefined;
});

const call = { clientId: 'cl-1', contractId: 'ct-1', channel: 'hotline' as const, title: 'Poste lent' };

describe('whole-collection live view', () => {
  it('starts from what is stored and follows inserts, updates and deletes', async () => {
    store = await openTestStore(technician);
    const tickets = createTicketsRepository(store);
    const first = await tickets.create(call);
    const view = liveCollection(store.db.tickets);
    expect((await firstValueFrom(view)).map((t: Ticket) => t.id)).toEqual([first.id]);

    const afterInsert = firstValueFrom(view.pipe(skip(1), take(1)));
    const second = await tickets.create({ ...call, title: 'Imprimante' });
    expect((await afterInsert).map((t: Ticket) => t.id).sort()).toEqual([first.id, second.id].sort());

    const afterUpdate = firstValueFrom(view.pipe(skip(1), take(1)));
    await tickets.update(second.id, { status: 'resolved' });
    expect((await afterUpdate).find((t: Ticket) => t.id === second.id)?.status).toBe('resolved');

    const afterDelete = firstValueFrom(view.pipe(skip(1), take(1)));
    await (await store.db.tickets.findOne(first.id).exec())?.remove();
    expect((await afterDelete).map((t: Ticket) => t.id)).toEqual([second.id]);
  });

  it('hands out documents without RxDB metadata', async () => {
    store = await openTestStore(technician);
    await createTicketsRepository(store).create(call);
    const [ticket] = await firstValueFrom(liveCollection(store.db.tickets));
    expect(Object.keys(ticket ?? {}).filter((k) => k.startsWith('_'))).toEqual([]);
  });
});
