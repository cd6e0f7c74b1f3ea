import { describe, expect, it } from 'vitest';
import { occurrenceTicket, plannedOccurrences, type PlannedTicket } from '../../../shared/domain';
import { aClient, aContract, anIntervention, modules } from '../../testing/documents';
import {
  calendarYear,
  contractYearPeriod,
  last12Months,
  plannedContractOf,
  plannedFacts,
  qualityByClient,
} from './quality-model';

const contract = aContract({
  id: 'ct-1',
  clientId: 'cl-1',
  startDate: '2026-01-15',
  modules: modules('ACDJ', { C: 12, D: 12 }),
});
const other = aContract({
  id: 'ct-2',
  clientId: 'cl-2',
  number: 'CI-2',
  startDate: '2026-01-15',
  modules: modules('ACJ', { C: 12 }),
});

function tickets(c: typeof contract): PlannedTicket[] {
  return plannedOccurrences(c, 0).map(
    (o) => occurrenceTicket(c, o, new Date('2026-01-10T09:00:00Z'), 'u-lead') as PlannedTicket,
  );
}

describe('quality screens', () => {
  it('gives the periods a lead looks at', () => {
    expect(last12Months('2026-12-03')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(last12Months('2026-03-10')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(calendarYear('2026-03-10')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(contractYearPeriod(contract, '2027-02-01')).toEqual({ from: '2027-01-15', to: '2028-01-14' });
    expect(plannedContractOf([contract, other], 'cl-2')?.id).toBe('ct-2');
    expect(plannedContractOf([aContract({ id: 'ct-3', clientId: 'cl-3' })], 'cl-3')).toBeUndefined();
  });

  it('moves a client’s index when one of its occurrences is completed with its compte-rendu', () => {
    const mine = tickets(contract);
    const theirs = tickets(other);
    const jan = mine.find((t) => t.plannedService === 'C' && t.dueDate === '2026-01-31');
    if (!jan) throw new Error('no January occurrence');
    const clients = [aClient({ id: 'cl-1', name: 'Mercier' }), aClient({ id: 'cl-2', name: 'Robin' })];
    const period = { from: '2026-01-01', to: '2026-12-31' };
    const before = qualityByClient(
      plannedFacts({ tickets: [...mine, ...theirs], interventions: [], contracts: [contract, other] }),
      clients,
      period,
      '2026-02-10',
    );
    // January's C and D missed for Mercier; January's C missed for Robin.
    expect(before.map((c) => [c.client.name, c.summary.index, c.summary.counted])).toEqual([
      ['Mercier', 0, 2],
      ['Robin', 0, 1],
    ]);
    const done = anIntervention({
      id: 'iv-1',
      ticketId: jan.id,
      contractId: 'ct-1',
      start: '2026-01-15 09:00',
      minutes: 60,
    });
    const after = qualityByClient(
      plannedFacts({ tickets: [...mine, ...theirs], interventions: [done], contracts: [contract, other] }),
      clients,
      period,
      '2026-02-10',
    );
    expect(after.map((c) => [c.client.name, c.summary.index])).toEqual([
      ['Robin', 0],
      ['Mercier', 0.5],
    ]);
  });
});
