import { describe, expect, it } from 'vitest';
import { confirmationThreshold, elapsedSeconds, needsEndConfirmation } from './timer-rules';

describe('timer left running', () => {
  it('asks from 18:00 Paris for a timer started in the morning', () => {
    expect(confirmationThreshold(new Date('2026-11-27T08:00:00Z')).toISOString()).toBe('2026-11-27T17:00:00.000Z');
    // Summer time: 18:00 Paris is 16:00 UTC.
    expect(confirmationThreshold(new Date('2026-07-01T08:00:00Z')).toISOString()).toBe('2026-07-01T16:00:00.000Z');
  });

  it('gives at least four hours to work started late in the day', () => {
    expect(confirmationThreshold(new Date('2026-11-27T16:30:00Z')).toISOString()).toBe('2026-11-27T20:30:00.000Z');
  });

  it('only asks about a running segment', () => {
    const running = [{ start: '2026-11-27T08:00:00Z' }];
    expect(needsEndConfirmation(running, new Date('2026-11-27T16:59:00Z'))).toBe(false);
    expect(needsEndConfirmation(running, new Date('2026-11-28T07:00:00Z'))).toBe(true);
    expect(needsEndConfirmation([{ start: '2026-11-27T08:00:00Z', end: '2026-11-27T09:00:00Z' }], new Date('2026-11-29T00:00:00Z'))).toBe(false);
  });

  it('counts the open segment up to now', () => {
    const segments = [{ start: '2026-11-27T08:00:00Z', end: '2026-11-27T08:10:00Z' }, { start: '2026-11-27T09:00:00Z' }];
    expect(elapsedSeconds(segments, new Date('2026-11-27T09:05:30Z'))).toBe(15 * 60 + 30);
  });
});
