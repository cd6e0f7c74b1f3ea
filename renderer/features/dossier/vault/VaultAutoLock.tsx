import { useEffect } from 'react';
import { useData } from '../../../data/react';
import { getPlatform } from '../../../platform';
import { AUTO_LOCK_MINUTES } from './VaultPage';

const CHECK_MS = 15_000;

/** Locks every open vault after AUTO_LOCK_MINUTES without a key or pointer, and when the machine sleeps or locks. */
export function VaultAutoLock() {
  const data = useData();
  useEffect(() => {
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, touch, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last > AUTO_LOCK_MINUTES * 60_000) data.vault.lockAll();
    }, CHECK_MS);
    const stopPower = getPlatform().onPowerEvent(() => data.vault.lockAll());
    return () => {
      for (const e of events) window.removeEventListener(e, touch);
      window.clearInterval(timer);
      stopPower();
    };
  }, [data]);
  return null;
}
