import { isSafeExternalUrl } from '../../shared/security';
import type { Platform } from './types';

const SESSION_KEY = 'cadran.session';

// Only http(s), mailto and tel leave the app, as in the desktop shell (shared/security).
/**
 * The browser shell: printing through the print dialog (the print stylesheet lays the report
 * out; "Enregistrer au format PDF" saves it), notifications through the Notification API, the
 * session in localStorage (the browser profile is the device's keychain here), no tray.
 */
export function createWebPlatform(win: Window = window): Platform {
  return {
    appInfo: async () => ({
      version: import.meta.env.VITE_APP_VERSION ?? '0.1.0',
      platform: win.navigator.platform,
      shell: 'web',
      serverUrl: win.location.origin,
    }),
    openExternal: async (url) => {
      if (!isSafeExternalUrl(url)) return false;
      win.open(url, '_blank', 'noopener,noreferrer');
      return true;
    },
    printToPdf: async () => {
      win.print();
      return { saved: false };
    },
    notify: async ({ title, body }) => {
      const Notifier = (win as Window & typeof globalThis).Notification as typeof Notification | undefined;
      if (!Notifier) return false;
      let permission = Notifier.permission;
      if (permission === 'default') permission = await Notifier.requestPermission();
      if (permission !== 'granted') return false;
      new Notifier(title, { body });
      return true;
    },
    session: {
      load: async () => win.localStorage.getItem(SESSION_KEY),
      save: async (blob) => {
        win.localStorage.setItem(SESSION_KEY, blob);
        return true;
      },
      clear: async () => {
        win.localStorage.removeItem(SESSION_KEY);
        return true;
      },
    },
    setTrayTimer: async () => {},
    onTrayCommand: () => () => {},
    copyToClipboard: async (text, clearAfterMs) => {
      const clipboard = win.navigator.clipboard as Clipboard | undefined;
      if (!clipboard) return false;
      await clipboard.writeText(text);
      if (clearAfterMs === undefined) return true;
      win.setTimeout(() => {
        // Cleared only if still ours; a browser that will not let the page read the clipboard
        // gets it cleared anyway: a secret left there is the worse outcome.
        void clipboard
          .readText()
          .then((current) => (current === text ? clipboard.writeText('') : undefined))
          .catch(() => clipboard.writeText('').catch(() => undefined));
      }, clearAfterMs);
      return true;
    },
    onPowerEvent: (listener) => {
      // A browser is not told of sleep: a timer that fires far later than asked means it slept.
      const TICK_MS = 5000;
      let last = Date.now();
      const timer = win.setInterval(() => {
        const now = Date.now();
        if (now - last > TICK_MS * 6) listener('suspend');
        last = now;
      }, TICK_MS);
      return () => win.clearInterval(timer);
    },
  };
}
