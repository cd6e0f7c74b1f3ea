import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_ENV, findChromium } from './test/e2e/browser';

// The e2e suite drives the browser build served by the real sync server, started here on its
// own port with a fresh data directory and the demo data; the sync suites start their own
// servers (test/sync/support/server-process.ts).
const port = Number(process.env.E2E_PORT ?? 18787);
let executablePath: string;
try {
  executablePath = findChromium();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

export default defineConfig({
  testDir: 'test',
  testMatch: ['e2e/**/*.spec.ts', 'sync/**/*.spec.ts', 'electron/**/*.spec.ts'],
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1366, height: 820 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath, args: CHROMIUM_ARGS, env: CHROMIUM_ENV },
  },
  webServer: {
    command: 'node --import tsx server/main.ts --demo',
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'cadran-e2e-')),
      LOG_LEVEL: 'warn',
      // The demo server runs on its own PGlite directory, also where CI sets DATABASE_URL.
      DATABASE_URL: '',
    },
  },
});
