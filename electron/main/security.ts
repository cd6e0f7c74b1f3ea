/**
 * Security guards of the desktop shell (Electron security checklist). Each guard is a plain
 * function over injected Electron objects, so the rules are unit-tested without the binary.
 *
 * The app is served from `app://cadran`; that origin is the only one a window may show, and the
 * only sender the IPC handlers answer.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'cadran';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Schemes the operating system may open for the user: web pages, e-mail, phone numbers. */
const EXTERNAL_SCHEMES = new Set(['https:', 'http:', 'mailto:', 'tel:']);

function parseUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length > 2048) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** Only http(s), mailto and tel leave the app; `javascript:`, `file:`, `smb:`… never do. */
export function isSafeExternalUrl(value: unknown): boolean {
  const url = parseUrl(value);
  return url !== null && EXTERNAL_SCHEMES.has(url.protocol);
}

/** Opens `value` with the OS when it is safe; answers whether it did. */
export async function openExternalUrl(value: unknown, open: (url: string) => Promise<void>): Promise<boolean> {
  if (!isSafeExternalUrl(value)) return false;
  await open(new URL(value as string).toString());
  return true;
}

/** A window may only ever show the app's own origin (in development, the Vite dev server's). */
export function isAllowedNavigation(value: unknown, allowedOrigins: readonly string[]): boolean {
  const url = parseUrl(value);
  if (!url) return false;
  // `new URL('app://cadran/x').origin` is "null" for non-special schemes: compare by parts.
  const origin = `${url.protocol}//${url.host}`;
  return allowedOrigins.includes(origin);
}

/** Permission requests are denied, except desktop notifications (SLA deadline warnings). */
export function isPermissionAllowed(permission: string): boolean {
  return permission === 'notifications';
}

type PreventableEvent = { preventDefault(): void };

/** The subset of `WebContents` the guards touch. */
export type GuardedContents = {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
};

/**
 * Denies off-origin navigation and redirects, every new window and every `<webview>`. A link to
 * a web page the user clicks (`target=_blank`) opens in their browser instead, if it is safe.
 */
export function guardWebContents(
  contents: GuardedContents,
  allowedOrigins: readonly string[],
  openExternal: (url: string) => Promise<void>,
): void {
  const denyOffOrigin = (event: PreventableEvent, url: string) => {
    if (!isAllowedNavigation(url, allowedOrigins)) event.preventDefault();
  };
  contents.on('will-navigate', denyOffOrigin);
  contents.on('will-redirect', denyOffOrigin);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalUrl(url, openExternal);
    return { action: 'deny' };
  });
}

/** The subset of `Session` the guards touch. */
export type GuardedSession = {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
};

export function guardSession(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}

/**
 * The Content-Security-Policy of every page the app serves. Scripts only from the app itself;
 * network only to the app and the sync server; no plugins, no framing, no base-URI tricks.
 * `serverOrigins` are the sync servers the renderer may call (http and matching SSE origin).
 */
export function contentSecurityPolicy(serverOrigins: readonly string[]): string {
  const connect = ["'self'", ...serverOrigins].join(' ');
  return [
    "default-src 'self'",
    // WebAssembly compilation only (the vault's Argon2id, hash-wasm); JavaScript eval stays refused.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
  ].join('; ');
}
