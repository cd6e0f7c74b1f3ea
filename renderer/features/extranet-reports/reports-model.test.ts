import { describe, expect, it } from 'vitest';
import { aContract, aTicket, anIntervention, aUser } from '../../testing/documents';
import { computeLedgers } from '../reports/ledgers';
import { compteRenduRows, filterRows, yearsOf } from './reports-model';

// Module A only (no hotline allowance): every started quarter hour is 1 UT, a round trip 4 UT.
const contract = aContract();
const tickets = [
  aTicket({ id: 'tk-1', reference: 'T-2611-0001', title: 'Sauvegarde échouée' }),
  aTicket({ id: 'tk-2', reference: 'T-2612-0002', title: 'Imprimante bloquée' }),
];
const interventions = [
  anIntervention({ id: 'iv-nov', ticketId: 'tk-1', start: '2026-11-02 09:10', minutes: 20 }),
  anIntervention({
    id: 'iv-dec',
    ticketId: 'tk-2',
    start: '2026-12-01 14:00',
    minutes: 50,
    trips: 1,
    channel: 'onsite',
    signature: {
      signerName: 'Hélène Durand',
      image: 'data:image/png;base64,AA==',
      signedAt: '2026-12-01T14:00:00.000Z',
    },
  }),
  anIntervention({ id: 'iv-jan', ticketId: 'tk-1', start: '2025-01-15 23:30', minutes: 10 }),
  anIntervention({ id: 'iv-running', ticketId: 'tk-2', start: '2026-12-02 09:00', running: true }),
];
const users = [aUser({ id: 'u-tech-1', name: 'Julie Martin', role: 'technician' })];

const rows = compteRenduRows({ interventions, tickets, users }, computeLedgers([contract], tickets, [], interventions));

describe('the client’s comptes-rendus', () => {
  it('lists the completed interventions newest first, with time, UT counted and signature', () => {
    expect(rows.map((r) => r.intervention.id)).toEqual(['iv-dec', 'iv-nov', 'iv-jan']);
    expect(rows[0]).toMatchObject({ technician: 'Julie Martin', seconds: 3000, ut: 4 + 4, signed: true });
    expect(rows[1]).toMatchObject({ seconds: 1200, ut: 2, signed: false, day: '2026-11-02' });
    expect(rows[0]?.ticket?.title).toBe('Imprimante bloquée');
  });

  it('says the units are unknown when the contract is not on the device', () => {
    const orphan = compteRenduRows({ interventions, tickets, users }, computeLedgers([], tickets, [], interventions));
    expect(orphan.map((r) => r.ut)).toEqual([null, null, null]);
  });

  it('filters by the Paris day’s year and month, and by the ticket subject without accents', () => {
    // 23:30 Paris on 15 January 2025 is 22:30 UTC: still January the 15th.
    expect(rows.find((r) => r.intervention.id === 'iv-jan')?.day).toBe('2025-01-15');
    expect(yearsOf(rows)).toEqual(['2026', '2025']);
    const ids = (filter: { year?: string; month?: string; search?: string }) =>
      filterRows(rows, { year: '', month: '', search: '', ...filter }).map((r) => r.intervention.id);
    expect(ids({ year: '2026' })).toEqual(['iv-dec', 'iv-nov']);
    expect(ids({ year: '2026', month: '11' })).toEqual(['iv-nov']);
    expect(ids({ month: '01' })).toEqual(['iv-jan']);
    expect(ids({ search: 'SAUVEGARDE echouee' })).toEqual(['iv-nov', 'iv-jan']);
    expect(ids({ search: 'T-2612' })).toEqual(['iv-dec']);
    expect(ids({ year: '2025', search: 'imprimante' })).toEqual([]);
  });
});
