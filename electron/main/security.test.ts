import { describe, expect, it, vi } from 'vitest';
import {
  APP_ORIGIN,
  contentSecurityPolicy,
  guardSession,
  guardWebContents,
  isAllowedNavigation,
  isPermissionAllowed,
  isSafeExternalUrl,
  openExternalUrl,
  type GuardedContents,
} from './security';

describe('external URLs', () => {
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'smb://attacker/share',
    'data:text/html,<script>alert(1)</script>',
    'app://cadran/index.html',
    'not a url',
    '',
  ])('refuses to open %s', async (url) => {
    const open = vi.fn(async () => {});
    expect(await openExternalUrl(url, open)).toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it('refuses values that are not strings', async () => {
    const open = vi.fn(async () => {});
    expect(await openExternalUrl({ toString: () => 'https://x.fr' }, open)).toBe(false);
    expect(await openExternalUrl(undefined, open)).toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it.each([
    'https://www.service-public.fr/',
    'http://intranet.client.fr/',
    'mailto:support@client.fr',
    'tel:+33123456789',
  ])('opens %s with the operating system', async (url) => {
    const open = vi.fn(async () => {});
    expect(await openExternalUrl(url, open)).toBe(true);
    expect(open).toHaveBeenCalledOnce();
  });

  it('accepts exactly the safe schemes', () => {
    expect(isSafeExternalUrl('https://example.org')).toBe(true);
    expect(isSafeExternalUrl('ftp://example.org')).toBe(false);
  });
});

describe('navigation', () => {
  const allowed = [APP_ORIGIN];

  it('allows the app origin only', () => {
    expect(isAllowedNavigation('app://cadran/index.html#/tickets', allowed)).toBe(true);
    expect(isAllowedNavigation('app://evil/index.html', allowed)).toBe(false);
    expect(isAllowedNavigation('https://cadran.example.com/', allowed)).toBe(false);
    expect(isAllowedNavigation('file:///home/user/index.html', allowed)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', allowed)).toBe(false);
    expect(isAllowedNavigation('app://cadran.evil.com/', allowed)).toBe(false);
  });

  it('prevents off-origin navigation and redirects, allows in-app ones', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
    const contents = {
      on: (event: string, listener: (event: { preventDefault(): void }, url: string) => void) =>
        listeners.set(event, listener),
      setWindowOpenHandler: (handler: (d: { url: string }) => { action: 'deny' }) => {
        openHandler = handler;
      },
    } as unknown as GuardedContents;
    const open = vi.fn(async () => {});
    guardWebContents(contents, allowed, open);

    const navigate = (event: string, url: string) => {
      const preventDefault = vi.fn();
      listeners.get(event)?.({ preventDefault }, url);
      return preventDefault.mock.calls.length > 0;
    };
    expect(navigate('will-navigate', 'https://phishing.example/')).toBe(true);
    expect(navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', 'app://cadran/index.html')).toBe(false);
    expect(navigate('will-attach-webview', '')).toBe(true);

    expect(openHandler?.({ url: 'https://docs.client.fr/' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith('https://docs.client.fr/');
  });
});

describe('permissions', () => {
  it('grants notifications and nothing else', () => {
    const granted: Record<string, boolean> = {};
    let check: ((c: unknown, p: string) => boolean) | undefined;
    guardSession({
      setPermissionRequestHandler: (handler) => {
        for (const p of ['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal']) {
          handler(null, p, (ok) => (granted[p] = ok));
        }
      },
      setPermissionCheckHandler: (handler) => {
        check = handler;
      },
    });
    expect(granted).toEqual({
      notifications: true,
      media: false,
      geolocation: false,
      'clipboard-read': false,
      openExternal: false,
    });
    expect(check?.(null, 'media')).toBe(false);
    expect(isPermissionAllowed('notifications')).toBe(true);
  });
});

describe('content security policy', () => {
  it('allows scripts from the app only and network to the sync server', () => {
    const csp = contentSecurityPolicy(['http://localhost:8787']);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("connect-src 'self' http://localhost:8787");
    expect(csp).toContain("object-src 'none'");
  });
});
