import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Intervention } from '../schemas';
import { type CreditLedger, billIntervention, contractLedger } from './index';
import { makeContract, makeEquipment, makeIntervention, makeTicket, withModules } from './test-fixtures';

const contract = makeContract();
const ticket = makeTicket();
const ledgerOf = (interventions: Intervention[], c = contract, tickets = [ticket]) =>
  contractLedger({ contract: c, tickets, equipment: [], interventions });
/** A credit ledger with its entries read out, so equality compares every entry. */
const plain = (ledger: CreditLedger | null) =>
  ledger && { ...ledger, entries: ledger.entries.toArray(), blockEvents: ledger.blockEvents.toArray() };

describe('contractLedger: the UT credit', () => {
  const ten = makeIntervention('i-10', '2026-03-02T09:00:00.000Z', 150); // 10 UT
  const six = makeIntervention('i-06', '2026-03-03T09:00:00.000Z', 90); // 6 UT
  const twenty = makeIntervention('i-20', '2026-03-04T09:00:00.000Z', 300); // 20 UT

  it('invoices block 1 at the effective date, midnight in Paris', () => {
    expect(plain(ledgerOf([]).ut)).toEqual({
      kind: 'ut',
      base: 16,
      consumed: 0,
      blocks: 1,
      balance: 16,
      blockEvents: [{ block: 1, at: '2025-12-31T23:00:00.000Z', unitPrice: '25.00', quantity: 16 }],
      entries: [],
    });
  });

  it('renews when the balance reaches 0, and again when it goes below, naming the intervention each time', () => {
    const { ut } = ledgerOf([twenty, ten, six]);
    expect(ut).toMatchObject({ consumed: 36, blocks: 3, balance: 12 });
    expect(ut.blockEvents.slice(1)).toEqual([
      { block: 2, at: '2026-03-03T10:30:00.000Z', interventionId: 'i-06', unitPrice: '25.00', quantity: 16 },
      { block: 3, at: '2026-03-04T14:00:00.000Z', interventionId: 'i-20', unitPrice: '25.00', quantity: 16 },
    ]);
    expect(ut.entries.toArray()).toEqual([
      { interventionId: 'i-10', at: '2026-03-02T11:30:00.000Z', consumed: 10, balanceAfter: 6, block: 1 },
      { interventionId: 'i-06', at: '2026-03-03T10:30:00.000Z', consumed: 6, balanceAfter: 16, block: 2 },
      { interventionId: 'i-20', at: '2026-03-04T14:00:00.000Z', consumed: 20, balanceAfter: 12, block: 3 },
    ]);
  });

  it('keeps a derived ledger intact when another one is derived after it (working memory is reused)', () => {
    const first = ledgerOf([twenty, ten, six]);
    const bill = (ledger: ReturnType<typeof ledgerOf>) => ledger.billed.get('i-20');
    const expected = { ut: plain(first.ut), bill: bill(ledgerOf([twenty, ten, six])) };
    const other = makeIntervention('i-99', '2026-05-04T09:00:00.000Z', 600);
    ledgerOf([other, makeIntervention('i-98', '2026-05-05T09:00:00.000Z', 45)]);
    // Read only now: entries and bills are made from the first derivation's columns on demand.
    expect({ ut: plain(first.ut), bill: bill(first) }).toEqual(expected);
  });

  it('reads entries by position, from the end, by column or by iteration alike', () => {
    const { entries } = ledgerOf([twenty, ten, six]).ut;
    expect(entries.length).toBe(3);
    expect(entries.at(-1)).toEqual(entries.at(2));
    expect(entries.at(-1)).toMatchObject({ interventionId: 'i-20', balanceAfter: 12, block: 3 });
    expect(entries.at(3)).toBeUndefined();
    expect(entries.at(-4)).toBeUndefined();
    expect(entries.at(0.5)).toBeUndefined();
    expect([...entries]).toEqual(entries.toArray());
    expect([entries.interventionId(1), entries.consumed(1), entries.atOf(1)]).toEqual([
      'i-06',
      6,
      '2026-03-03T10:30:00.000Z',
    ]);
    expect(entries.atMs(1)).toBe(Date.parse('2026-03-03T10:30:00.000Z'));
  });

  it('adds several blocks for one big intervention, each its own invoice', () => {
    const big = makeIntervention('big', '2026-03-02T08:00:00.000Z', 600); // 40 UT
    expect(ledgerOf([big]).ut.blockEvents.map((event) => [event.block, event.interventionId])).toEqual([
      [1, undefined],
      [2, 'big'],
      [3, 'big'],
    ]);
  });

  it('invoices a renewal at the price in force on its Paris day', () => {
    const revised = makeContract({
      prices: [
        { from: '2026-01-01', utUnitPrice: '25.00', halfDayUnitPrice: '360.00' },
        { from: '2027-01-01', utUnitPrice: '25.75', halfDayUnitPrice: '370.80' },
      ],
    });
    const endsAt = (id: string, completedAt: string) =>
      makeIntervention(id, new Date(Date.parse(completedAt) - 240 * 60_000).toISOString(), 240); // 16 UT
    // 22:30 UTC on 31 December is still 2026 in Paris; 23:30 UTC is already 1 January 2027.
    expect(ledgerOf([endsAt('old', '2026-12-31T22:30:00.000Z')], revised).ut.blockEvents.at(1)?.unitPrice).toBe(
      '25.00',
    );
    expect(ledgerOf([endsAt('new', '2026-12-31T23:30:00.000Z')], revised).ut.blockEvents.at(1)?.unitPrice).toBe(
      '25.75',
    );
  });

  it('counts only completed interventions, at their end', () => {
    const running = makeIntervention('run', '2026-03-05T09:00:00.000Z', 0, {
      segments: [{ start: '2026-03-05T09:00:00.000Z' }],
      completedAt: undefined,
    });
    const open = makeIntervention('open', '2026-03-05T09:00:00.000Z', 60, { completedAt: undefined });
    const ledger = ledgerOf([ten, running, open]);
    expect(ledger.ut.consumed).toBe(10);
    expect(ledger.billed.get('open')).toMatchObject({ rawSeconds: 3600, utConsumed: 4 });
    expect(ledger.billed.get('run')).toMatchObject({ rawSeconds: 0 });
  });

  it('orders by end as an instant, whatever the offset it was written with, then by id', () => {
    const a = makeIntervention('a', '2026-03-02T08:00:00.000Z', 60, { completedAt: '2026-03-02T11:30:00+02:00' });
    const b = makeIntervention('b', '2026-03-02T08:00:00.000Z', 60, { completedAt: '2026-03-02T10:00:00.000Z' });
    const c = makeIntervention('c', '2026-03-02T08:00:00.000Z', 60, { completedAt: '2026-03-02T09:30:00.000Z' });
    expect(
      ledgerOf([b, c, a])
        .ut.entries.toArray()
        .map((entry) => [entry.interventionId, entry.at]),
    ).toEqual([
      ['a', '2026-03-02T09:30:00.000Z'],
      ['c', '2026-03-02T09:30:00.000Z'],
      ['b', '2026-03-02T10:00:00.000Z'],
    ]);
  });

  it('counts a correction instead of the intervention it replaces', () => {
    const wrong = makeIntervention('wrong', '2026-03-02T09:00:00.000Z', 60); // 4 UT
    const fixed = makeIntervention('fixed', '2026-03-02T09:00:00.000Z', 30, {
      correctionOf: 'wrong',
      correctionReason: 'Pause déjeuner comptée',
      completedAt: '2026-03-03T08:00:00.000Z',
    });
    const ledger = ledgerOf([wrong, fixed]);
    expect(ledger.ut.consumed).toBe(2);
    expect(ledger.billed.has('wrong')).toBe(false);
    expect(ledger.billed.get('wrong')).toBeUndefined();
    expect([...ledger.billed.keys()]).toEqual(['fixed']);
    expect(ledger.billed.size).toBe(1);
  });

  it('refuses the same intervention twice and an intervention of another contract', () => {
    expect(() => ledgerOf([ten, six, ten])).toThrow(/^interventions\[2\]\.id: duplicate id "i-10"/);
    const foreign = makeIntervention('x', '2026-03-02T09:00:00.000Z', 10, { contractId: 'ct-2' });
    expect(() => ledgerOf([foreign])).toThrow(/^interventions\[0\]\.contractId: "ct-2" is not contract "ct-1"/);
  });

  it.each([
    [{ utBase: 0 }, /^contract\.utBase: must be at least 1/],
    [{ halfDayBase: -1 }, /^contract\.halfDayBase: must be at least 0/],
    [{ prices: [] }, /^contract\.prices: expected at least one price step/],
    [{ startDate: '2026-02-30' }, /^contract\.startDate: no such day/],
    [
      { calendar: { region: '99', timeZone: 'Europe/Paris', closedDates: [], workedHolidays: [] } },
      /^contract\.calendar\.region: /,
    ],
    [{ modules: { ...contract.modules, G: {} } }, /^contract\.modules\.G\.active: expected a boolean/],
  ])('names the contract field at fault in %o', (overrides, message) => {
    const bad = { ...contract, ...overrides } as typeof contract;
    expect(() => ledgerOf([ten], bad)).toThrow(message);
  });

  it('names a bad completion instant', () => {
    const bad = { ...ten, completedAt: '2026-03-02 11:30' };
    expect(() => ledgerOf([bad])).toThrow(/^interventions\[0\]\.completedAt: invalid instant/);
  });
});

