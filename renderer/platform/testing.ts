import type { DesktopNotification, PowerEvent, TrayCommand, TrayTimer } from '../../shared/ipc';
import type { Platform } from './types';

/** An in-memory platform for unit tests: records what the app asked of the shell. */
export function createTestingPlatform(serverUrl = 'http://localhost:8787', options: { keepsSession?: boolean } = {}) {
  let session: string | null = null;
  const listeners = new Set<(command: TrayCommand) => void>();
  const powerListeners = new Set<(event: PowerEvent) => void>();
  const calls = {
    notifications: [] as DesktopNotification[],
    printed: [] as string[],
    opened: [] as string[],
    tray: [] as TrayTimer[],
    clipboard: [] as { text: string; clearAfterMs: number | undefined }[],
  };
  const platform: Platform = {
    appInfo: async () => ({ version: 'test', platform: 'test', shell: 'web', serverUrl }),
    openExternal: async (url) => {
      calls.opened.push(url);
      return true;
    },
    printToPdf: async (fileName) => {
      calls.printed.push(fileName);
      return { saved: true, path: `/tmp/${fileName}` };
    },
    notify: async (n) => {
      calls.notifications.push(n);
      return true;
    },
    session: {
      load: async () => session,
      // A shell without a safe key store keeps nothing (electron/main/session-store.ts).
      save: async (blob) => {
        if (options.keepsSession === false) return false;
        session = blob;
        return true;
      },
      clear: async () => {
        session = null;
        return true;
      },
    },
    setTrayTimer: async (timer) => {
      calls.tray.push(timer);
    },
    onTrayCommand: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    copyToClipboard: async (text, clearAfterMs) => {
      calls.clipboard.push({ text, clearAfterMs });
      return true;
    },
    onPowerEvent: (listener) => {
      powerListeners.add(listener);
      return () => powerListeners.delete(listener);
    },
  };
  const sendTrayCommand = (command: TrayCommand) => listeners.forEach((l) => l(command));
  const sendPowerEvent = (event: PowerEvent) => powerListeners.forEach((l) => l(event));
  return { platform, calls, sendTrayCommand, sendPowerEvent };
}
