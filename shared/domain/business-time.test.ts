import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessDayCounts, businessMinutesBetween, createCalendar } from './index';

const france = createCalendar();
/** A Paris wall-clock time as an instant: paris('2026-11-27 11:30'). */
const paris = (local: string, zone = 'Europe/Paris'): Date =>
  DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone }).toJSDate();
const inParis = (date: Date): string =>
  DateTime.fromJSDate(date, { zone: 'Europe/Paris' }).toFormat('yyyy-MM-dd HH:mm');

describe('addBusinessMinutes', () => {
  it.each([
    ['2026-11-27 11:30', 30, '2026-11-27 12:00', 'ends at noon, not at 14:00'],
    ['2026-11-27 11:50', 30, '2026-11-27 14:20', 'skips the lunch break'],
    ['2026-11-27 12:00', 30, '2026-11-27 14:30', 'a clock started at noon starts at 14:00'],
    ['2026-11-27 13:15', 30, '2026-11-27 14:30', 'a clock started at lunch starts at 14:00'],
    ['2026-11-27 14:00', 30, '2026-11-27 14:30', 'starts at once at 14:00'],
    ['2026-11-27 07:00', 30, '2026-11-27 09:00', 'a clock started before 08:30 starts at 08:30'],
    ['2026-11-27 17:30', 30, '2026-11-27 18:00', 'ends exactly at 18:00 on a Friday'],
    ['2026-11-27 17:45', 30, '2026-11-30 08:45', 'carries Friday evening to Monday morning'],
    ['2026-11-27 18:00', 1, '2026-11-30 08:31', 'a call at 18:00 on a Friday starts on Monday'],
    ['2026-11-28 10:00', 30, '2026-11-30 09:00', 'a Saturday is not a jour ouvré'],
    ['2026-11-29 23:59', 30, '2026-11-30 09:00', 'a Sunday is not a jour ouvré'],
    ['2026-05-13 17:45', 30, '2026-05-15 08:45', 'skips Ascension Thursday'],
    ['2026-11-10 17:50', 30, '2026-11-12 08:50', 'skips Armistice'],
    ['2026-11-27 08:30', 450, '2026-11-27 18:00', 'a whole business day is 7 h 30'],
    ['2026-11-27 08:30', 451, '2026-11-30 08:31', 'one minute more is Monday'],
    ['2026-12-24 17:00', 120, '2026-12-28 09:30', 'Christmas Friday closed'],
    ['2026-12-31 17:00', 120, '2027-01-04 09:30', 'the year end and Nouvel An'],
    ['2026-11-27 10:00', 0, '2026-11-27 10:00', 'zero minutes is the same instant'],
    ['2026-11-28 10:00', 0, '2026-11-28 10:00', 'zero minutes from a Saturday is that Saturday'],
  ])('%s + %i min → %s (%s)', (from, minutes, expected) => {
    expect(inParis(addBusinessMinutes(france, paris(from), minutes))).toBe(expected);
  });

  it('crosses the spring daylight-saving weekend on Paris wall-clock time', () => {
    // 29 March 2026: clocks go from 02:00 to 03:00; Friday is UTC+1, Monday UTC+2.
    const deadline = addBusinessMinutes(france, paris('2026-03-27 17:45'), 30);
    expect(deadline.toISOString()).toBe('2026-03-30T06:45:00.000Z');
    expect(inParis(deadline)).toBe('2026-03-30 08:45');
  });

  it('crosses the autumn daylight-saving weekend on Paris wall-clock time', () => {
    // 25 October 2026: clocks go from 03:00 back to 02:00; Friday is UTC+2, Monday UTC+1.
    const deadline = addBusinessMinutes(france, paris('2026-10-23 17:45'), 30);
    expect(deadline.toISOString()).toBe('2026-10-26T07:45:00.000Z');
  });

  it('reads an instant by its Paris day, not its UTC day', () => {
    // 23:30 UTC on Friday is already Saturday 00:30 in Paris: nothing left that week.
    const deadline = addBusinessMinutes(france, new Date('2026-11-27T23:30:00Z'), 30);
    expect(inParis(deadline)).toBe('2026-11-30 09:00');
    // 23:30 UTC on Sunday is Monday 00:30 in Paris: Monday morning.
    expect(inParis(addBusinessMinutes(france, new Date('2026-11-29T23:30:00Z'), 30))).toBe('2026-11-30 09:00');
  });

  it('follows the region: Vendredi saint is closed in Bas-Rhin only', () => {
    const basRhin = createCalendar({ region: '67' });
    expect(inParis(addBusinessMinutes(basRhin, paris('2026-04-02 17:45'), 30))).toBe('2026-04-07 08:45');
    expect(inParis(addBusinessMinutes(france, paris('2026-04-02 17:45'), 30))).toBe('2026-04-03 08:45');
  });

  it('follows the contract: a worked holiday counts, a closed date does not', () => {
    const solidarity = createCalendar({ workedHolidays: ['2026-05-25'] });
    expect(inParis(addBusinessMinutes(solidarity, paris('2026-05-22 17:45'), 30))).toBe('2026-05-25 08:45');
    expect(inParis(addBusinessMinutes(france, paris('2026-05-22 17:45'), 30))).toBe('2026-05-26 08:45');
    const bridge = createCalendar({ closedDates: ['2026-05-15'] });
    expect(inParis(addBusinessMinutes(bridge, paris('2026-05-13 17:45'), 30))).toBe('2026-05-18 08:45');
  });

  it('runs in the contract’s own time zone', () => {
    const reunion = createCalendar({ region: 'RE', timeZone: 'Indian/Reunion' });
    const deadline = addBusinessMinutes(reunion, paris('2026-11-27 11:50', 'Indian/Reunion'), 30);
    expect(deadline.toISOString()).toBe('2026-11-27T10:20:00.000Z'); // 14:20 at UTC+4
  });

  it.each([
    [() => addBusinessMinutes(france, new Date('nope'), 30), RangeError, /^from: invalid date/],
    [() => addBusinessMinutes(france, '2026-11-27' as unknown as Date, 30), TypeError, /^from: expected a Date/],
    [() => addBusinessMinutes(france, paris('2026-11-27 10:00'), -1), RangeError, /^minutes: must not be negative/],
    [() => addBusinessMinutes(france, paris('2026-11-27 10:00'), Number.NaN), RangeError, /^minutes: not a finite/],
    [() => addBusinessMinutes(france, paris('2026-11-27 10:00'), Infinity), RangeError, /^minutes: not a finite/],
  ])('refuses bad input with an error naming the argument (%#)', (call, kind, message) => {
    expect(call).toThrow(kind);
    expect(call).toThrow(message);
  });

  it('skips a whole year of closed dates, then stops with an error rather than loop on a calendar that never opens', () => {
    const days: string[] = [];
    for (let d = DateTime.fromISO('2026-01-01'); d.year < 2037; d = d.plus({ days: 1 })) days.push(d.toISODate() ?? '');
    const yearShut = createCalendar({ closedDates: days.slice(0, 365) });
    expect(inParis(addBusinessMinutes(yearShut, paris('2026-01-01 10:00'), 30))).toBe('2027-01-04 09:00');
    const neverOpen = createCalendar({ closedDates: days });
    expect(() => addBusinessMinutes(neverOpen, paris('2026-01-01 10:00'), 30)).toThrow(
      /^calendar: no business hours for 3660 days/,
    );
  });
});

