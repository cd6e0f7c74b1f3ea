/** Simulated devices for the sync suites: one browser context and harness page each. */
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { aClient, aContract } from '../fixtures/documents';
import { ADMIN, type ServerProcess } from './support/server-process';
import { createUser, login, push } from './support/api';

export const PASSWORD = 'device-password-123';

export type Device = {
  name: string;
  context: BrowserContext;
  page: Page;
  call<T>(fn: string, ...args: unknown[]): Promise<T>;
  offline(value: boolean): Promise<void>;
};

/** Calls `window.cadranDevice[fn](...args)` in the page. */
async function call<T>(page: Page, fn: string, args: unknown[]): Promise<T> {
  return page.evaluate(
    async ([name, params]) => {
      const device = (window as unknown as { cadranDevice: Record<string, (...a: unknown[]) => Promise<unknown>> })
        .cadranDevice;
      const method = device[name as string];
      if (!method) throw new Error(`no device method ${String(name)}`);
      return method(...(params as unknown[]));
    },
    [fn, args] as const,
  ) as Promise<T>;
}

/** A device's page loaded from `server`, not signed in yet (its own browser context). */
export async function openBlankDevice(browser: Browser, server: ServerProcess, name: string): Promise<Device> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${name}] ${error.message}`));
  await page.goto(server.url);
  await expect(page.locator('#status')).toHaveText('ready');
  return {
    name,
    context,
    page,
    call: (fn, ...args) => call(page, fn, args),
    offline: (value) => context.setOffline(value),
  };
}

/** A device signed in as `email`, its initial sync done. */
export async function openDevice(
  browser: Browser,
  server: ServerProcess,
  email: string,
  name = email,
): Promise<Device> {
  const device = await openBlankDevice(browser, server, name);
  await device.call('signIn', email, PASSWORD);
  await device.call('waitFor', '(s) => s.initialSyncDone');
  return device;
}

/** A server with an admin, `technicians` technicians and one client under contract. */
export async function seed(server: ServerProcess, technicians: number) {
  const admin = await login(server.url, ADMIN.email, ADMIN.password);
  const emails: string[] = [];
  for (let i = 1; i <= technicians; i++) {
    const email = `tech${i}@sync.test`;
    await createUser(server.url, admin.accessToken, {
      email,
      name: `Technicien ${i}`,
      role: 'technician',
      password: PASSWORD,
    });
    emails.push(email);
  }
  const client = aClient({ id: 'cl-sync' });
  const contract = aContract({ id: 'ct-sync', clientId: client.id, utBase: 16 });
  await push(server.url, admin.accessToken, 'clients', [client]);
  await push(server.url, admin.accessToken, 'contracts', [contract]);
  return { admin, emails, client, contract };
}

/** Waits until a device holds a document, e.g. a ticket another device created. */
export async function waitForDocument(device: Device, collection: string, id: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const snapshot = await device.call<Record<string, { id: string }[]>>('snapshot');
        return snapshot[collection]?.some((d) => d.id === id) ?? false;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
}
