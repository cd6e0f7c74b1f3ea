import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type InterruptionFacts, createCalendar, imsPenaltyRate, imsYear, penaltyAmount } from './index';

const france = createCalendar();
const paris = (local: string): Date =>
  DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: 'Europe/Paris' }).toJSDate();
const down = (
  id: string,
  from: Date,
  to: Date | undefined,
  more: Partial<InterruptionFacts> = {},
): InterruptionFacts => ({
  id,
  notifiedAt: from,
  restoredAt: to,
  scheduled: false,
  excluded: false,
  ...more,
});
const endOf2027 = paris('2027-12-31 23:00');

describe('IMS tiers', () => {
  it.each([
    [0, 0],
    [1800, 0],
    [1800.5, 0.01],
    [1801, 0.01],
    [2400, 0.01],
    [2401, 0.02],
    [3600, 0.02],
    [3601, 0.03],
  ])('puts a yearly total of %d business minutes in the %d tier', (total, rate) => {
    expect(imsPenaltyRate(total)).toBe(rate);
  });

  it('moves the tiers with the budget', () => {
    expect(imsPenaltyRate(700, 600)).toBe(0.01);
    expect(() => imsPenaltyRate(-1)).toThrow(/^totalInterruptionMinutes: must not be negative/);
    expect(() => imsPenaltyRate(10, 0)).toThrow(/^budgetMinutes: /);
  });
});

describe('IMS of a calendar year', () => {
  const yearEnd = down('a', paris('2026-12-31 16:00'), paris('2027-01-04 09:00'));

  it('clips an interruption to each year it spans', () => {
    const in2026 = imsYear(france, 2026, [yearEnd], endOf2027);
    expect(in2026.counted).toEqual([
      {
        id: 'a',
        minutes: 120,
        explanation: [{ day: '2026-12-31', minutes: 120, periods: [{ from: '16:00', to: '18:00' }] }],
      },
    ]);
    // 1 January is a holiday, 2 and 3 a weekend: 30 minutes on Monday 4 January.
    expect(imsYear(france, 2027, [yearEnd], endOf2027).totalMinutes).toBe(30);
  });

  it('cuts years at midnight in Paris, not in UTC', () => {
    const newYearsEve = down('b', new Date('2026-12-31T23:30:00Z'), paris('2027-01-04 09:00')); // 00:30 Paris
    expect(imsYear(france, 2026, [newYearsEve], endOf2027).counted).toEqual([]);
    expect(imsYear(france, 2027, [newYearsEve], endOf2027).totalMinutes).toBe(30);
    const beforeMidnight = down('c', new Date('2026-12-31T22:30:00Z'), paris('2027-01-04 09:00')); // 23:30 Paris
    expect(imsYear(france, 2026, [beforeMidnight], endOf2027).counted.map((c) => c.minutes)).toEqual([0]);
  });

  it('leaves out scheduled and excluded interruptions, saying why', () => {
    const result = imsYear(
      france,
      2026,
      [
        down('planned', paris('2026-11-30 09:00'), paris('2026-11-30 10:00'), { scheduled: true }),
        down('operator', paris('2026-11-30 11:00'), paris('2026-11-30 12:00'), { excluded: true }),
        down('ours', paris('2026-11-30 14:00'), paris('2026-11-30 15:00')),
      ],
      endOf2027,
    );
    expect(result.totalMinutes).toBe(60);
    expect(result.counted.map((c) => c.id)).toEqual(['ours']);
    expect(result.left).toEqual([
      { id: 'planned', reason: 'scheduled' },
      { id: 'operator', reason: 'excluded' },
    ]);
  });

  it('counts overlapping interruptions once, giving the overlap to the first notified', () => {
    const result = imsYear(
      france,
      2026,
      [
        down('second', paris('2026-11-30 10:00'), paris('2026-11-30 12:00')),
        down('first', paris('2026-11-30 09:00'), paris('2026-11-30 11:00')),
        down('inside', paris('2026-11-30 09:30'), paris('2026-11-30 10:30')),
      ],
      endOf2027,
    );
    expect(result.counted.map((c) => [c.id, c.minutes])).toEqual([
      ['first', 120],
      ['inside', 0],
      ['second', 60],
    ]);
    expect(result.totalMinutes).toBe(180);
  });

  it('runs an interruption not yet restored up to now', () => {
    const open = down('open', paris('2026-11-30 09:00'), undefined);
    expect(imsYear(france, 2026, [open], paris('2026-11-30 10:15')).totalMinutes).toBe(75);
  });

  it('finds the excess and the tier over a year of real interruptions', () => {
    // Two full business weeks: 10 × 450 = 4500 minutes, 75 h: 45 h over the 30 h budget.
    const result = imsYear(
      france,
      2026,
      [
        down('w1', paris('2026-11-16 08:30'), paris('2026-11-20 18:00')),
        down('w2', paris('2026-11-23 08:30'), paris('2026-11-27 18:00')),
      ],
      endOf2027,
    );
    expect(result).toMatchObject({
      totalMinutes: 4500,
      excessMinutes: 2700,
      rate: 0.03,
      prorata: 1,
      effectiveRate: 0.03,
    });
    const oneWeek = [down('w1', paris('2026-11-16 08:30'), paris('2026-11-20 18:00'))];
    expect(imsYear(france, 2026, oneWeek, endOf2027)).toMatchObject({
      totalMinutes: 2250,
      excessMinutes: 450,
      rate: 0.01,
    });
  });

  it('prorates the rate for a service that starts mid-year, leap years included', () => {
    const week = [down('w', paris('2026-11-16 08:30'), paris('2026-11-27 18:00'))];
    const result = imsYear(france, 2026, week, endOf2027, { serviceStart: '2026-07-01' });
    expect(result).toMatchObject({ rate: 0.03, serviceDays: 184, daysInYear: 365 });
    expect(result.prorata).toBeCloseTo(184 / 365, 12);
    expect(result.effectiveRate).toBeCloseTo(0.03 * (184 / 365), 12);
    expect(penaltyAmount('12000.00', result.rate, { numerator: 184, denominator: 365 })).toBe('181.48');
    expect(imsYear(france, 2028, [], endOf2027, { serviceStart: '2028-07-01' })).toMatchObject({
      serviceDays: 184,
      daysInYear: 366,
    });
    expect(imsYear(france, 2026, [], endOf2027, { serviceStart: '2025-03-01' }).prorata).toBe(1);
    expect(imsYear(france, 2026, [], endOf2027, { serviceStart: '2027-01-01' }).prorata).toBe(0);
  });

  it('names bad input', () => {
    const backwards = down('x', paris('2026-11-30 10:00'), paris('2026-11-30 09:00'));
    expect(() => imsYear(france, 2026, [backwards], endOf2027)).toThrow(/^interruptions\[0\]\.restoredAt: /);
    expect(() => imsYear(france, 2026.5, [], endOf2027)).toThrow(/^year: expected an integer/);
    expect(() => imsYear(france, 2026, [], endOf2027, { serviceStart: '2026-02-30' })).toThrow(
      /^options\.serviceStart: /,
    );
  });
});
