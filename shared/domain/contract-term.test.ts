import { describe, expect, it } from 'vitest';
import { contractTerm, earlyTerminationPenalty, priceInForce } from './index';

describe('contractTerm (CG art. 18–19, 22)', () => {
  it('runs a firm period of three years, with the last notice six months before its end', () => {
    expect(contractTerm('2026-01-01', 3, '2028-03-01')).toEqual({
      firmEnd: '2028-12-31',
      currentEnd: '2028-12-31',
      lastNoticeDate: '2028-06-30',
      renewals: 0,
      inFirmPeriod: true,
      daysToNotice: 121,
    });
  });

  it('renews tacitly by one year once the firm period is over', () => {
    expect(contractTerm('2026-01-01', 3, '2029-01-01')).toMatchObject({
      currentEnd: '2029-12-31',
      lastNoticeDate: '2029-06-30',
      renewals: 1,
      inFirmPeriod: false,
    });
    expect(contractTerm('2026-01-01', 3, '2031-07-15')).toMatchObject({ currentEnd: '2031-12-31', renewals: 3 });
  });

  it('is in its firm period up to and including the last day', () => {
    expect(contractTerm('2026-01-01', 3, '2028-12-31')).toMatchObject({ inFirmPeriod: true, renewals: 0 });
  });

  it('counts days to the notice date, negative once it has passed', () => {
    expect(contractTerm('2026-01-01', 3, '2028-06-30').daysToNotice).toBe(0);
    expect(contractTerm('2026-01-01', 3, '2028-07-01').daysToNotice).toBe(-1);
  });

  it.each([
    ['2026-03-15', '2029-03-14', '2028-09-14'],
    ['2026-09-01', '2029-08-31', '2029-02-28'],
    ['2026-05-01', '2029-04-30', '2028-10-31'],
    ['2028-02-29', '2031-02-27', '2030-08-27'],
  ])('starting %s ends %s with a last notice on %s', (start, end, notice) => {
    expect(contractTerm(start, 3, start)).toMatchObject({ firmEnd: end, lastNoticeDate: notice });
  });

  it('names bad input', () => {
    expect(() => contractTerm('2026-02-30', 3, '2026-03-01')).toThrow(/^startDate: /);
    expect(() => contractTerm('2026-01-01', 0, '2026-03-01')).toThrow(/^termYears: /);
    expect(() => contractTerm('2026-01-01', 3, 'today')).toThrow(/^today: /);
  });
});

describe('earlyTerminationPenalty (CG art. 22)', () => {
  it('charges the remaining forfaits and the prorated average consumption, each × 1.30', () => {
    expect(
      earlyTerminationPenalty({
        forfaitMonthlyAmounts: ['500.00'],
        monthsRemaining: 10,
        last12MonthsConsumption: '3650.00',
        daysRemaining: 300,
      }),
    ).toEqual({ forfait: '6500.00', consumption: '3900.00', total: '10400.00' });
  });

  it('sums several forfait modules and rounds each part to the cent', () => {
    expect(
      earlyTerminationPenalty({
        forfaitMonthlyAmounts: ['120.10', '79.95'],
        monthsRemaining: 7,
        last12MonthsConsumption: '1000.00',
        daysRemaining: 100,
      }),
    ).toEqual({ forfait: '1820.46', consumption: '356.16', total: '2176.62' });
  });

  it('names bad input', () => {
    const base = {
      forfaitMonthlyAmounts: ['1.00'],
      monthsRemaining: 1,
      last12MonthsConsumption: '1.00',
      daysRemaining: 1,
    };
    expect(() => earlyTerminationPenalty({ ...base, monthsRemaining: -1 })).toThrow(/^monthsRemaining: /);
    expect(() => earlyTerminationPenalty({ ...base, forfaitMonthlyAmounts: ['x'] })).toThrow(
      /^forfaitMonthlyAmounts\[0\]: /,
    );
    expect(() => earlyTerminationPenalty({ ...base, last12MonthsConsumption: '-3' })).toThrow(
      /^last12MonthsConsumption: /,
    );
  });
});

describe('priceInForce', () => {
  const prices = [
    { from: '2026-01-01', utUnitPrice: '25.00', halfDayUnitPrice: '360.00' },
    { from: '2027-01-01', utUnitPrice: '25.75', halfDayUnitPrice: '370.80' },
  ];

  it('takes the latest step starting on or before the day', () => {
    expect(priceInForce(prices, '2026-12-31').utUnitPrice).toBe('25.00');
    expect(priceInForce(prices, '2027-01-01').utUnitPrice).toBe('25.75');
    expect(priceInForce([...prices].reverse(), '2030-06-01').utUnitPrice).toBe('25.75');
  });

  it('gives the initial prices before the first step, and refuses an empty list', () => {
    expect(priceInForce(prices, '2025-06-01').utUnitPrice).toBe('25.00');
    expect(() => priceInForce([], '2026-01-01')).toThrow(/^prices: /);
  });
});
