import { describe, expect, it } from 'vitest';
import { trayMenu } from './tray';

describe('tray menu', () => {
  it('shows the running clock with pause and stop', () => {
    const menu = trayMenu(
      { running: true, label: 'T-12 · Boulangerie Martin', startedAt: 1_000_000, elapsedBeforeSeconds: 600 },
      1_000_000 + 65 * 60_000,
    );
    expect(menu.title).toBe('Cadran — 1 h 15 · T-12 · Boulangerie Martin');
    expect(menu.items.flatMap((i) => ('command' in i ? [i.command] : []))).toEqual([
      'pause-timer',
      'stop-timer',
      'show-window',
    ]);
  });

  it('offers only to open the app when no timer runs', () => {
    expect(trayMenu({ running: false }, 0).items).toEqual([{ label: 'Ouvrir Cadran', command: 'show-window' }]);
  });
});
