import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Property tests and the crash test do real work; the default 5 s is too tight on a busy machine.
    testTimeout: 30_000
  }
});
