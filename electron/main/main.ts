/**
 * Electron main process: lifecycle, the one window, the app:// protocol, IPC handlers, tray,
 * notifications, print-to-PDF and the encrypted session store. Every rule worth testing lives in
 * a sibling module as a plain function; this file only wires Electron's objects to them.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
  Tray,
  type MenuItemConstructorOptions,
} from 'electron';
import { ipcEvents, type TrayTimer } from '../../shared/ipc';
import { mimeTypeOf, resolveAppAsset } from './app-protocol';
import { readDesktopConfig } from './config';
import { createIpcHandle } from './ipc';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  contentSecurityPolicy,
  guardSession,
  guardWebContents,
  openExternalUrl,
} from './security';
import { createSessionStore } from './session-store';
import { trayMenu } from './tray';
import { loadWindowState, saveWindowState } from './window-state';

// Must run before `ready`: app:// behaves like https (secure context, fetch, storage).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const config = readDesktopConfig(process.env, app.isPackaged);
const rendererRoot = path.join(__dirname, '..', 'renderer');
const allowedOrigins = config.devServerUrl ? [APP_ORIGIN, config.devServerUrl] : [APP_ORIGIN];
const csp = contentSecurityPolicy([config.serverUrl]);
const log = (message: string) => console.log(`[cadran] ${message}`);

let mainWindow: BrowserWindow | null = null;
let tray: Tray | null = null;
let trayTimer: TrayTimer = { running: false };

if (!app.requestSingleInstanceLock()) {
  // A second launch focuses the first window instead of opening a second database on one profile.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start, (error: unknown) => {
    log(`failed to start: ${String(error)}`);
    app.exit(1);
  });
}

app.on('web-contents-created', (_event, contents) => {
  guardWebContents(contents, allowedOrigins, (url) => shell.openExternal(url));
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

async function start(): Promise<void> {
  guardSession(session.defaultSession);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(request.url, rendererRoot, APP_HOST);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    return new Response(response.body, {
      status: response.status,
      headers: { 'Content-Type': mimeTypeOf(file), 'Content-Security-Policy': csp },
    });
  });
  registerIpcHandlers();
  await createWindow();
  createTray();
  // The vault locks when the machine sleeps or its screen locks (renderer/features/vault).
  for (const event of ['suspend', 'lock-screen'] as const) {
    powerMonitor.on(event as 'suspend', () => mainWindow?.webContents.send(ipcEvents.power, event));
  }
}

async function createWindow(): Promise<void> {
  const stateDir = app.getPath('userData');
  const state = await loadWindowState(stateDir);
  const position = state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {};
  const window = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...position,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Cadran',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: true,
    },
  });
  mainWindow = window;
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    void saveWindowState(stateDir, { ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  await window.loadURL(config.devServerUrl ?? `${APP_ORIGIN}/index.html`);
}

function registerIpcHandlers(): void {
  const handle = createIpcHandle(ipcMain, allowedOrigins, log);
  const sessions = createSessionStore(app.getPath('userData'), safeStorage);

  handle('getAppInfo', () => ({
    version: app.getVersion(),
    platform: process.platform,
    shell: 'electron' as const,
    serverUrl: config.serverUrl,
  }));
  // The contract refused any other scheme already; openExternalUrl checks again where it opens.
  handle('openExternal', (url) => openExternalUrl(url, (safe) => shell.openExternal(safe)));
  handle('showNotification', ({ title, body }) => {
    if (!Notification.isSupported()) return false;
    new Notification({ title, body }).show();
    return true;
  });
  handle('loadSession', () => sessions.load());
  handle('saveSession', (blob) => sessions.save(blob));
  handle('clearSession', () => sessions.clear());
  handle('printToPdf', async ({ fileName }) => {
    if (!mainWindow) return { saved: false };
    const pdf = await mainWindow.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    const choice = await dialog.showSaveDialog(mainWindow, {
      defaultPath: path.join(app.getPath('documents'), fileName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    await fs.writeFile(choice.filePath, pdf);
    return { saved: true, path: choice.filePath };
  });
  handle('writeClipboard', ({ text, clearAfterMs }) => {
    clipboard.writeText(text);
    if (clearAfterMs === undefined) return true;
    // Cleared only if still ours: what the user copied since is left alone.
    setTimeout(() => {
      void Promise.resolve(clipboard.readText()).then((current) => {
        if (current === text) clipboard.clear();
      });
    }, clearAfterMs).unref();
    return true;
  });
  handle('setTrayTimer', (timer) => {
    trayTimer = timer;
    refreshTray();
    return true;
  });
}

function createTray(): void {
  const icon = nativeImage.createFromPath(path.join(__dirname, '..', '..', 'resources', 'tray.png'));
  tray = new Tray(icon.isEmpty() ? nativeImage.createEmpty() : icon);
  refreshTray();
  // The tray title shows minutes: refreshing twice a minute is enough.
  setInterval(refreshTray, 30_000).unref();
}

function refreshTray(): void {
  if (!tray) return;
  const menu = trayMenu(trayTimer, Date.now());
  tray.setToolTip(menu.title);
  const template: MenuItemConstructorOptions[] = menu.items.map((item) => {
    if ('separator' in item) return { type: 'separator' };
    if (!('command' in item)) return { label: item.label, enabled: false };
    return {
      label: item.label,
      click: () => {
        if (item.command === 'show-window') mainWindow?.show();
        mainWindow?.webContents.send(ipcEvents.trayCommand, item.command);
      },
    };
  });
  tray.setContextMenu(Menu.buildFromTemplate(template));
}
