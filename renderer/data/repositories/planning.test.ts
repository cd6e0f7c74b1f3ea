import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { contractLedger, occurrenceTicketId, plannedOccurrences } from '../../../shared/domain';
import { aContract, modules } from '../../testing/documents';
import { ticketSla } from '../../features/tickets/derive';
import { ForbiddenError } from '../errors';
import { putDocument, type Store } from '../store';
import { lead, openTestStore, technician } from '../testing';
import { createInterventionsRepository } from './interventions';
import { createPlanningRepository } from './planning';
import { createTicketsRepository } from './tickets';

let store: Store | undefined;
afterEach(async () => {
  await store?.db.close();
  store = undefined;
});

// Modules A (30-minute commitment), C and D (12 a year each), G (hotline forfait); started 15 January 2026.
const contract = aContract({
  startDate: '2026-01-15',
  prices: [{ from: '2026-01-15', utUnitPrice: '25.00', halfDayUnitPrice: '360.00' }],
  modules: modules('ACDGJ', { C: 12, D: 12 }),
});

async function setUp(user = lead) {
  store = await openTestStore(user);
  await putDocument(store, 'contracts', contract);
  const tickets = createTicketsRepository(store);
  return { tickets, planning: createPlanningRepository(store, tickets), store };
}

describe('planning repository', () => {
  it('plans a contract year once: a second time creates nothing', async () => {
    const { planning } = await setUp();
    expect(await planning.planYear(contract, 0, 'u-tech-1')).toEqual({ created: 24, existing: 0 });
    expect(await planning.planYear(contract, 0)).toEqual({ created: 0, existing: 24 });
    const planned = await firstValueFrom(planning.planned$());
    expect(planned).toHaveLength(24);
    expect(planned.every((t) => t.assigneeId === 'u-tech-1' && t.nature === 'preventive' && t.status === 'new')).toBe(true);
    const first = plannedOccurrences(contract, 0)[0];
    if (!first) throw new Error('no occurrence');
    expect(planned.map((t) => t.id)).toContain(occurrenceTicketId(contract.id, first));
  });

  it('moves an occurrence to a jour ouvré with its reason in the history, keeping its due date', async () => {
    const { planning, tickets } = await setUp();
    await planning.planYear(contract, 0);
    const [march] = (await firstValueFrom(planning.planned$())).filter((t) => t.plannedService === 'C' && t.dueDate === '2026-03-31');
    if (!march) throw new Error('no March occurrence');
    await expect(planning.move(march.id, '2026-03-21', 'client absent')).rejects.toThrow(/not a jour ouvré/);
    await expect(planning.move(march.id, '2026-03-23', '  ')).rejects.toThrow(/reason/);
    const moved = await planning.move(march.id, '2026-03-23', 'Client absent le 16');
    expect(moved.plannedFor).toBe('2026-03-23');
    expect(moved.dueDate).toBe('2026-03-31');
    expect(moved.history.at(-1)).toMatchObject({ field: 'plannedFor', from: '"2026-03-16"', to: '"2026-03-23"', note: 'Client absent le 16' });
    expect((await tickets.get(march.id))?.plannedFor).toBe('2026-03-23');
  });

  it('cancels at the client’s request, then restores, both traced', async () => {
    const { planning } = await setUp();
    await planning.planYear(contract, 0);
    const [one] = await firstValueFrom(planning.planned$());
    if (!one) throw new Error('no occurrence');
    const cancelled = await planning.cancel(one.id, { reason: 'Locaux fermés', requestedBy: 'client' });
    expect(cancelled.cancellation).toMatchObject({ by: lead.id, reason: 'Locaux fermés', requestedBy: 'client' });
    expect(cancelled.status).toBe('closed');
    await expect(planning.move(one.id, '2026-03-23', 'x')).rejects.toThrow(/restore it first/);
    const restored = await planning.restore(one.id, 'Le client a rouvert');
    expect(restored.cancellation).toBeUndefined();
    expect(restored.history.filter((h) => h.field === 'cancellation').map((h) => h.note)).toEqual(['Locaux fermés', 'Le client a rouvert']);
  });

  it('leaves planning, moving and cancelling to team leads', async () => {
    const { planning } = await setUp(technician);
    await expect(planning.planYear(contract, 0)).rejects.toThrow(ForbiddenError);
    await expect(planning.cancel('x', { reason: 'r', requestedBy: 'client' })).rejects.toThrow(ForbiddenError);
  });

  it('never bills UT for a generated occurrence and runs no 30-minute clock on it (domain.md §3.1 rule 1)', async () => {
    const { planning, tickets } = await setUp();
    await planning.planYear(contract, 0, technician.id);
    const [telemaintenance] = (await firstValueFrom(planning.planned$())).filter((t) => t.plannedService === 'C');
    if (!telemaintenance) throw new Error('no C occurrence');
    // Worked by the technician: 1 h 20 of telemaintenance, which module G alone would not cover.
    const interventions = createInterventionsRepository({ ...(store as Store), user: technician });
    const iv = await interventions.recordVisit({
      ticketId: telemaintenance.id,
      clientId: telemaintenance.clientId,
      contractId: contract.id,
      channel: 'telemaintenance',
      arrival: new Date('2026-11-27T07:00:00Z'),
      departure: new Date('2026-11-27T08:20:00Z'),
      trips: 1,
      halfDay: false,
      report: 'Mises à jour et sauvegardes contrôlées.',
    });
    const ticket = await tickets.get(telemaintenance.id);
    if (!ticket) throw new Error('ticket missing');
    const ledger = contractLedger({ contract, tickets: [ticket], equipment: [], interventions: [iv] });
    expect(ledger.billed.get(iv.id)).toMatchObject({ coverage: 'planned_service', utConsumed: 0 });
    expect(ledger.ut.entries.length).toBe(0);
    // Module A is active, yet a planned service has no intervention commitment.
    expect(ticketSla(telemaintenance, contract, undefined, new Date('2027-01-01T00:00:00Z')).chip).toBe('none');
  });
});
