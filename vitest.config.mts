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
    // Property tests and the crash test do real work; the default 5 s is too tight on a busy machine.
    testTimeout: 30_000
  }
});
