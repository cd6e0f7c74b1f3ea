import { describe, expect, it } from 'vitest';
import { dayNumberOf, isoOfDayNumber } from './local-day';
import {
  bucketsOf,
  granularityOf,
  periodDays,
  periodFromQuery,
  periodToQuery,
  presetPeriod,
  rangePeriod,
  shiftPeriod,
} from './period';

describe('period presets', () => {
  it.each([
    ['today', '2026-11-27', '2026-11-27', '2026-11-27'],
    ['week', '2026-11-27', '2026-11-23', '2026-11-29'],
    ['week', '2026-11-23', '2026-11-23', '2026-11-29'],
    ['week', '2026-11-29', '2026-11-23', '2026-11-29'],
    ['week', '2026-12-31', '2026-12-28', '2027-01-03'],
    ['month', '2026-02-10', '2026-02-01', '2026-02-28'],
    ['month', '2028-02-10', '2028-02-01', '2028-02-29'],
    ['year', '2026-11-27', '2026-01-01', '2026-12-31'],
  ] as const)('%s containing %s runs from %s to %s', (kind, today, from, to) => {
    expect(presetPeriod(kind, today)).toEqual({ kind, from, to });
  });

  it.each([
    [presetPeriod('month', '2026-01-15'), -1, '2025-12-01', '2025-12-31'],
    [presetPeriod('month', '2026-12-15'), 1, '2027-01-01', '2027-01-31'],
    [presetPeriod('week', '2026-11-27'), -1, '2026-11-16', '2026-11-22'],
    [presetPeriod('today', '2026-11-27'), 1, '2026-11-28', '2026-11-28'],
    [presetPeriod('year', '2026-11-27'), -1, '2025-01-01', '2025-12-31'],
    [rangePeriod('2026-11-01', '2026-11-10'), 1, '2026-11-11', '2026-11-20'],
  ] as const)('moves %o by %i to %s…%s', (period, direction, from, to) => {
    const moved = shiftPeriod(period, direction);
    expect([moved.from, moved.to]).toEqual([from, to]);
    expect(moved.kind).toBe(period.kind);
  });
});

describe('free ranges', () => {
  it('refuses an end before the start, naming it', () => {
    expect(() => rangePeriod('2026-11-10', '2026-11-01')).toThrow(/^to: the end \(2026-11-01\) comes before the start/);
  });

  it('refuses a start that is not a day, naming it', () => {
    expect(() => rangePeriod('hier', '2026-11-01')).toThrow(/^from:/);
  });

  it('counts its days inclusively', () => {
    expect(periodDays(rangePeriod('2026-11-01', '2026-11-01'))).toBe(1);
    expect(periodDays(presetPeriod('year', '2028-05-01'))).toBe(366);
  });
});

describe('chart buckets', () => {
  it('draws a bar per day for a month, per month for a year', () => {
    expect(granularityOf(presetPeriod('month', '2026-11-01'))).toBe('day');
    expect(bucketsOf(presetPeriod('month', '2026-11-01'))).toHaveLength(30);
    expect(granularityOf(presetPeriod('year', '2026-11-01'))).toBe('month');
    expect(bucketsOf(presetPeriod('year', '2026-11-01')).map(isoOfDayNumber)).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
      '2026-10-01',
      '2026-11-01',
      '2026-12-01',
    ]);
  });

  it('starts week bars on Mondays, the first one before the range if need be', () => {
    const period = rangePeriod('2026-09-03', '2026-11-30');
    expect(granularityOf(period)).toBe('week');
    const buckets = bucketsOf(period);
    expect(isoOfDayNumber(buckets[0] ?? 0)).toBe('2026-08-31');
    expect(buckets.every((b) => (b - dayNumberOf('2026-08-31')) % 7 === 0)).toBe(true);
  });

  it('draws years for a long range', () => {
    expect(bucketsOf(rangePeriod('2022-01-01', '2026-12-31')).map(isoOfDayNumber)).toEqual([
      '2022-01-01',
      '2023-01-01',
      '2024-01-01',
      '2025-01-01',
      '2026-01-01',
    ]);
  });
});

describe('periods in the URL', () => {
  it('reads back what it wrote', () => {
    for (const period of [presetPeriod('week', '2026-11-27'), rangePeriod('2026-03-01', '2026-04-15')]) {
      const query = new URLSearchParams(periodToQuery(period));
      expect(periodFromQuery(query, '2026-11-27')).toEqual({ period });
    }
  });

  it('falls back to this month and says why on a bad range', () => {
    const result = periodFromQuery(new URLSearchParams('period=range&from=2026-11-10&to=2026-11-01'), '2026-11-27');
    expect(result.period).toEqual(presetPeriod('month', '2026-11-27'));
    expect(result.error).toMatch(/^to:/);
  });

  it('falls back on an unknown kind', () => {
    const result = periodFromQuery(new URLSearchParams('period=decade'), '2026-11-27');
    expect(result.error).toBe('period: unknown period "decade"');
  });
});
