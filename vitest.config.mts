import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { modulePathPlugin } from './scripts/module-path-plugin.mjs';

export default defineConfig({
  // The decoding threads run a bundled file, as in the app (electron-vite's `?modulePath`).
  plugins: [modulePathPlugin(join(import.meta.dirname, '.tmp', 'vitest-modules'))],
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Property tests, the crash test and the icon build do real work; the defaults (5 s per test,
    // 10 s per hook) are too tight on a busy two-core machine.
    testTimeout: 30_000,
    hookTimeout: 120_000
  }
});
