import { describe, expect, it } from 'vitest';
import { canonicalJson, sameJson } from './canonical-json';

describe('canonicalJson', () => {
  it('treats documents differing only in key order as equal', () => {
    expect(
      sameJson({ b: 1, a: { y: [1, { q: 1, p: 2 }], x: null } }, { a: { x: null, y: [1, { p: 2, q: 1 }] }, b: 1 }),
    ).toBe(true);
  });

  it('keeps array order significant', () => {
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });

  it('tells apart a missing field from a field set to null', () => {
    expect(sameJson({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(true);
  });

  it('sorts keys at every depth', () => {
    expect(canonicalJson({ z: { d: 1, c: 2 }, a: true })).toBe('{"a":true,"z":{"c":2,"d":1}}');
  });
});
