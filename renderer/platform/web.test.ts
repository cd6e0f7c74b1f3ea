import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebPlatform } from './web';

/** Just enough of a browser window for the clipboard and the timers. */
function fakeWindow(clipboard: { text: string; readable: boolean }) {
  return {
    navigator: {
      platform: 'Linux x86_64',
      clipboard: {
        writeText: async (text: string) => {
          clipboard.text = text;
        },
        readText: async () => {
          if (!clipboard.readable) throw new Error('NotAllowedError');
          return clipboard.text;
        },
      },
    },
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms),
    clearInterval: (id: ReturnType<typeof setInterval>) => clearInterval(id),
    location: { origin: 'http://localhost:8787' },
  } as unknown as Window;
}

describe('the browser shell', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-02T09:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('clears a copied secret after the delay, but not what the user copied since', async () => {
    const board = { text: '', readable: true };
    const platform = createWebPlatform(fakeWindow(board));
    await platform.copyToClipboard('Demo-SECRET!', 30_000);
    expect(board.text).toBe('Demo-SECRET!');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(board.text).toBe('');

    await platform.copyToClipboard('Demo-SECRET!', 30_000);
    board.text = 'something else';
    await vi.advanceTimersByTimeAsync(30_000);
    expect(board.text).toBe('something else');
  });

  it('clears a copied secret anyway when the page may not read the clipboard; leaves plain copies alone', async () => {
    const board = { text: '', readable: false };
    const platform = createWebPlatform(fakeWindow(board));
    await platform.copyToClipboard('Demo-SECRET!', 30_000);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(board.text).toBe('');
    await platform.copyToClipboard('FTTO-0042-77');
    await vi.advanceTimersByTimeAsync(600_000);
    expect(board.text).toBe('FTTO-0042-77');
  });

  it('tells of a sleep when its timer fires long after it was due, not on a normal tick', async () => {
    const platform = createWebPlatform(fakeWindow({ text: '', readable: true }));
    const events: string[] = [];
    const stop = platform.onPowerEvent((e) => events.push(e));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(events).toEqual([]);
    // The machine slept ten minutes: the clock jumps, then the next tick runs.
    vi.setSystemTime(Date.now() + 10 * 60_000);
    await vi.advanceTimersByTimeAsync(5000);
    expect(events).toEqual(['suspend']);
    stop();
  });
});