describe('contractLedger: floating half-days', () => {
  it('has no half-day ledger without a half-day base', () => {
    expect(ledgerOf([]).halfDays).toBeNull();
  });

  it('deducts one half-day per started three hours and renews at 360.00 €', () => {
    const withHalfDays = makeContract({ halfDayBase: 2 });
    const visit = makeIntervention('visit', '2026-03-02T07:00:00.000Z', 240, { halfDay: true, trips: 1 });
    const ledger = ledgerOf([visit], withHalfDays);
    expect(ledger.halfDays).toMatchObject({ kind: 'half_day', consumed: 2, blocks: 2, balance: 2 });
    expect(ledger.halfDays?.blockEvents.at(1)).toMatchObject({ block: 2, unitPrice: '360.00', quantity: 2 });
    expect(ledger.ut.consumed).toBe(0);
  });
});

describe('contractLedger: bills', () => {
  it('bills the hotline allowance as billIntervention does, ticket by ticket', () => {
    const g = withModules(contract, 'G');
    const other = makeTicket({ id: 'tk-2', reference: 'T-0101-BBBB' });
    const interventions = [
      makeIntervention('h2', '2026-03-02T10:00:00.000Z', 20, { channel: 'hotline' }),
      makeIntervention('h1', '2026-03-02T09:00:00.000Z', 15, { channel: 'hotline' }),
      makeIntervention('h3', '2026-03-02T09:30:00.000Z', 25, { channel: 'hotline', ticketId: 'tk-2' }),
    ];
    const ledger = contractLedger({ contract: g, tickets: [ticket, other], equipment: [], interventions });
    for (const intervention of interventions) {
      const own = intervention.ticketId === 'tk-1' ? ticket : other;
      const alone = billIntervention({
        contract: g,
        ticket: own,
        equipment: undefined,
        intervention,
        earlierOnTicket: interventions,
      });
      expect(ledger.billed.get(intervention.id)).toEqual(alone);
    }
    expect(ledger.ut.consumed).toBe(1);
  });

  it('joins each ticket to its equipment for the forfaits', () => {
    const h = withModules(contract, 'H');
    const server = makeEquipment({ id: 'srv' });
    const onServer = makeTicket({ id: 'tk-srv', reference: 'T-SRV', equipmentId: 'srv' });
    const work = makeIntervention('w', '2026-03-02T09:00:00.000Z', 60, { ticketId: 'tk-srv', trips: 1 });
    const ledger = contractLedger({ contract: h, tickets: [onServer], equipment: [server], interventions: [work] });
    expect(ledger.billed.get('w')).toMatchObject({ coverage: 'forfait_servers_network', utConsumed: 0 });
    expect(ledger.ut.consumed).toBe(0);
  });

  it('gives a map that reads, iterates, copies and serializes like any Map', () => {
    const interventions = [
      makeIntervention('b', '2026-03-02T09:00:00.000Z', 10),
      makeIntervention('a', '2026-03-02T10:00:00.000Z', 20),
    ];
    const { billed } = ledgerOf(interventions);
    expect(billed.size).toBe(2);
    expect(billed.has('a')).toBe(true);
    expect(billed.has('zzz')).toBe(false);
    const a = billed.get('a');
    expect(billed.get('a')).toBe(a); // made once
    expect([...billed.keys()]).toEqual(['b', 'a']);
    expect(new Map(billed).get('b')).toMatchObject({ utConsumed: 1 });
    const values: string[] = [];
    billed.forEach((bill, id) => values.push(`${id}:${bill.workUnits}`));
    expect(values).toEqual(['b:1', 'a:2']);
    expect(JSON.parse(JSON.stringify(a))).toMatchObject({ interventionId: 'a', explanation: expect.any(Array) });
    expect(new Map(billed).size).toBe(2);
  });
});

