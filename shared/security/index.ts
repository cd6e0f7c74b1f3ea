/**
 * Security rules that hold wherever the app runs — the desktop shell (electron/main), the
 * browser build and the sync server that serves it: the pages' Content-Security-Policy, and
 * which URLs may leave the app for the operating system.
 */
import { z } from 'zod';

/**
 * The Content-Security-Policy of every page of the app: the desktop shell's app:// protocol and
 * the server's browser build. Scripts only from the app itself; network only to the app and the
 * sync servers (`connectSources`); no plugins, no frames either way, no base-URI or form tricks.
 */
export function appContentSecurityPolicy(connectSources: readonly string[]): string {
  return [
    "default-src 'self'",
    // WebAssembly compilation only (the vault's Argon2id, hash-wasm); JavaScript eval stays refused.
    "script-src 'self' 'wasm-unsafe-eval'",
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

/** Schemes the operating system may open for the user: web pages, e-mail, phone numbers. */
export const EXTERNAL_URL_SCHEMES: readonly string[] = ['https', 'http', 'mailto', 'tel'];

/** Longest URL handed to the operating system. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

const externalUrl = z
  .string()
  .max(MAX_EXTERNAL_URL_LENGTH)
  .pipe(z.url({ protocol: new RegExp(`^(${EXTERNAL_URL_SCHEMES.join('|')})$`) }));

/**
 * Only http(s), mailto and tel leave the app: `javascript:`, `file:`, `smb:` and custom
 * protocols (which start other programs) never do. The same rule for links the window opens,
 * the desktop API's `openExternal` and the browser build.
 */
export function isSafeExternalUrl(value: unknown): boolean {
  return externalUrl.safeParse(value).success;
}
