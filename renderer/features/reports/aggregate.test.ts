import { describe, expect, it } from 'vitest';
import { aggregate, matchingRows } from './aggregate';
import { buildFacts } from './facts';
import { aContract, aTicket, anEquipment, anIntervention, modules } from '../../testing/documents';
import { presetPeriod, rangePeriod } from './period';

// Client 1: UT only. Client 2: hotline forfait (G) and servers forfait (H), with a half-day base.
const contracts = [
  aContract({ id: 'ct-1', clientId: 'cl-1' }),
  aContract({ id: 'ct-2', clientId: 'cl-2', number: 'CI-2026-002', modules: modules('AGHJ'), halfDayBase: 4 }),
];
const equipment = [anEquipment({ id: 'eq-srv', clientId: 'cl-2', kind: 'server', covered: true })];
const tickets = [
  aTicket({ id: 'tk-1', clientId: 'cl-1', contractId: 'ct-1' }),
  aTicket({ id: 'tk-2', clientId: 'cl-2', contractId: 'ct-2' }),
  aTicket({ id: 'tk-3', clientId: 'cl-2', contractId: 'ct-2', equipmentId: 'eq-srv', channel: 'onsite' }),
];
const on = (ticket: string, client: string, contract: string) => ({
  ticketId: ticket,
  clientId: client,
  contractId: contract,
});
const interventions = [
  // 20 min UT on client 1 → 2 UT.
  anIntervention({ id: 'a', ...on('tk-1', 'cl-1', 'ct-1'), start: '2026-11-02 09:10', minutes: 20 }),
  // On site, 50 min + 1 trip → 4 + 4 UT.
  anIntervention({
    id: 'b',
    ...on('tk-1', 'cl-1', 'ct-1'),
    start: '2026-11-03 14:00',
    minutes: 50,
    channel: 'onsite',
    trips: 1,
    technicianId: 'u-tech-2',
  }),
  // Hotline on G: 20 min then 25 min on one ticket → 30 min included, 15 min beyond → 1 UT.
  anIntervention({ id: 'c', ...on('tk-2', 'cl-2', 'ct-2'), start: '2026-11-04 09:00', minutes: 20 }),
  anIntervention({ id: 'd', ...on('tk-2', 'cl-2', 'ct-2'), start: '2026-11-04 10:00', minutes: 25 }),
  // Covered server under H, on site with a trip: included, travel included.
  anIntervention({
    id: 'e',
    ...on('tk-3', 'cl-2', 'ct-2'),
    start: '2026-11-05 09:00',
    minutes: 90,
    channel: 'onsite',
    trips: 1,
    technicianId: 'u-tech-2',
  }),
  // A floating half-day: 3 h 10 → 2 half-days.
  anIntervention({
    id: 'f',
    ...on('tk-2', 'cl-2', 'ct-2'),
    start: '2026-11-06 08:30',
    minutes: 190,
    channel: 'onsite',
    halfDay: true,
  }),
  // Still running: not counted.
  anIntervention({ id: 'g', ...on('tk-1', 'cl-1', 'ct-1'), start: '2026-11-06 10:00', running: true }),
  // December: outside November.
  anIntervention({ id: 'h', ...on('tk-1', 'cl-1', 'ct-1'), start: '2026-12-01 00:10', minutes: 15 }),
];

const facts = () => buildFacts(contracts, tickets, equipment, interventions);
const november = presetPeriod('month', '2026-11-15');

