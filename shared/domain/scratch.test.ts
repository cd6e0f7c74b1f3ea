import { describe, expect, it } from 'vitest';
import { scratchFloat64, scratchInt32 } from './scratch';

describe('scratch columns', () => {
  it('hands a slot the same memory again, of the asked length, and grows it when asked for more', () => {
    const first = scratchFloat64('test.a', 4);
    first.set([1, 2, 3, 4]);
    const again = scratchFloat64('test.a', 3);
    expect(again.length).toBe(3);
    // Stale contents: what the last user left (the caller must write before reading).
    expect([...again]).toEqual([1, 2, 3]);
    const bigger = scratchFloat64('test.a', 10_000);
    expect(bigger.length).toBe(10_000);
  });

  it('never lets two slots, or two kinds of one slot name, share memory', () => {
    const a = scratchInt32('test.b', 8).fill(7);
    const b = scratchInt32('test.c', 8).fill(9);
    expect([...a]).toEqual(Array(8).fill(7));
    expect([...b]).toEqual(Array(8).fill(9));
    const floats = scratchFloat64('test.b', 8).fill(0.5);
    scratchInt32('test.b', 8).fill(3);
    expect([...floats]).toEqual(Array(8).fill(0.5));
  });
});
