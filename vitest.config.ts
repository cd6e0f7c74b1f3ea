import { defineConfig } from 'vitest/config';

// Unit tests sit next to the code; cross-process suites (server integration) live in test/.
// Playwright suites (test/e2e, test/sync) run under `playwright test`, not here.
export default defineConfig({
  test: {
    include: ['{shared,renderer,electron,server,scripts}/**/*.test.{ts,tsx}', 'test/server/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
