/**
 * IPC channel names of the desktop API, one per method. Kept free of any import so the sandboxed
 * preload can bundle them without pulling the schemas in (the main process validates, not the
 * preload). Names say the direction and the domain: `renderer:` calls go renderer → main,
 * `main:` events go main → renderer.
 */
export const ipcChannels = {
  getAppInfo: 'renderer:app-info',
  openExternal: 'renderer:open-external',
  printToPdf: 'renderer:print-to-pdf',
  showNotification: 'renderer:show-notification',
  loadSession: 'renderer:load-session',
  saveSession: 'renderer:save-session',
  clearSession: 'renderer:clear-session',
  setTrayTimer: 'renderer:set-tray-timer',
  writeClipboard: 'renderer:write-clipboard',
} as const;

/** Events pushed by the main process to the window. */
export const ipcEvents = {
  trayCommand: 'main:tray-command',
  /** The machine is going to sleep or its screen locks: the vault locks. */
  power: 'main:power',
} as const;

export type IpcMethod = keyof typeof ipcChannels;