describe('businessMinutesBetween', () => {
  it.each([
    ['2026-11-27 11:30', '2026-11-27 14:30', 60],
    ['2026-11-27 17:45', '2026-11-30 08:45', 30],
    ['2026-11-27 08:00', '2026-11-27 19:00', 450],
    ['2026-11-28 08:00', '2026-11-29 19:00', 0],
    ['2026-11-23 08:30', '2026-11-30 08:30', 5 * 450],
    ['2026-12-31 17:00', '2027-01-04 09:30', 120],
    ['2026-03-27 17:00', '2026-03-30 09:30', 120],
    ['2026-10-23 17:00', '2026-10-26 09:30', 120],
  ])('%s → %s is %i business minutes', (from, to, minutes) => {
    expect(businessMinutesBetween(france, paris(from), paris(to))).toBe(minutes);
  });

  it('is 0 when the end is not after the start', () => {
    expect(businessMinutesBetween(france, paris('2026-11-27 15:00'), paris('2026-11-27 10:00'))).toBe(0);
    expect(businessMinutesBetween(france, paris('2026-11-27 15:00'), paris('2026-11-27 15:00'))).toBe(0);
  });

  it('keeps seconds as a fraction of a minute', () => {
    expect(businessMinutesBetween(france, paris('2026-11-27 10:00'), new Date('2026-11-27T09:00:30Z'))).toBe(0.5);
  });

  it('names the argument of an invalid date', () => {
    expect(() => businessMinutesBetween(france, paris('2026-11-27 10:00'), new Date(Number.NaN))).toThrow(
      /^to: invalid date/,
    );
  });
});

