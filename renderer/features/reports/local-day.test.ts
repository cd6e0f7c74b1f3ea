import { describe, expect, it } from 'vitest';
import { dayNumberOf, dayResolver, isoOfDayNumber, localIsoDay, offsetAt, weekdayOf } from './local-day';

const paris = dayResolver('Europe/Paris');
const day = (iso: string) => dayNumberOf(iso);

describe('local days of instants', () => {
  it.each([
    ['2026-11-27T22:59:59.000Z', '2026-11-27'],
    ['2026-11-27T23:00:00.000Z', '2026-11-28'],
    ['2026-12-31T23:30:00.000Z', '2027-01-01'],
    ['2026-06-30T21:59:00.000Z', '2026-06-30'],
    ['2026-06-30T22:00:00.000Z', '2026-07-01'],
    // The spring-forward night: 02:00 Paris does not exist, 01:30 UTC is 03:30 Paris.
    ['2026-03-29T01:30:00.000Z', '2026-03-29'],
    ['2026-03-28T22:59:00.000Z', '2026-03-28'],
    // The fall-back night: the hour 02:00–03:00 Paris happens twice.
    ['2026-10-25T00:30:00.000Z', '2026-10-25'],
    ['2026-10-24T21:59:00.000Z', '2026-10-24'],
    ['2026-10-24T22:00:00.000Z', '2026-10-25'],
  ])('puts %s on the Paris day %s', (instant, expected) => {
    expect(isoOfDayNumber(paris(Date.parse(instant)))).toBe(expected);
    expect(localIsoDay('Europe/Paris', Date.parse(instant))).toBe(expected);
  });

  it('gives the same day as Intl for every quarter hour around both daylight-saving changes', () => {
    const check = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    for (const start of ['2026-03-28T12:00:00Z', '2026-10-24T12:00:00Z']) {
      for (let ms = Date.parse(start); ms < Date.parse(start) + 36 * 3_600_000; ms += 900_000) {
        expect(isoOfDayNumber(paris(ms))).toBe(check.format(ms));
      }
    }
  });

  it('knows the Paris offset in winter and summer', () => {
    expect(offsetAt('Europe/Paris', Date.parse('2026-01-15T12:00:00Z'))).toBe(3_600_000);
    expect(offsetAt('Europe/Paris', Date.parse('2026-07-15T12:00:00Z'))).toBe(7_200_000);
  });

  it('handles a zone that is not Paris', () => {
    expect(isoOfDayNumber(dayResolver('America/New_York')(Date.parse('2026-11-28T03:00:00Z')))).toBe('2026-11-27');
  });

  it('refuses an unknown time zone and a non-instant', () => {
    expect(() => dayResolver('Mars/Olympus')).toThrow(RangeError);
    expect(() => paris(Number.NaN)).toThrow(/ms/);
  });
});

describe('day numbers', () => {
  it('round-trips ISO days', () => {
    expect(day('1970-01-01')).toBe(0);
    expect(isoOfDayNumber(day('2028-02-29'))).toBe('2028-02-29');
  });

  it('names the argument of a day that does not exist', () => {
    expect(() => dayNumberOf('2026-02-30', 'from')).toThrow('from: no such day ("2026-02-30")');
    expect(() => dayNumberOf('27/11/2026', 'to')).toThrow(/^to: expected a day as YYYY-MM-DD/);
  });

  it('counts weekdays from Monday', () => {
    expect(weekdayOf(day('2026-11-23'))).toBe(0);
    expect(weekdayOf(day('2026-11-29'))).toBe(6);
  });
});
