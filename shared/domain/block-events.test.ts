import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlockEvents } from './block-events';
import { contractLedger } from './contract-ledger';
import { makeContract, makeIntervention, makeTicket } from './test-fixtures';

/** The same blocks, one object each: what the ledger used to hold. */
function expanded(groups: [number, string][]) {
  const out: { block: number; at: string; interventionId?: string; unitPrice: string; quantity: number }[] = [];
  groups.forEach(([count, at], g) => {
    for (let k = 0; k < count; k++) {
      out.push({
        block: out.length + 1,
        at,
        ...(g === 0 ? {} : { interventionId: `iv-${g}` }),
        unitPrice: '25.00',
        quantity: 4,
      });
    }
  });
  return out;
}

function build(groups: [number, string][]) {
  const events = new BlockEvents(4);
  groups.forEach(([count, at], g) => events.push(count, at, g === 0 ? undefined : `iv-${g}`, '25.00'));
  return events;
}

describe('block events kept per triggering intervention', () => {
  const groups = fc.array(
    fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z')),
    {
      minLength: 1,
      maxLength: 12,
    },
  );

  it('read as the array of one object per block they replace', () => {
    fc.assert(
      fc.property(groups, fc.integer({ min: -40, max: 40 }), fc.integer({ min: -40, max: 40 }), (g, a, b) => {
        const events = build(g);
        const array = expanded(g);
        expect(events.length).toBe(array.length);
        expect(events.toArray()).toEqual(array);
        expect([...events]).toEqual(array);
        expect(events.slice(a, b)).toEqual(array.slice(a, b));
        expect(events.at(a)).toEqual(array.at(a));
        expect(events.map((e, i) => `${i}:${e.block}`)).toEqual(array.map((e, i) => `${i}:${e.block}`));
        expect([...events.blocks(a, b)]).toEqual(array.filter((e) => e.block >= a && e.block <= b));
      }),
    );
  });

  it('keep the ledger linear in the interventions however many blocks they trigger', () => {
    // 100,000 interventions of 24 hours and 20 trips on a 1-UT base: 17.6 million blocks.
    const contract = makeContract({ utBase: 1 });
    const ticket = makeTicket();
    const interventions = Array.from({ length: 100_000 }, (_, i) => {
      const start = new Date(Date.UTC(2026, 0, 1) + i * 86_400_000 * 0.001).toISOString();
      return { ...makeIntervention(`iv-${i}`, start, 24 * 60), trips: 20, ticketId: ticket.id };
    });
    const started = Date.now();
    const ledger = contractLedger({ contract, tickets: [ticket], equipment: [], interventions });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(ledger.ut.blockEvents.groups).toBe(100_001);
    expect(ledger.ut.blocks).toBe(100_000 * 176 + 1);
    expect(ledger.ut.blockEvents.length).toBe(ledger.ut.blocks);
    expect(ledger.ut.blockEvents.at(-1)).toMatchObject({ block: 17_600_001, interventionId: 'iv-99999' });
  });
});
