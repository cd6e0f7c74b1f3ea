/**
 * Which Chromium the browser suites drive: CHROMIUM_PATH, then Debian's chromium, then Google
 * Chrome, then Playwright's own download. None found → one line saying how to get one.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CHROMIUM_PATH) {
    if (existsSync(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist`);
  }
  for (const candidate of CANDIDATES) if (existsSync(candidate)) return candidate;
  const bundled = chromium.executablePath();
  if (existsSync(bundled)) return bundled;
  throw new Error('No Chromium found: install one with "sudo apt-get install -y chromium" (or set CHROMIUM_PATH).');
}

/** Flags for a headless Chromium on a machine with a closed network and no GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  // Native date and time inputs follow the browser's language, not the page's.
  '--lang=fr-FR',
];

/**
 * On Linux, Chromium draws date and time inputs in the locale of its environment, and only
 * with its French resources installed (Debian's chromium-l10n, which .ci/run installs): without
 * them the inputs show month/day/year whatever is asked. Nothing else depends on it.
 */
export const CHROMIUM_ENV: Record<string, string> = {
  ...(process.env as Record<string, string>),
  LANG: 'fr_FR.UTF-8',
  LANGUAGE: 'fr',
  LC_ALL: 'fr_FR.UTF-8',
};
