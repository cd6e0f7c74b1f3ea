import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HISTORY_VALUE_MAX, textIssue, traceValue } from './index';

describe('traceValue (a ticket history entry’s value)', () => {
  it('keeps a value that fits as its JSON', () => {
    expect(traceValue('in_progress')).toBe('"in_progress"');
    expect(traceValue({ notifiedAt: '2026-11-27T09:00:00.000Z' })).toBe('{"notifiedAt":"2026-11-27T09:00:00.000Z"}');
    expect(traceValue(undefined)).toBe('null');
  });

  it('cuts a longer one to its beginning, saying how long it was', () => {
    const long = 'x'.repeat(20_000);
    const trace = traceValue(long);
    expect(trace.length).toBeLessThanOrEqual(HISTORY_VALUE_MAX);
    expect(JSON.parse(trace)).toMatch(/^x+ … \[20000 caractères, tronqué\]$/);
  });

  it('stays within the bound when escapes double the text', () => {
    const trace = traceValue('"\n'.repeat(9_000));
    expect(trace.length).toBeLessThanOrEqual(HISTORY_VALUE_MAX);
    expect(JSON.parse(trace)).toContain('tronqué');
  });

  it('never cuts a character outside the basic plane in two', () => {
    const emoji = '🔧'.repeat(10_000);
    for (const text of [emoji, `a${emoji}`]) expect(textIssue(JSON.parse(traceValue(text)) as string)).toBeNull();
  });

  it('always gives bounded, parseable JSON of well-formed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 25_000 }), (text) => {
        const trace = traceValue(text);
        expect(trace.length).toBeLessThanOrEqual(HISTORY_VALUE_MAX);
        expect(textIssue(JSON.parse(trace) as string)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
