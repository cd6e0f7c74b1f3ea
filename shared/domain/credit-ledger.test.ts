import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditState, renewalAhead } from './index';
import { IdIndex } from './id-index';
import { compareIds, ledgerOrder } from './ledger-order';

describe('creditState (CP art. 7: renewal at exhaustion of the balance)', () => {
  it.each([
    [16, [], 1, 16, []],
    [16, [15], 1, 1, []],
    [16, [16], 2, 16, [0]],
    [16, [17], 2, 15, [0]],
    [16, [10, 6, 20], 3, 12, [1, 2]],
    [16, [40], 3, 8, [0, 0]],
    [16, [0, 0, 0], 1, 16, []],
    [1, [1, 1], 3, 1, [0, 1]],
  ])('base %i after %j: %i blocks, balance %i, renewals after %j', (base, consumptions, blocks, balance, renewals) => {
    expect(creditState(base, consumptions)).toEqual({ blocks, balance, renewalsAfter: renewals });
  });

  it('keeps blocks = floor(C / B) + 1 and the balance within 1..base, whatever the consumptions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.array(fc.nat(120), { maxLength: 60 }), (base, consumptions) => {
        const state = creditState(base, consumptions);
        const total = consumptions.reduce((sum, units) => sum + units, 0);
        expect(state.blocks).toBe(Math.floor(total / base) + 1);
        expect(state.balance).toBe(state.blocks * base - total);
        expect(state.balance).toBeGreaterThanOrEqual(1);
        expect(state.balance).toBeLessThanOrEqual(base);
        expect(state.renewalsAfter).toHaveLength(state.blocks - 1);
        // Each renewal points at the consumption that exhausted the balance, in order.
        expect([...state.renewalsAfter].sort((a, b) => a - b)).toEqual(state.renewalsAfter);
      }),
    );
  });

  it('names bad input', () => {
    expect(() => creditState(0, [])).toThrow(/^baseUnits: must be at least 1/);
    expect(() => creditState(16, [3, -1])).toThrow(/^consumptions\[1\]: must be at least 0/);
    expect(() => creditState(16, [1.5])).toThrow(/^consumptions\[0\]: expected an integer/);
  });
});

describe('renewalAhead', () => {
  it('warns before a consumption exhausts the balance', () => {
    expect(renewalAhead({ base: 16, balance: 3 }, 2)).toEqual({ balanceAfter: 1, renewals: 0 });
    expect(renewalAhead({ base: 16, balance: 3 }, 3)).toEqual({ balanceAfter: 16, renewals: 1 });
    expect(renewalAhead({ base: 16, balance: 3 }, 40)).toEqual({ balanceAfter: 11, renewals: 3 });
  });

  it('agrees with creditState', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.nat(80), { maxLength: 20 }),
        fc.nat(200),
        (base, before, next) => {
          const state = creditState(base, before);
          const after = creditState(base, [...before, next]);
          expect(renewalAhead({ base, balance: state.balance }, next)).toEqual({
            balanceAfter: after.balance,
            renewals: after.blocks - state.blocks,
          });
        },
      ),
    );
  });
});

describe('ledger order', () => {
  it('orders by instant, then by id', () => {
    expect([...ledgerOrder(Float64Array.of(30, 10, 10), ['c', 'b', 'a'], 3)]).toEqual([2, 1, 0]);
  });

  it('returns an order of its own, untouched by the next call, and refuses instants 2^52 ms apart', () => {
    // Instants a year apart take three 13-bit passes, which end in the reused buffer.
    const year = 365 * 86_400_000;
    const first = ledgerOrder(Float64Array.of(3 * year, year, 2 * year), ['c', 'a', 'b'], 3);
    const second = ledgerOrder(Float64Array.of(year, 2 * year, 3 * year), ['a', 'b', 'c'], 3);
    expect([...first]).toEqual([1, 2, 0]);
    expect([...second]).toEqual([0, 1, 2]);
    expect(() => ledgerOrder(Float64Array.of(0, 2 ** 52), ['a', 'b'], 2)).toThrow(/^atMs: /);
  });

  it('matches a plain comparison sort over instants spread across decades', () => {
    const entry = fc.record({
      at: fc.oneof(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.constantFrom(1_700_000_000_000, 1_700_000_000_001),
      ),
      id: fc.string({ minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 200 }), (entries) => {
        const order = ledgerOrder(
          Float64Array.from(entries.map((e) => e.at)),
          entries.map((e) => e.id),
          entries.length,
        );
        const expected = entries
          .map((e, i) => ({ ...e, i }))
          .sort((a, b) => a.at - b.at || compareIds(a.id, b.id))
          .map((e) => [e.at, e.id]);
        expect([...order].map((i) => [entries[i]?.at, entries[i]?.id])).toEqual(expected);
      }),
    );
  });
});

describe('IdIndex', () => {
  it('finds what it holds and reports a duplicate with its first position', () => {
    const index = new IdIndex(3);
    expect(index.add('itv-1')).toBe(0);
    expect(index.add('itv-2')).toBe(1);
    expect(index.add('itv-1')).toBe(-1);
    expect(index.find('itv-2')).toBe(1);
    expect(index.find('itv-3')).toBe(-1);
    expect(index.size).toBe(2);
  });

  it.each([false, true])(
    'tells apart two ids with the same hash, one the start of the other (copyIds: %s)',
    (copyIds) => {
      // FNV-1a("itv-14972") = FNV-1a("itv-14972\u0fb4"), found by solving for the last character.
      const long = 'itv-14972\u0fb4';
      const index = new IdIndex(2, { copyIds });
      expect(index.add(long)).toBe(0);
      expect(index.find('itv-14972')).toBe(-1);
      expect(index.add('itv-14972')).toBe(1);
      expect(index.find(long)).toBe(0);
    },
  );

  it.each([false, true])('behaves like a Map over many ids, colliding hashes included (copyIds: %s)', (copyIds) => {
    // Short ids collide often; long and non-ASCII ones outgrow the copied characters' first array.
    const id = fc.oneof(fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', minLength: 10, maxLength: 60 }));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 300 }), (ids) => {
        const index = new IdIndex(ids.length, { copyIds });
        const seen = new Map<string, number>();
        for (const id of ids) {
          const added = index.add(id);
          if (seen.has(id)) expect(added).toBe(-1 - (seen.get(id) ?? 0));
          else seen.set(id, added);
        }
        for (const [id, position] of seen) expect(index.find(id)).toBe(position);
        // An id that is a prefix or an extension of a held one is not held.
        for (const id of seen.keys()) {
          if (!seen.has(`${id}x`)) expect(index.find(`${id}x`)).toBe(-1);
          if (id.length > 0 && !seen.has(id.slice(0, -1))) expect(index.find(id.slice(0, -1))).toBe(-1);
        }
      }),
    );
  });
});