describe('contractLedger properties', () => {
  const g = withModules(makeContract({ halfDayBase: 3 }), 'G');
  const tickets = ['tk-1', 'tk-2', 'tk-3'].map((id, i) => makeTicket({ id, reference: `T-${i}` }));
  const day0 = Date.parse('2026-03-02T08:00:00.000Z');
  const arbitraryIntervention = fc.record({
    ticket: fc.constantFrom('tk-1', 'tk-2', 'tk-3', 'tk-missing'),
    startMinute: fc.integer({ min: 0, max: 60 * 24 * 30 }),
    minutes: fc.integer({ min: 0, max: 400 }),
    channel: fc.constantFrom<Intervention['channel']>('hotline', 'telemaintenance', 'onsite', 'hosting'),
    trips: fc.integer({ min: 0, max: 2 }),
    halfDay: fc.boolean(),
    completed: fc.boolean(),
    sameEnd: fc.boolean(),
  });
  type Spec = {
    ticket: string;
    startMinute: number;
    minutes: number;
    channel: Intervention['channel'];
    trips: number;
    halfDay: boolean;
    completed: boolean;
    sameEnd: boolean;
  };
  const build = (list: Spec[]): Intervention[] =>
    list.map((spec, i) => {
      const start = new Date(day0 + spec.startMinute * 60_000).toISOString();
      const intervention = makeIntervention(`i-${String(i).padStart(3, '0')}`, start, spec.minutes, {
        ticketId: spec.ticket,
        channel: spec.channel,
        trips: spec.trips,
        halfDay: spec.halfDay,
      });
      if (!spec.completed) return { ...intervention, completedAt: undefined };
      // Several interventions ending at the same instant: the id breaks the tie.
      return spec.sameEnd ? { ...intervention, completedAt: '2026-03-20T12:00:00.000Z' } : intervention;
    });
  const specs = fc.array(arbitraryIntervention, { maxLength: 25 });

  it('reaches the same ledger whatever order the interventions arrive in', () => {
    fc.assert(
      fc.property(specs, fc.infiniteStream(fc.nat()), (list, randomness) => {
        const interventions = build(list);
        const shuffled = [...interventions];
        const stream = randomness[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (stream.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as Intervention, shuffled[i] as Intervention];
        }
        const one = contractLedger({ contract: g, tickets, equipment: [], interventions });
        const other = contractLedger({
          contract: g,
          tickets: [...tickets].reverse(),
          equipment: [],
          interventions: shuffled,
        });
        expect(plain(other.ut)).toEqual(plain(one.ut));
        expect(plain(other.halfDays)).toEqual(plain(one.halfDays));
        const byId = (ledger: typeof one) => [...ledger.billed.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
        expect(byId(other)).toEqual(byId(one));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps each balance within 1..base and consumes exactly what the completed bills say', () => {
    fc.assert(
      fc.property(specs, (list) => {
        const interventions = build(list);
        const ledger = contractLedger({ contract: g, tickets, equipment: [], interventions });
        const completed = interventions.filter((i) => i.completedAt !== undefined).map((i) => ledger.billed.get(i.id));
        const ut = completed.reduce((sum, bill) => sum + (bill?.utConsumed ?? 0), 0);
        expect(ledger.ut.consumed).toBe(ut);
        expect(ledger.ut.balance).toBeGreaterThanOrEqual(1);
        expect(ledger.ut.balance).toBeLessThanOrEqual(16);
        expect(ledger.ut.blocks).toBe(Math.floor(ut / 16) + 1);
        expect(ledger.ut.blockEvents.map((event) => event.block)).toEqual(
          Array.from({ length: ledger.ut.blocks }, (_, i) => i + 1),
        );
        expect(ledger.halfDays?.balance).toBeGreaterThanOrEqual(1);
        expect(ledger.halfDays?.balance).toBeLessThanOrEqual(3);
      }),
      { numRuns: 150 },
    );
  });
});
