import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { ForbiddenError, InvalidStateError } from '../errors';
import type { Store } from '../store';
import { lead, openTestStore, technician, testClock, type TestClock } from '../testing';
import { createInterventionsRepository } from './interventions';

let store: (Store & { clock: TestClock }) | undefined;
afterEach(async () => {
  await store?.db.close();
  store = undefined;
});

const ticketA = { ticketId: 'tk-a', clientId: 'cl-1', contractId: 'ct-1', channel: 'hotline' as const };
const ticketB = { ticketId: 'tk-b', clientId: 'cl-2', contractId: 'ct-2', channel: 'telemaintenance' as const };
const MIN = 60_000;

describe('the quarter-hour timer', () => {
  it('starts, pauses and resumes one intervention in several segments', async () => {
    store = await openTestStore(technician);
    const repo = createInterventionsRepository(store);
    const started = await repo.startTimer(ticketA);
    store.clock.advance(10 * MIN);
    await repo.pause(started.id);
    store.clock.advance(5 * MIN);
    const resumed = await repo.resume(started.id);
    expect(resumed.segments).toEqual([
      { start: '2026-11-27T09:00:00.000Z', end: '2026-11-27T09:10:00.000Z' },
      { start: '2026-11-27T09:15:00.000Z' },
    ]);
  });

  it('keeps one running timer per technician: starting another pauses the first', async () => {
    store = await openTestStore(technician);
    const repo = createInterventionsRepository(store);
    const first = await repo.startTimer(ticketA);
    store.clock.advance(7 * MIN);
    const second = await repo.startTimer(ticketB);
    const firstNow = await firstValueFrom(repo.get$(first.id));
    expect(firstNow?.segments.at(-1)?.end).toBe('2026-11-27T09:07:00.000Z');
    expect(second.segments).toEqual([{ start: '2026-11-27T09:07:00.000Z' }]);
    expect((await firstValueFrom(repo.activeTimer$()))?.id).toBe(second.id);
  });

  it('resumes the unfinished intervention of the same ticket instead of opening another', async () => {
    store = await openTestStore(technician);
    const repo = createInterventionsRepository(store);
    const first = await repo.startTimer(ticketA);
    await repo.pause(first.id);
    store.clock.advance(MIN);
    const again = await repo.startTimer(ticketA);
    expect(again.id).toBe(first.id);
    expect(again.segments).toHaveLength(2);
  });

  it('completes with the work end as the instant units are deducted', async () => {
    store = await openTestStore(technician);
    const repo = createInterventionsRepository(store);
    const running = await repo.startTimer(ticketA);
    store.clock.advance(16 * MIN);
    const done = await repo.complete(running.id, { channel: 'hotline', trips: 0, halfDay: false, report: '  Mot de passe réinitialisé. ' });
    expect(done.completedAt).toBe('2026-11-27T09:16:00.000Z');
    expect(done.segments.at(-1)?.end).toBe('2026-11-27T09:16:00.000Z');
    expect(done.report).toBe('Mot de passe réinitialisé.');
    await expect(repo.resume(done.id)).rejects.toThrow(InvalidStateError);
  });

  it('closes a timer left running overnight when the work really ended', async () => {
    store = await openTestStore(technician, testClock('2026-11-27T15:00:00.000Z'));
    const repo = createInterventionsRepository(store);
    const running = await repo.startTimer(ticketA);
    store.clock.set('2026-11-28T07:30:00.000Z');
    await expect(repo.endAt(running.id, new Date('2026-11-27T14:00:00Z'))).rejects.toThrow(/before it started/);
    await expect(repo.endAt(running.id, new Date('2026-11-29T14:00:00Z'))).rejects.toThrow(/future/);
    await expect(repo.endAt(running.id, new Date('nonsense'))).rejects.toThrow(/endedAt/);
    const closed = await repo.endAt(running.id, new Date('2026-11-27T16:45:00Z'));
    expect(closed.segments).toEqual([{ start: '2026-11-27T15:00:00.000Z', end: '2026-11-27T16:45:00.000Z' }]);
  });
});

describe('on-site visits', () => {
  it('records arrival, departure, trips, report and signature offline', async () => {
    store = await openTestStore(technician, testClock('2026-11-27T16:00:00.000Z'));
    const repo = createInterventionsRepository(store);
    const visit = await repo.recordVisit({
      ...ticketA,
      channel: 'onsite',
      arrival: new Date('2026-11-27T13:05:00Z'),
      departure: new Date('2026-11-27T15:20:00Z'),
      trips: 1,
      halfDay: false,
      report: 'Remplacement du switch.',
      signature: { signerName: 'M. Petit', image: 'data:image/png;base64,iVBORw0KGgo=', signedAt: '2026-11-27T15:19:00.000Z' },
    });
    expect(visit.completedAt).toBe('2026-11-27T15:20:00.000Z');
    expect(visit.trips).toBe(1);
    await expect(
      repo.recordVisit({ ...ticketA, channel: 'onsite', arrival: new Date('2026-11-27T15:00Z'), departure: new Date('2026-11-27T14:00Z'), trips: 1, halfDay: false, report: '' }),
    ).rejects.toThrow(/departure/);
  });
});

describe('validation and corrections', () => {
  it('locks validated work and records a correction as a new intervention', async () => {
    store = await openTestStore(technician);
    const techRepo = createInterventionsRepository(store);
    const running = await techRepo.startTimer(ticketA);
    store.clock.advance(20 * MIN);
    const done = await techRepo.complete(running.id, { channel: 'hotline', trips: 0, halfDay: false, report: 'ok' });
    await expect(techRepo.validate([done.id])).rejects.toThrow(ForbiddenError);

    const leadRepo = createInterventionsRepository({ ...store, user: lead });
    expect(await leadRepo.validate([done.id])).toBe(1);
    await expect(techRepo.edit(done.id, { trips: 2 })).rejects.toThrow(/validated/);
    await expect(leadRepo.correct(done.id, { trips: 1 }, ' ')).rejects.toThrow(/reason/);
    const correction = await leadRepo.correct(done.id, { trips: 1 }, 'déplacement oublié');
    expect(correction.correctionOf).toBe(done.id);
    expect(correction.validatedAt).toBeUndefined();
    expect(correction.trips).toBe(1);
    const original = await firstValueFrom(techRepo.get$(done.id));
    expect(original?.trips).toBe(0);
    expect(original?.validatedBy).toBe(lead.id);
  });

  it("refuses to let a technician change a colleague's intervention", async () => {
    store = await openTestStore(technician);
    const colleague = createInterventionsRepository({ ...store, user: { ...technician, id: 'u-tech-2' } });
    const theirs = await colleague.startTimer(ticketA);
    await expect(createInterventionsRepository(store).pause(theirs.id)).rejects.toThrow(ForbiddenError);
  });
});
