import { describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../shared/ipc';
import { createIpcHandle, type IpcInvokeEvent, type IpcRegistrar } from './ipc';
import { APP_ORIGIN } from './security';

type Listener = (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const registrar: IpcRegistrar = { handle: (channel, listener) => void listeners.set(channel, listener) };
  const invoke = (channel: string, senderUrl: string | null, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, ...args);
  };
  return { registrar, invoke };
}

const fromApp = `${APP_ORIGIN}/index.html#/tickets`;

describe('IPC handle wrapper', () => {
  it('answers the app origin with { ok: true, value }', async () => {
    const { registrar, invoke } = fakeIpcMain();
    const handle = createIpcHandle(registrar, [APP_ORIGIN]);
    handle('showNotification', async ({ title }) => title.length > 0);
    await expect(invoke(ipcChannels.showNotification, fromApp, { title: 'SLA', body: 'T-12' })).resolves.toEqual({
      ok: true,
      value: true,
    });
  });

  it.each([
    ['another origin', 'https://evil.example/'],
    ['a file page', 'file:///tmp/page.html'],
    ['another app host', 'app://other/index.html'],
    ['a frame without URL', null],
  ])('refuses a sender from %s without running the handler', async (_label, url) => {
    const { registrar, invoke } = fakeIpcMain();
    const handler = vi.fn(async () => true);
    createIpcHandle(registrar, [APP_ORIGIN])('clearSession', handler);
    await expect(invoke(ipcChannels.clearSession, url)).resolves.toEqual({ ok: false, error: 'untrusted sender' });
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['a missing argument', []],
    ['a wrong type', [{ title: 42, body: '' }]],
    ['an empty title', [{ title: '', body: 'x' }]],
    ['a string instead of an object', ['hello']],
  ])('rejects %s with an error naming the channel and argument', async (_label, args) => {
    const { registrar, invoke } = fakeIpcMain();
    const handler = vi.fn(async () => true);
    createIpcHandle(registrar, [APP_ORIGIN])('showNotification', handler);
    const result = (await invoke(ipcChannels.showNotification, fromApp, ...args)) as { ok: boolean; error: string };
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/^renderer:show-notification: (argument 0|arguments)/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('rejects a PDF file name that tries to leave its folder', async () => {
    const { registrar, invoke } = fakeIpcMain();
    const handler = vi.fn(async () => ({ saved: true }));
    createIpcHandle(registrar, [APP_ORIGIN])('printToPdf', handler);
    const result = (await invoke(ipcChannels.printToPdf, fromApp, { fileName: '../../.bashrc.pdf' })) as {
      ok: boolean;
    };
    expect(result.ok).toBe(false);
    expect(handler).not.toHaveBeenCalled();
  });

  it('rejects extra arguments', async () => {
    const { registrar, invoke } = fakeIpcMain();
    const handler = vi.fn(async () => null);
    createIpcHandle(registrar, [APP_ORIGIN])('loadSession', handler);
    const result = (await invoke(ipcChannels.loadSession, fromApp, 'extra')) as { ok: boolean };
    expect(result.ok).toBe(false);
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a thrown error into { ok: false, error }', async () => {
    const { registrar, invoke } = fakeIpcMain();
    createIpcHandle(registrar, [APP_ORIGIN])('loadSession', async () => {
      throw new Error('keyring locked');
    });
    await expect(invoke(ipcChannels.loadSession, fromApp)).resolves.toEqual({ ok: false, error: 'keyring locked' });
  });

  it('does not pass on a result that breaks the contract', async () => {
    const { registrar, invoke } = fakeIpcMain();
    const log = vi.fn();
    createIpcHandle(registrar, [APP_ORIGIN], log)('getAppInfo', async () => ({ version: 1 }) as never);
    const result = (await invoke(ipcChannels.getAppInfo, fromApp)) as { ok: boolean };
    expect(result.ok).toBe(false);
    expect(log).toHaveBeenCalled();
  });

  it.each([
    ['a local file', 'file:///etc/passwd'],
    ['a Windows share', 'smb://fileserver/c$'],
    ['a custom protocol that starts a program', 'ms-msdt:/id PCWDiagnostic'],
    ['script', 'javascript:alert(1)'],
    ['a data URL', 'data:text/html,<script>alert(1)</script>'],
    ['something that is not a URL', 'not a url'],
    ['an endless URL', `https://example.fr/${'a'.repeat(3000)}`],
  ])('refuses to open %s, before the handler runs', async (_label, url) => {
    const { registrar, invoke } = fakeIpcMain();
    const handler = vi.fn(async () => true);
    createIpcHandle(registrar, [APP_ORIGIN])('openExternal', handler);
    const result = (await invoke(ipcChannels.openExternal, fromApp, url)) as { ok: boolean; error: string };
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/^renderer:open-external: argument 0: /);
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    'https://www.legifrance.gouv.fr/',
    'http://intranet.client.fr',
    'mailto:support@client.fr',
    'tel:+33123456789',
  ])('opens %s', async (url) => {
    const { registrar, invoke } = fakeIpcMain();
    const opened: string[] = [];
    createIpcHandle(registrar, [APP_ORIGIN])('openExternal', async (value) => {
      opened.push(value);
      return true;
    });
    await expect(invoke(ipcChannels.openExternal, fromApp, url)).resolves.toEqual({ ok: true, value: true });
    expect(opened).toEqual([url]);
  });
});
