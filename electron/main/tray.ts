/**
 * The tray (menu-bar) indicator of the running timer: a technician sees the clock and can pause,
 * resume or stop it without bringing the window forward. The renderer owns the timer (it is a
 * stored document); the tray only shows it and forwards commands.
 */
import type { TrayCommand, TrayTimer } from '../../shared/ipc';

export type TrayMenuItem =
  { label: string; command: TrayCommand } | { separator: true } | { label: string; enabled: false };

/** French labels: the tray belongs to the OS, outside the renderer's i18n, and users are French. */
export function trayMenu(timer: TrayTimer, now: number): { title: string; items: TrayMenuItem[] } {
  if (!timer.running) {
    return {
      title: 'Cadran — aucun chrono en cours',
      items: [{ label: 'Ouvrir Cadran', command: 'show-window' }],
    };
  }
  const seconds = timer.elapsedBeforeSeconds + Math.max(0, Math.floor((now - timer.startedAt) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const clock = `${h} h ${String(m).padStart(2, '0')}`;
  return {
    title: `Cadran — ${clock} · ${timer.label}`,
    items: [
      { label: `${clock} · ${timer.label}`, enabled: false },
      { separator: true },
      { label: 'Mettre en pause', command: 'pause-timer' },
      { label: 'Arrêter le chrono', command: 'stop-timer' },
      { separator: true },
      { label: 'Ouvrir Cadran', command: 'show-window' },
    ],
  };
}
