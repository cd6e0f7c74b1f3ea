import type { DesktopBridge, IpcResult } from '../../shared/ipc';
import type { Platform } from './types';

/** Turns the bridge's `{ ok, error }` answers back into values and exceptions. */
async function unwrap<T>(call: Promise<IpcResult<T>>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

export function createElectronPlatform(bridge: DesktopBridge): Platform {
  return {
    appInfo: () => unwrap(bridge.getAppInfo()),
    openExternal: (url) => unwrap(bridge.openExternal(url)),
    printToPdf: (fileName) => unwrap(bridge.printToPdf({ fileName })),
    notify: (notification) => unwrap(bridge.showNotification(notification)),
    session: {
      load: () => unwrap(bridge.loadSession()),
      save: (blob) => unwrap(bridge.saveSession(blob)),
      clear: () => unwrap(bridge.clearSession()),
    },
    setTrayTimer: async (timer) => {
      await unwrap(bridge.setTrayTimer(timer));
    },
    onTrayCommand: (listener) => bridge.onTrayCommand(listener),
    copyToClipboard: (text, clearAfterMs) =>
      unwrap(bridge.writeClipboard(clearAfterMs === undefined ? { text } : { text, clearAfterMs })),
    onPowerEvent: (listener) => bridge.onPowerEvent(listener),
  };
}
