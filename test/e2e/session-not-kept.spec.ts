/**
 * The desktop shell on Linux without a keyring keeps no session on disk
 * (electron/main/session-store.ts) and answers `saveSession` with false. Electron's binary is
 * absent here, so the page gets a stand-in bridge answering as the shell then does, and the real
 * app must say on screen that the user will sign in again next time.
 */
import { expect, test } from '@playwright/test';
import { screenshot, signIn } from './support/session';

test('says the session is not kept when the desktop shell has no keyring', async ({ page }) => {
  await page.addInitScript(() => {
    const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
    (window as unknown as { cadran: unknown }).cadran = {
      getAppInfo: () =>
        ok({ version: 'test', platform: 'linux', shell: 'electron', serverUrl: window.location.origin }),
      openExternal: () => ok(true),
      printToPdf: () => ok({ saved: false }),
      showNotification: () => ok(false),
      loadSession: () => ok(null),
      saveSession: () => ok(false),
      clearSession: () => ok(true),
      setTrayTimer: () => ok(true),
      onTrayCommand: () => () => undefined,
      writeClipboard: () => ok(true),
      onPowerEvent: () => () => undefined,
    };
  });
  await signIn(page, 'technician');
  const notice = page.getByRole('alert').filter({ hasText: 'Votre session n’est pas conservée sur cet appareil' });
  await expect(notice).toContainText('GNOME Keyring ou KWallet');
  await screenshot(page, 'session-not-kept');
  await notice.getByRole('button', { name: 'Compris' }).click();
  await expect(notice).toHaveCount(0);
});

test('says nothing when the session is kept', async ({ page }) => {
  await signIn(page, 'technician');
  await expect(page.getByText('Votre session n’est pas conservée')).toHaveCount(0);
});
