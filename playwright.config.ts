import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './e2e/chromium';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: true,
  workers: 2,
  retries: 0,
  // Generous: the suite shares two cores with a Chromium per worker and a library host per test.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  projects: [
    {
      name: 'browser-host',
      testMatch: /web\/.*\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: findChromium(), args: chromiumArgs },
        viewport: { width: 1400, height: 860 },
        trace: 'retain-on-failure'
      }
    },
    {
      name: 'electron',
      testMatch: /electron\/.*\.spec\.ts$/
    }
  ]
});
