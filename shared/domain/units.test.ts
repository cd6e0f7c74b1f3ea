import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billableUnits, halfDaysFor, tripUnitsFor, workedTime } from './index';

describe('billableUnits', () => {
  it.each([
    [0, 0],
    [1, 1],
    [899, 1],
    [900, 1],
    [901, 2],
    [1800, 2],
    [1801, 3],
    [3600, 4],
    [0.5, 1],
  ])('bills %i seconds as %i UT (every started quarter hour)', (seconds, units) => {
    expect(billableUnits(seconds)).toBe(units);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses %d seconds with a RangeError naming workedSeconds',
    (s) => {
      expect(() => billableUnits(s)).toThrow(RangeError);
      expect(() => billableUnits(s)).toThrow(/^workedSeconds: /);
    },
  );

  it('never bills fewer units for more time, and never a full quarter hour more than started', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), (a, b) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        expect(billableUnits(less)).toBeLessThanOrEqual(billableUnits(more));
        expect(billableUnits(more) * 900).toBeGreaterThanOrEqual(more);
        expect(billableUnits(more) * 900 - more).toBeLessThan(900);
      }),
    );
  });
});

describe('half-days and trips', () => {
  it('counts one half-day per started three hours', () => {
    expect([0, 1, 10_800, 10_801, 21_600].map(halfDaysFor)).toEqual([0, 1, 1, 2, 2]);
  });

  it('bills 4 UT per round trip and refuses half a trip', () => {
    expect(tripUnitsFor(3)).toBe(12);
    expect(() => tripUnitsFor(1.5)).toThrow(/^trips: /);
  });
});

describe('workedTime', () => {
  const segments = [
    { start: '2026-11-27T09:00:00.000Z', end: '2026-11-27T09:20:00.000Z' },
    { start: '2026-11-27T09:30:00.000Z', end: '2026-11-27T09:31:05.000Z' },
  ];

  it('sums the segments of one sitting before any rounding', () => {
    expect(workedTime({ id: 'i', segments })).toEqual({
      seconds: 1265,
      segments: 2,
      running: false,
      firstStartMs: Date.parse('2026-11-27T09:00:00Z'),
    });
  });

  it('truncates to the whole second once, after summing milliseconds', () => {
    const time = workedTime({
      id: 'i',
      segments: [
        { start: '2026-11-27T09:00:00.000Z', end: '2026-11-27T09:07:30.600Z' },
        { start: '2026-11-27T10:00:00.000Z', end: '2026-11-27T10:07:29.600Z' },
      ],
    });
    expect(time.seconds).toBe(900);
    expect(billableUnits(time.seconds)).toBe(1);
  });

  it('counts a running segment only up to a given now', () => {
    const running = [...segments, { start: '2026-11-27T10:00:00.000Z' }];
    expect(workedTime({ id: 'i', segments: running }).seconds).toBe(1265);
    expect(workedTime({ id: 'i', segments: running }, Date.parse('2026-11-27T10:10:00Z')).seconds).toBe(1865);
    expect(workedTime({ id: 'i', segments: running }, Date.parse('2026-11-27T09:00:00Z')).running).toBe(true);
  });

  it('names the segment at fault', () => {
    const backwards = [{ start: '2026-11-27T10:00:00Z', end: '2026-11-27T09:00:00Z' }];
    expect(() => workedTime({ id: 'itv-9', segments: backwards })).toThrow(
      /^intervention itv-9\.segments\[0\]\.end: a segment cannot end before it starts/,
    );
    expect(() => workedTime({ id: 'i', segments: [{ start: 'yesterday' }] }, undefined, 'interventions[4]')).toThrow(
      /^interventions\[4\]\.segments\[0\]\.start: invalid instant/,
    );
  });
});