describe('report aggregates', () => {
  it('sums raw time, work UT and what the credits were charged over a month', () => {
    const { totals } = aggregate(facts(), { period: november });
    expect(totals.interventions).toBe(6);
    expect(totals.rawSeconds).toBe((20 + 50 + 20 + 25 + 90 + 190) * 60);
    expect(totals.workUnits).toBe(2 + 4 + 2 + 2 + 6 + 13);
    // a: 2, b: 4 + 4 trip, c: 0, d: 1 (15 min beyond the allowance), e: 0, f: 0.
    expect(totals.utConsumed).toBe(11);
    expect(totals.halfDays).toBe(2);
    expect(totals.trips).toBe(2);
  });

  it('splits raw time between forfaits, UT and half-days', () => {
    const { totals } = aggregate(facts(), { period: november });
    expect(totals.forfaitSeconds).toBe((20 + 25 + 90) * 60);
    expect(totals.utSeconds).toBe((20 + 50) * 60);
    expect(totals.halfDaySeconds).toBe(190 * 60);
  });

  it('breaks the month down by client and by technician, biggest first', () => {
    const report = aggregate(facts(), { period: november });
    expect(report.byClient.map((r) => [r.id, r.totals.rawSeconds / 60, r.totals.utConsumed])).toEqual([
      ['cl-2', 325, 1],
      ['cl-1', 70, 10],
    ]);
    expect(report.byTechnician.map((r) => [r.id, r.totals.interventions])).toEqual([
      ['u-tech-1', 4],
      ['u-tech-2', 2],
    ]);
  });

  it('gives each coverage its own line', () => {
    const lines = Object.fromEntries(
      aggregate(facts(), { period: november }).byCoverage.map((c) => [c.coverage, c.totals.interventions]),
    );
    expect(lines).toEqual({
      planned_service: 0,
      forfait_servers_network: 1,
      forfait_pc: 0,
      hotline_allowance: 2,
      half_day: 1,
      ut: 2,
    });
  });

  it('draws a bar for every day of the month, empty days included', () => {
    const { byBucket, granularity } = aggregate(facts(), { period: november });
    expect(granularity).toBe('day');
    expect(byBucket).toHaveLength(30);
    expect(byBucket.filter((b) => b.totals.interventions > 0)).toHaveLength(5);
  });

  it('puts work started at 00:10 Paris on 1 December in December, not in November', () => {
    expect(aggregate(facts(), { period: presetPeriod('today', '2026-12-01') }).totals.interventions).toBe(1);
    expect(aggregate(facts(), { period: rangePeriod('2026-11-30', '2026-11-30') }).totals.interventions).toBe(0);
  });

  it('filters by client and by technician', () => {
    expect(aggregate(facts(), { period: november, clientId: 'cl-1' }).totals.rawSeconds).toBe(70 * 60);
    expect(aggregate(facts(), { period: november, technicianId: 'u-tech-2' }).totals.rawSeconds).toBe(140 * 60);
    expect(aggregate(facts(), { period: november, clientId: 'cl-unknown' }).totals.interventions).toBe(0);
  });

  it('counts a correction instead of the intervention it replaces', () => {
    const original = anIntervention({
      id: 'x',
      ...on('tk-1', 'cl-1', 'ct-1'),
      start: '2026-11-10 09:00',
      minutes: 60,
      validatedAt: '2026-11-10T12:00:00.000Z',
      validatedBy: 'u-lead-1',
    });
    const correction = anIntervention({
      id: 'x2',
      ...on('tk-1', 'cl-1', 'ct-1'),
      start: '2026-11-10 09:00',
      minutes: 30,
      correctionOf: 'x',
      correctionReason: 'Pause déjeuner comptée par erreur',
    });
    const withCorrection = buildFacts(contracts, tickets, equipment, [...interventions, original, correction]);
    const day = aggregate(withCorrection, { period: presetPeriod('today', '2026-11-10') }).totals;
    expect(day.interventions).toBe(1);
    expect(day.rawSeconds).toBe(30 * 60);
    expect(day.utConsumed).toBe(2);
  });

  it('computes a report once per facts and filter', () => {
    const f = facts();
    expect(buildFacts(contracts, tickets, equipment, interventions)).toBe(f);
    expect(aggregate(f, { period: november })).toBe(aggregate(f, { period: { ...november } }));
    expect(aggregate(f, { period: november, clientId: 'cl-1' })).not.toBe(aggregate(f, { period: november }));
  });

  it('follows a newly synced intervention, whatever contract it lands on', () => {
    const before = aggregate(facts(), { period: november }).totals;
    const late = anIntervention({ id: 'z', ...on('tk-2', 'cl-2', 'ct-2'), start: '2026-11-30 17:00', minutes: 40 });
    const after = aggregate(buildFacts(contracts, tickets, equipment, [...interventions, late]), { period: november });
    expect(after.totals.interventions).toBe(before.interventions + 1);
    expect(after.totals.rawSeconds).toBe(before.rawSeconds + 40 * 60);
    // The ticket's 30 included minutes are used up: all 40 minutes are billed, 3 UT.
    expect(after.totals.utConsumed).toBe(before.utConsumed + 3);
    expect(after.byClient.find((r) => r.id === 'cl-1')?.totals).toEqual(
      aggregate(facts(), { period: november }).byClient.find((r) => r.id === 'cl-1')?.totals,
    );
  });

  it('lists the matching interventions newest first for the drill-down', () => {
    const f = facts();
    const rows = matchingRows(f, { period: november, clientId: 'cl-2' });
    expect(rows.map((row) => f.interventions[row]?.id)).toEqual(['f', 'e', 'd', 'c']);
  });

  it('keeps one broken contract apart instead of failing the whole report', () => {
    const duplicated = [
      ...interventions,
      { ...(interventions[0] as (typeof interventions)[number]), updatedAt: '2026-11-30T10:00:00.000Z' },
    ];
    const f = buildFacts(contracts, tickets, equipment, duplicated);
    const broken = f.ledgers.byContract.get('ct-1');
    expect(broken?.ok).toBe(false);
    expect(broken && !broken.ok && broken.error).toMatch(/duplicate id "a"/);
    expect(aggregate(f, { period: november }).byClient.map((r) => r.id)).toEqual(['cl-2']);
  });
});