describe('businessDayCounts', () => {
  it('explains a delay day by day with the periods counted', () => {
    expect(businessDayCounts(france, paris('2026-11-27 11:50'), paris('2026-11-30 09:00'))).toEqual([
      {
        day: '2026-11-27',
        minutes: 250,
        periods: [
          { from: '11:50', to: '12:00' },
          { from: '14:00', to: '18:00' },
        ],
      },
      { day: '2026-11-30', minutes: 30, periods: [{ from: '08:30', to: '09:00' }] },
    ]);
  });

  it('shows Paris wall-clock times on a daylight-saving Monday', () => {
    expect(businessDayCounts(france, paris('2026-03-30 08:00'), paris('2026-03-30 09:00'))).toEqual([
      { day: '2026-03-30', minutes: 30, periods: [{ from: '08:30', to: '09:00' }] },
    ]);
  });

  it('is empty when nothing was counted', () => {
    expect(businessDayCounts(france, paris('2026-11-28 09:00'), paris('2026-11-29 18:00'))).toEqual([]);
  });
});

describe('business time properties', () => {
  // Instants from 2025 to 2027 (both daylight-saving changes of each year), on whole seconds.
  const instant = fc
    .integer({ min: Date.parse('2025-01-01T00:00:00Z') / 1000, max: Date.parse('2027-12-31T00:00:00Z') / 1000 })
    .map((seconds) => new Date(seconds * 1000));
  const calendars = [
    france,
    createCalendar({ region: '68', closedDates: ['2026-05-15'], workedHolidays: ['2026-05-25'] }),
  ];

  it('gives back N when N business minutes are added then measured', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 20_000 }), fc.constantFrom(...calendars), (from, n, calendar) => {
        const to = addBusinessMinutes(calendar, from, n);
        expect(businessMinutesBetween(calendar, from, to)).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it('returns the earliest such instant: one millisecond before, less has elapsed', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 5_000 }), (from, n) => {
        const to = addBusinessMinutes(france, from, n);
        expect(businessMinutesBetween(france, from, new Date(to.getTime() - 1))).toBeLessThan(n);
      }),
      { numRuns: 300 },
    );
  });

  it('adds up over consecutive intervals and never decreases as the end moves later', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const whole = businessMinutesBetween(france, x, z);
        expect(businessMinutesBetween(france, x, y) + businessMinutesBetween(france, y, z)).toBeCloseTo(whole, 9);
        expect(businessMinutesBetween(france, x, y)).toBeLessThanOrEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('explains exactly the minutes it counts', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 10 * 24 * 60 }), (from, span) => {
        const to = new Date(from.getTime() + span * 60_000);
        const total = businessDayCounts(france, from, to).reduce((sum, day) => sum + day.minutes, 0);
        expect(total).toBeCloseTo(businessMinutesBetween(france, from, to), 9);
      }),
      { numRuns: 300 },
    );
  });
});
