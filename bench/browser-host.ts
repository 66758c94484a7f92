import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, findChromium } from '../e2e/chromium';
import { summarise, type Row } from './measure';

async function startHost(home: string): Promise<{ url: string; process: ChildProcess }> {
  mkdirSync(home, { recursive: true });
  const child = spawn(process.execPath, [join(process.cwd(), 'out', 'main', 'web.js'), '--port', '0'], {
    env: { ...process.env, REELNOTES_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit']
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^Reelnotes at (\S+)$/.exec(line);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the browser host exited (${code})`)));
  });
  return { url, process: child };
}

/** Milliseconds from the start of navigation to the first scene row on screen, in the page's own clock. */
async function timeToSceneList(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  // Runs in the page; this module is type-checked for Node, so the page's document is reached through globalThis.
  // (A string predicate would need eval, which the app's CSP rightly refuses.)
  const shown = await page.waitForFunction(() => {
    const { document } = globalThis as unknown as { document: { querySelector(selector: string): unknown } };
    return document.querySelector('[role="option"]') ? performance.now() : false;
  }, null, {
    polling: 'raf',
    timeout: 60_000
  });
  return (await shown.jsonValue()) as number;
}

/**
 * The browser host in Chromium: how long a person waits for the scene list, with the default
 * library and with the large one.
 */
export async function measureBrowserHost(largeHome: string, defaultHome: string, scale: number): Promise<Row[]> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  const rows: Row[] = [];
  try {
    for (const [label, home, goal] of [
      ['default library', defaultHome, 400],
      [scale === 1 ? 'large library' : 'large library (quick size)', largeHome, 600]
    ] as const) {
      const host = await startHost(home);
      try {
        const page = await browser.newPage();
        const samples: number[] = [];
        await timeToSceneList(page, host.url);
        for (let i = 0; i < 5; i++) samples.push(await timeToSceneList(page, host.url));
        const timing = summarise(samples);
        rows.push({ measure: `navigation to scene list, ${label} (p50)`, value: timing.p50, unit: 'ms', goal: `<= ${goal} ms`, met: timing.p50 <= goal });
        await page.close();
      } finally {
        host.process.kill('SIGTERM');
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}
