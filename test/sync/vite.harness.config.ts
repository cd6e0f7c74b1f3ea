import { defineConfig } from 'vite';

// The sync suites' device page (test/sync/harness), built apart from the app into dist/harness
// and served by the sync server under test in place of the renderer.
export default defineConfig({
  root: 'test/sync/harness',
  base: '/',
  build: { outDir: '../../../dist/harness', emptyOutDir: true, target: 'es2022', sourcemap: true },
  logLevel: 'warn',
});
