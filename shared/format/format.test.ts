import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDate,
  formatDateLong,
  formatDateTime,
  formatDuration,
  formatMoney,
  formatTime,
  formatUnits,
} from './index';

// Intl's French output uses no-break spaces; tests compare with plain spaces for readability.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('French formats', () => {
  it('formats money as 1 234,50 € with exact cents', () => {
    expect(plain(formatMoney('1234.5'))).toBe('1 234,50 €');
    expect(plain(formatMoney('0'))).toBe('0,00 €');
    expect(plain(formatMoney('-12.345'))).toBe('-12,35 €');
    expect(plain(formatMoney('1234567.899'))).toBe('1 234 567,90 €');
  });

  it('rounds cents half-up where a binary float would round down', () => {
    // 1.005 is 1.00499999… as a double; as a decimal it is exactly half a cent.
    expect(plain(formatMoney('1.005'))).toBe('1,01 €');
  });

  it('keeps the amount on one line with no-break spaces', () => {
    expect(formatMoney('1234.5')).not.toMatch(/ /);
  });

  it('formats money in English on request', () => {
    expect(formatMoney('1234.5', 'en')).toBe('€1,234.50');
  });

  it('rejects an amount that is not a number with the argument named', () => {
    expect(() => formatMoney('douze')).toThrow(/amount/);
  });

  it('formats times as 14 h 20 in Paris, winter and summer', () => {
    expect(formatTime('2026-11-27T13:20:00Z')).toBe('14 h 20');
    expect(formatTime('2026-07-01T12:20:00Z')).toBe('14 h 20');
    expect(formatTime('2026-11-27T13:20:00Z', 'en')).toBe('14:20');
  });

  it('formats dates by the Paris calendar, not the UTC one', () => {
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('01/01/2027');
    expect(formatDateLong('2026-11-27T12:00:00Z')).toBe('vendredi 27 novembre 2026');
    expect(formatDateTime('2026-11-27T07:05:00Z')).toBe('27/11/2026 08 h 05');
  });

  it('formats durations in hours and minutes', () => {
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(80)).toBe('1 h 20');
    expect(formatDuration(120)).toBe('2 h');
    expect(formatDuration(-15)).toBe('-15 min');
    expect(formatDuration(65, 'en')).toBe('1 h 05 min');
  });

  it('formats a running clock and units', () => {
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(-3)).toBe('0:00:00');
    expect(formatUnits(12)).toBe('12 UT');
  });

  it('names the argument of an invalid date', () => {
    expect(() => formatTime('pas une date')).toThrow(RangeError);
    expect(() => formatDuration(Number.NaN)).toThrow(/minutes/);
  });
});

describe('calendar days', () => {
  it('gives the Paris day of an instant', async () => {
    const { isoDay } = await import('./index');
    expect(isoDay('2026-12-31T23:30:00Z')).toBe('2027-01-01');
    expect(isoDay('2026-06-30T21:59:00Z')).toBe('2026-06-30');
  });
});
