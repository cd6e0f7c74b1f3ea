/**
 * The Content-Security-Policy of every page of the app, wherever it is served: the desktop
 * shell's app:// protocol (electron/main/security.ts) and the sync server's browser build
 * (server/app.ts). Scripts only from the app itself; network only to the app and the sync
 * servers; no plugins, no frames either way, no base-URI or form tricks.
 */
export function appContentSecurityPolicy(connectSources: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connectSources].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
  ].join('; ');
}
