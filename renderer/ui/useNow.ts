import { useSyncExternalStore } from 'react';

/**
 * The current instant, refreshed every `intervalMs` — for clocks and SLA countdowns. All
 * components asking for the same interval share one timer and tick together.
 */
const clocks = new Map<
  number,
  { now: number; listeners: Set<() => void>; timer: ReturnType<typeof setInterval> | null }
>();

function clockFor(intervalMs: number) {
  let clock = clocks.get(intervalMs);
  if (!clock) {
    clock = { now: Date.now(), listeners: new Set(), timer: null };
    clocks.set(intervalMs, clock);
  }
  return clock;
}

export function useNow(intervalMs = 1000): Date {
  const clock = clockFor(intervalMs);
  const now = useSyncExternalStore(
    (onChange) => {
      clock.listeners.add(onChange);
      clock.timer ??= setInterval(() => {
        clock.now = Date.now();
        clock.listeners.forEach((l) => l());
      }, intervalMs);
      return () => {
        clock.listeners.delete(onChange);
        if (clock.listeners.size === 0 && clock.timer) {
          clearInterval(clock.timer);
          clock.timer = null;
        }
      };
    },
    () => clock.now,
  );
  return new Date(now);
}
