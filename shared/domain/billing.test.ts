import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Contract, channelSchema, equipmentKindSchema } from '../schemas';
import { TICKET_COVERAGE_KEYS, coverageKey, coverageOf, ticketCoverageKey } from './coverage';
import { billIntervention, contractLedger, decideCoverage } from './index';
import { makeContract, makeEquipment, makeIntervention, makeTicket, withModules } from './test-fixtures';

const at = '2026-03-02T09:00:00.000Z';
const server = makeEquipment({ id: 'srv', kind: 'server', name: 'SRV-01' });
const pc = makeEquipment({ id: 'pc', kind: 'pc', name: 'PC-12' });

function bill(contract: Contract, ticketOverrides: Parameters<typeof makeTicket>[0], minutes: number, more = {}) {
  const ticket = makeTicket(ticketOverrides);
  const equipment = [server, pc].find((item) => item.id === ticket.equipmentId);
  const intervention = makeIntervention('itv', at, minutes, more);
  return billIntervention({ contract, ticket, equipment, intervention, earlierOnTicket: [] });
}

describe('units per intervention', () => {
  it('bills 47 minutes of work and one trip as 4 + 4 UT from the UT credit', () => {
    const result = bill(makeContract(), {}, 47, { trips: 1 });
    expect(result).toMatchObject({
      rawSeconds: 2820,
      workUnits: 4,
      tripUnits: 4,
      coverage: 'ut',
      utConsumed: 8,
      halfDaysConsumed: 0,
      allowanceSecondsUsed: 0,
    });
    expect(result.explanation.map((line) => line.text)).toEqual([
      'Temps mesuré : 47 min (1 segment).',
      'Travail : 4 UT (tout quart d’heure commencé est dû).',
      'Déplacement : 1 A/R × 4 UT = 4 UT.',
      'Décompté du crédit UT : 4 UT de travail + 4 UT de déplacement = 8 UT.',
    ]);
    expect(result.explanation[0]).toEqual({
      code: 'time.measured',
      params: { seconds: 2820, segments: 1 },
      text: 'Temps mesuré : 47 min (1 segment).',
    });
  });

  it('sums the segments of a paused intervention and rounds once: 10 + 10 minutes is 2 UT, not 1 + 1', () => {
    const intervention = makeIntervention('itv', at, 10, {
      segments: [
        { start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T09:10:00.000Z' },
        { start: '2026-03-02T10:00:00.000Z', end: '2026-03-02T10:10:00.000Z' },
      ],
      completedAt: '2026-03-02T10:10:00.000Z',
    });
    const result = billIntervention({
      contract: makeContract(),
      ticket: makeTicket(),
      equipment: undefined,
      intervention,
      earlierOnTicket: [],
    });
    expect(result).toMatchObject({ rawSeconds: 1200, workUnits: 2, utConsumed: 2 });
  });

  it('counts a running timer up to now for the live bar, and only then', () => {
    const running = makeIntervention('itv', at, 0, { segments: [{ start: at }], completedAt: undefined });
    const input = {
      contract: makeContract(),
      ticket: makeTicket(),
      equipment: undefined,
      intervention: running,
      earlierOnTicket: [],
    };
    expect(billIntervention(input).rawSeconds).toBe(0);
    const live = billIntervention({ ...input, now: new Date('2026-03-02T09:16:00.000Z') });
    expect(live).toMatchObject({ rawSeconds: 960, workUnits: 2, utConsumed: 2 });
    expect(live.explanation.map((line) => line.code)).toContain('time.running');
  });
});

describe('coverage, first match wins (domain.md §3.1)', () => {
  const base = makeContract({ halfDayBase: 10 });

  it.each<[string, string, Contract, Parameters<typeof makeTicket>[0], object, number]>([
    [
      'a planned preventive half-day of active module D',
      'planned_service',
      withModules(base, 'D'),
      { plannedService: 'D', nature: 'preventive' },
      { trips: 1 },
      0,
    ],
    ['a planned service of an inactive module', 'ut', base, { plannedService: 'D' }, {}, 8],
    [
      'a covered server under module H, travel included',
      'forfait_servers_network',
      withModules(base, 'H'),
      { equipmentId: 'srv' },
      { trips: 2 },
      0,
    ],
    [
      'preventive work on a covered server under module H',
      'forfait_servers_network',
      withModules(base, 'H'),
      { equipmentId: 'srv', nature: 'preventive' },
      {},
      0,
    ],
    ['a covered server without module H', 'ut', base, { equipmentId: 'srv' }, {}, 8],
    ['a PC under module H', 'ut', withModules(base, 'H'), { equipmentId: 'pc' }, {}, 8],
    [
      'curative work on a covered PC under module I',
      'forfait_pc',
      withModules(base, 'I'),
      { equipmentId: 'pc' },
      { trips: 1 },
      0,
    ],
    [
      'preventive work on a covered PC under module I',
      'ut',
      withModules(base, 'I'),
      { equipmentId: 'pc', nature: 'preventive' },
      {},
      8,
    ],
    ['a hotline call under module G', 'hotline_allowance', withModules(base, 'G'), {}, { channel: 'hotline' }, 6],
    [
      'telemaintenance under module G',
      'hotline_allowance',
      withModules(base, 'G'),
      {},
      { channel: 'telemaintenance' },
      6,
    ],
    ['on-site work under module G', 'ut', withModules(base, 'G'), {}, { channel: 'onsite' }, 8],
    ['a floating half-day, travel included', 'half_day', base, {}, { halfDay: true, trips: 1 }, 0],
    ['a half-day on a contract without half-day credit', 'ut', makeContract(), {}, { halfDay: true }, 8],
    [
      'the planned service before the server forfait',
      'planned_service',
      withModules(base, 'D', 'H'),
      { plannedService: 'D', equipmentId: 'srv' },
      {},
      0,
    ],
    [
      'the server forfait before the hotline allowance',
      'forfait_servers_network',
      withModules(base, 'G', 'H'),
      { equipmentId: 'srv' },
      { channel: 'hotline' },
      0,
    ],
    [
      'the hotline allowance before the half-day',
      'hotline_allowance',
      withModules(base, 'G'),
      {},
      { channel: 'hotline', halfDay: true },
      6,
    ],
    [
      'out-of-scope work on a covered server',
      'ut',
      withModules(base, 'H'),
      { equipmentId: 'srv', nature: 'out_of_scope' },
      {},
      8,
    ],
    [
      'an out-of-scope hotline call',
      'ut',
      withModules(base, 'G'),
      { nature: 'out_of_scope' },
      { channel: 'hotline' },
      8,
    ],
  ])('covers %s as %s', (_label, coverage, contract, ticket, intervention, utConsumed) => {
    // 2 hours of work: 8 UT, or 6 UT for the 90 minutes beyond the 30 hotline minutes.
    const result = bill(contract, ticket, 120, intervention);
    expect(result.coverage).toBe(coverage);
    expect(result.utConsumed - result.tripUnits).toBe(utConsumed);
    expect(result.workUnits).toBe(8);
  });

  it('includes travel in forfaits and half-days but bills it under the hotline allowance', () => {
    expect(bill(withModules(base, 'H'), { equipmentId: 'srv' }, 20, { trips: 2 })).toMatchObject({
      tripUnits: 0,
      utConsumed: 0,
    });
    expect(bill(base, {}, 20, { halfDay: true, trips: 1 })).toMatchObject({
      tripUnits: 0,
      utConsumed: 0,
      halfDaysConsumed: 1,
    });
    expect(bill(withModules(base, 'G'), {}, 20, { channel: 'hotline', trips: 1 })).toMatchObject({
      tripUnits: 4,
      utConsumed: 4,
    });
  });

  it('takes one half-day per started three hours', () => {
    expect(bill(base, {}, 180, { halfDay: true }).halfDaysConsumed).toBe(1);
    expect(bill(base, {}, 181, { halfDay: true }).halfDaysConsumed).toBe(2);
  });

  it('explains in French why a rule did not apply', () => {
    const outOfScope = bill(withModules(base, 'H'), { equipmentId: 'srv', nature: 'out_of_scope' }, 20);
    expect(outOfScope.explanation.map((line) => line.code)).toContain('note.out_of_scope');
    const noCredit = bill(makeContract(), {}, 20, { halfDay: true });
    expect(noCredit.explanation.map((line) => line.text)).toContain(
      'Demi-journée demandée, mais le contrat n’a pas de crédit de demi-journées : décomptée en UT.',
    );
    const server = bill(withModules(base, 'H'), { equipmentId: 'srv' }, 20, { trips: 1 });
    expect(server.explanation.map((line) => line.text)).toEqual(
      expect.arrayContaining([
        '« SRV-01 » (serveur) est couvert par le forfait serveurs et réseau (module H) : intervention et déplacement inclus.',
        'Déplacement inclus (1 A/R), aucune UT de déplacement.',
      ]),
    );
  });

  it('decides coverage without a ticket as rules 4–6 allow', () => {
    const decision = decideCoverage({
      contract: withModules(base, 'G'),
      ticket: undefined,
      equipment: undefined,
      intervention: { channel: 'hotline', halfDay: false },
    });
    expect(decision).toEqual({ coverage: 'hotline_allowance', notes: ['ticket_missing'] });
  });
});

describe('coverageKey', () => {
  it('is all coverageOf reads of an intervention: the same key, the same coverage', () => {
    const codes = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'] as const;
    const work = fc.record({ channel: fc.constantFrom(...channelSchema.options), halfDay: fc.boolean() });
    fc.assert(
      fc.property(
        fc.subarray([...codes]),
        fc.constantFrom(0, 10),
        fc.option(
          fc.record({
            plannedService: fc.option(fc.constantFrom('C', 'D', 'E', 'F'), { nil: undefined }),
            nature: fc.constantFrom('curative', 'preventive', 'out_of_scope'),
          }),
          { nil: undefined },
        ),
        fc.option(fc.record({ covered: fc.boolean(), kind: fc.constantFrom(...equipmentKindSchema.options) }), {
          nil: undefined,
        }),
        work,
        work,
        (active, halfDayBase, ticket, equipment, a, b) => {
          const contract = { ...withModules(makeContract(), ...active), halfDayBase };
          fc.pre(coverageKey(a) === coverageKey(b));
          expect(coverageOf(contract, ticket, equipment, a)).toBe(coverageOf(contract, ticket, equipment, b));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('the hotline allowance: 30 minutes per incident, in start order', () => {
  const contract = withModules(makeContract(), 'G');
  const ticket = makeTicket();
  const first = makeIntervention('b-first', '2026-03-02T09:00:00.000Z', 15, { channel: 'hotline' });
  const second = makeIntervention('a-second', '2026-03-02T10:00:00.000Z', 20, { channel: 'telemaintenance' });
  const third = makeIntervention('c-third', '2026-03-02T11:00:00.000Z', 10, { channel: 'hotline' });
  const onsite = makeIntervention('d-onsite', '2026-03-02T08:00:00.000Z', 60, { channel: 'onsite' });
  const all = [third, onsite, second, first];
  const billOf = (intervention: typeof first) =>
    billIntervention({ contract, ticket, equipment: undefined, intervention, earlierOnTicket: all });

  it('gives the first 15 minutes to the first call, 15 to the second, nothing to the third', () => {
    expect(billOf(first)).toMatchObject({ allowanceSecondsUsed: 900, utConsumed: 0 });
    expect(billOf(second)).toMatchObject({ allowanceSecondsUsed: 900, utConsumed: 1 }); // 5 minutes beyond: 1 UT
    expect(billOf(third)).toMatchObject({ allowanceSecondsUsed: 0, utConsumed: 1 });
    expect(billOf(onsite)).toMatchObject({ coverage: 'ut', utConsumed: 4 });
  });

  it('orders by start, not by id or by the order given', () => {
    expect(billOf(second).explanation.map((line) => line.text)).toContain(
      'Forfait hotline (module G) : 30 min incluses par incident, dont 15 min déjà utilisées par les interventions précédentes ; 15 min imputées ici. Dépassement de 5 min décompté 1 UT.',
    );
  });

  it('does not let an intervention replaced by a correction consume the allowance', () => {
    const correction = makeIntervention('e-fix', '2026-03-02T09:00:00.000Z', 5, {
      channel: 'hotline',
      correctionOf: 'b-first',
      correctionReason: 'Durée saisie par erreur',
    });
    const result = billIntervention({
      contract,
      ticket,
      equipment: undefined,
      intervention: second,
      earlierOnTicket: [first, correction],
    });
    expect(result).toMatchObject({ allowanceSecondsUsed: 1200, utConsumed: 0 }); // 5 minutes used before, 25 left
  });

  it('gives the allowance in start order on a long incident too (many calls on one ticket)', () => {
    // 40 calls of 4 minutes, given latest first: the first seven starts take 28 + 2 minutes.
    const calls = Array.from({ length: 40 }, (_, i) =>
      makeIntervention(
        `call-${String(39 - i).padStart(2, '0')}`,
        new Date(Date.parse('2026-03-02T08:00:00.000Z') + (39 - i) * 600_000).toISOString(),
        4,
        { channel: 'hotline' },
      ),
    );
    const { billed } = contractLedger({ contract, tickets: [ticket], equipment: [], interventions: calls });
    const used = (id: string) => billed.get(id)?.allowanceSecondsUsed;
    expect([used('call-00'), used('call-06'), used('call-07'), used('call-08'), used('call-39')]).toEqual([
      240, 240, 120, 0, 0,
    ]);
    expect(billed.get('call-07')?.utConsumed).toBe(1);
  });

  it('keeps each ticket’s allowance to itself', () => {
    const elsewhere = makeIntervention('z', '2026-03-02T08:00:00.000Z', 30, { channel: 'hotline', ticketId: 'tk-2' });
    const result = billIntervention({
      contract,
      ticket,
      equipment: undefined,
      intervention: first,
      earlierOnTicket: [elsewhere],
    });
    expect(result.allowanceSecondsUsed).toBe(900);
  });
});

describe('ticketCoverageKey', () => {
  const codes = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'] as const;
  const ticket = fc.option(
    fc.record({
      plannedService: fc.option(fc.constantFrom('C', 'D', 'E', 'F'), { nil: undefined }),
      nature: fc.constantFrom('curative', 'preventive', 'out_of_scope'),
    }),
    { nil: undefined },
  );
  const equipment = fc.option(
    fc.record({ covered: fc.boolean(), kind: fc.constantFrom(...equipmentKindSchema.options) }),
    { nil: undefined },
  );

  it('is all coverageOf reads of a ticket and its equipment: the same keys, the same coverage', () => {
    const work = fc.record({ channel: fc.constantFrom(...channelSchema.options), halfDay: fc.boolean() });
    fc.assert(
      fc.property(
        fc.subarray([...codes]),
        fc.constantFrom(0, 10),
        ticket,
        equipment,
        ticket,
        equipment,
        work,
        (active, halfDayBase, ticketA, equipmentA, ticketB, equipmentB, intervention) => {
          const contract = { ...withModules(makeContract(), ...active), halfDayBase };
          const key = ticketCoverageKey(contract, ticketA, equipmentA);
          expect(key).toBeGreaterThanOrEqual(0);
          expect(key).toBeLessThan(TICKET_COVERAGE_KEYS);
          fc.pre(key === ticketCoverageKey(contract, ticketB, equipmentB));
          expect(coverageOf(contract, ticketA, equipmentA, intervention)).toBe(
            coverageOf(contract, ticketB, equipmentB, intervention),
          );
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('tells apart the tickets the rules tell apart', () => {
    const contract = withModules(makeContract(), 'C', 'G', 'H', 'I');
    const keys = new Set([
      ticketCoverageKey(contract, { plannedService: 'C', nature: 'preventive' }, undefined),
      ticketCoverageKey(contract, { plannedService: undefined, nature: 'curative' }, pc),
      ticketCoverageKey(contract, { plannedService: undefined, nature: 'curative' }, server),
      ticketCoverageKey(contract, { plannedService: undefined, nature: 'out_of_scope' }, server),
      ticketCoverageKey(contract, { plannedService: undefined, nature: 'preventive' }, undefined),
    ]);
    expect(keys.size).toBe(5);
  });
});
