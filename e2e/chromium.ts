import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The Chromium the browser-host specs drive: CHROMIUM_PATH if set, else Debian's, else one that
 * Playwright has installed. We never download a browser: these machines cannot.
 */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', playwrightChromium()];
  const found = candidates.find((path): path is string => Boolean(path) && existsSync(path as string));
  if (!found) {
    throw new Error(
      "No Chromium found for the end-to-end tests. Install Debian's (apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary."
    );
  }
  return found;
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** Flags for a closed network: without them Chromium keeps trying to reach Google's services. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required'
];
