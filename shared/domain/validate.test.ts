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
