import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDay, isoMillis, parseInstant } from './validate';

describe('parseInstant', () => {
  it.each([
    ['2026-11-27T13:20:00.000Z', Date.UTC(2026, 10, 27, 13, 20)],
    ['2026-11-27T13:20:00Z', Date.UTC(2026, 10, 27, 13, 20)],
    ['2026-11-27T14:20:00+01:00', Date.UTC(2026, 10, 27, 13, 20)],
    ['2026-11-27T08:20:00-05:00', Date.UTC(2026, 10, 27, 13, 20)],
    ['2026-11-27T13:20:00.5Z', Date.UTC(2026, 10, 27, 13, 20, 0, 500)],
    ['2026-11-27T13:20:00.123456789Z', Date.UTC(2026, 10, 27, 13, 20, 0, 123)],
    ['2028-02-29T00:00:00.000Z', Date.UTC(2028, 1, 29)],
    ['2000-02-29T12:00:00.000Z', Date.UTC(2000, 1, 29, 12)],
    ['2000-03-01T00:00:00.000Z', Date.UTC(2000, 2, 1)],
    ['1900-03-01T00:00:00.000Z', Date.UTC(1900, 2, 1)],
    ['2199-12-31T23:59:59.999Z', Date.UTC(2199, 11, 31, 23, 59, 59, 999)],
    // Years outside the table of year starts take the civil-date arithmetic.
    ['1899-12-31T23:59:59.999Z', Date.UTC(1899, 11, 31, 23, 59, 59, 999)],
    ['2400-02-29T06:00:00.000Z', Date.UTC(2400, 1, 29, 6)],
  ])('reads %s', (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });

  it.each([
    ['2026-11-27T13:20:00', 'no zone: a device and the server would read different instants'],
    ['2026-11-27', 'a day is not an instant'],
    ['2026-02-30T10:00:00.000Z', '30 February'],
    ['2027-02-29T10:00:00.000Z', '29 February of a common year'],
    ['1900-02-29T10:00:00.000Z', '1900 was not a leap year'],
    ['2026-11-27T24:00:00.000Z', '24:00'],
    ['2026-11-27T13:60:00.000Z', 'minute 60'],
    ['2026-11-27T13:20:00.00aZ', 'a letter among the digits'],
    ['2026-11-27T13:20:00.00/Z', 'the character just below 0'],
    ['2026-11-27T13:20:00.00:Z', 'the character just above 9'],
    ['2100-02-29T10:00:00.000Z', '2100 is not a leap year'],
    ['2500-02-30T10:00:00.000Z', '30 February outside the table of year starts'],
    ['2026-11-27 13:20:00.000Z', 'a space instead of T'],
    ['2026-11-27T13:20:00+25:00', 'an impossible offset'],
    ['', 'empty'],
  ])('refuses %s (%s)', (text) => {
    expect(parseInstant(text)).toBeNaN();
  });

  it('agrees with Date.parse on every canonical UTC instant', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          expect(parseInstant(date.toISOString())).toBe(date.getTime());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses the stored form with any digit replaced by another character', () => {
    const digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...digits),
        fc.integer({ min: 0, max: 0xffff }).filter((code) => code < 48 || code > 57),
        (date, position, code) => {
          const text = date.toISOString();
          expect(
            parseInstant(text.slice(0, position) + String.fromCharCode(code) + text.slice(position + 1)),
          ).toBeNaN();
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('names the field of an invalid instant', () => {
    expect(() => isoMillis('2026-02-30T10:00:00Z', 'ticket.receivedAt')).toThrow(
      /^ticket\.receivedAt: invalid instant "2026-02-30T10:00:00Z"/,
    );
    expect(() => isoMillis(42, 'completedAt')).toThrow(TypeError);
  });
});

describe('checkDay', () => {
  it('accepts real days and names the argument of the others', () => {
    expect(checkDay('2028-02-29', 'day')).toBe('2028-02-29');
    expect(() => checkDay('2026-02-29', 'startDate')).toThrow(/^startDate: no such day "2026-02-29"/);
    expect(() => checkDay('2026-2-1', 'startDate')).toThrow(/^startDate: expected a day "YYYY-MM-DD"/);
  });
});
