/**
 * The preload runs sandboxed and exposes exactly one method per IPC channel as `window.cadran`,
 * never `ipcRenderer` itself nor a generic `invoke(channel)`. It does not validate: the main
 * process does, on every call.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
// Channel names only (no schemas): the preload stays a few hundred bytes.
import { ipcChannels, ipcEvents } from '../../shared/ipc/channels';
import type { DesktopBridge, PowerEvent, TrayCommand } from '../../shared/ipc';

const bridge: DesktopBridge = {
  getAppInfo: () => ipcRenderer.invoke(ipcChannels.getAppInfo),
  openExternal: (url) => ipcRenderer.invoke(ipcChannels.openExternal, url),
  printToPdf: (request) => ipcRenderer.invoke(ipcChannels.printToPdf, request),
  showNotification: (notification) => ipcRenderer.invoke(ipcChannels.showNotification, notification),
  loadSession: () => ipcRenderer.invoke(ipcChannels.loadSession),
  saveSession: (blob) => ipcRenderer.invoke(ipcChannels.saveSession, blob),
  clearSession: () => ipcRenderer.invoke(ipcChannels.clearSession),
  setTrayTimer: (timer) => ipcRenderer.invoke(ipcChannels.setTrayTimer, timer),
  writeClipboard: (request) => ipcRenderer.invoke(ipcChannels.writeClipboard, request),
  onTrayCommand: (listener) => {
    const wrapped = (_event: IpcRendererEvent, command: TrayCommand) => listener(command);
    ipcRenderer.on(ipcEvents.trayCommand, wrapped);
    return () => {
      ipcRenderer.off(ipcEvents.trayCommand, wrapped);
    };
  },
  onPowerEvent: (listener) => {
    const wrapped = (_event: IpcRendererEvent, power: PowerEvent) => listener(power);
    ipcRenderer.on(ipcEvents.power, wrapped);
    return () => {
      ipcRenderer.off(ipcEvents.power, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('cadran', bridge);
