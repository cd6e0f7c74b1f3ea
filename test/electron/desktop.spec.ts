/**
 * The desktop shell itself, where Electron's binary exists (it cannot be downloaded on the
 * machines these suites usually run on: there the suite is skipped and the renderer is covered
 * by the browser suites, the main process by its unit tests).
 */
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary';

const binary = findElectronBinary(path.resolve('node_modules/electron'));
test.skip(binary === null, "Electron's binary is not installed here");

test('opens a sandboxed window on app:// with the preload bridge and nothing else', async () => {
  const app = await electron.launch({
    executablePath: binary ?? '',
    args: ['.'],
    env: { ...process.env, CADRAN_SERVER_URL: 'http://localhost:18787' },
  });
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle('Cadran');
    expect(window.url()).toMatch(/^app:\/\/cadran\//);
    const exposed = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((window as unknown as { cadran: object }).cadran).sort(),
    }));
    expect(exposed.require).toBe('undefined');
    expect(exposed.process).toBe('undefined');
    expect(exposed.bridge).toEqual(
      [
        'clearSession',
        'getAppInfo',
        'loadSession',
        'onTrayCommand',
        'openExternal',
        'printToPdf',
        'saveSession',
        'setTrayTimer',
        'showNotification',
      ].sort(),
    );
    const info = await window.evaluate(() =>
      (window as unknown as { cadran: { getAppInfo(): Promise<unknown> } }).cadran.getAppInfo(),
    );
    expect(info).toMatchObject({ ok: true, value: { shell: 'electron', serverUrl: 'http://localhost:18787' } });
    await expect(window.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  } finally {
    await app.close();
  }
});
