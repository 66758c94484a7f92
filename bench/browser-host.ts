import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, findChromium } from '../e2e/chromium';
import { measureAnnotationList } from './annotation-list';
import { join } from 'node:path';
import { measureCueLatency } from './cue-latency';
import { makeStandIns, withHost, type BenchHost } from './host-process';
import { summarise, type Row } from './measure';
import { oneFilmCopy } from './one-film-library';
import type { PageWindow } from './page-globals';
import { measureWaveformZoom } from './waveform-zoom';

/**
 * Milliseconds from the start of navigation to the first scene row on screen, in the page's own clock,
 * and to the end of the page's HTML arriving: what the browser and the host take before the app's own
 * code can do anything, the floor of the first figure.
 */
async function timeToSceneList(page: Page, url: string): Promise<{ sceneList: number; html: number }> {
  await page.goto(url, { waitUntil: 'commit' });
  // A function, not a string: a string predicate would need eval, which the app's CSP rightly refuses.
  const shown = await page.waitForFunction(
    () => ((globalThis as unknown as PageWindow).document.querySelector('[role="option"]') ? performance.now() : false),
    null,
    { polling: 'raf', timeout: 60_000 }
  );
  const html = await page.evaluate(() => (globalThis as unknown as PageWindow).performance.getEntriesByType('navigation')[0].responseEnd);
  return { sceneList: (await shown.jsonValue()) as number, html };
}

export async function navigationRow(browser: Browser, host: BenchHost, label: string, goal: number): Promise<Row> {
  const page = await browser.newPage();
  try {
    // The first visit fetches the scripts; the runs that count come back to the page, as a person
    // opening Reelnotes again does, with the scripts in the browser's cache.
    const first = await timeToSceneList(page, host.url);
    const samples: { sceneList: number; html: number }[] = [];
    for (let i = 0; i < 5; i++) samples.push(await timeToSceneList(page, host.url));
    const timing = summarise(samples.map((s) => s.sceneList));
    return {
      measure: `navigation to scene list, ${label} (p50; floor: its HTML received)`,
      value: timing.p50,
      floor: summarise(samples.map((s) => s.html)).p50,
      unit: 'ms',
      goal: `<= ${goal} ms`,
      met: timing.p50 <= goal,
      note: `first visit ${first.sceneList.toFixed(0)} ms, then ${samples.map((s) => s.sceneList.toFixed(0)).join(', ')} ms`
    };
  } finally {
    await page.close();
  }
}

/** Only the first screen: the scene list of the default library (`npm run bench -- --only first-screen`). */
export async function measureFirstScreen(defaultHome: string): Promise<Row[]> {
  makeStandIns();
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  try {
    return [await withHost(defaultHome, (host) => navigationRow(browser, host, 'default library', 400))];
  } finally {
    await browser.close();
  }
}

/** Only a cue's play latency in the default library, against a bare audio element (`npm run bench -- --only cue-latency`). */
export async function measureCuePlay(defaultHome: string): Promise<Row[]> {
  makeStandIns();
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  try {
    return await withHost(defaultHome, (host) => measureCueLatency(browser, host));
  } finally {
    await browser.close();
  }
}

/**
 * The browser host in Chromium: how long a person waits for the scene list with the default library
 * and with the large one, what the 100,000-note list keeps in the DOM and the heap, how soon a
 * cue plays when asked, and how smoothly the waveform of a long recording zooms and scrolls.
 */
export async function measureBrowserHost(largeHome: string, defaultHome: string, scale: number): Promise<Row[]> {
  makeStandIns();
  const oneFilmHome = `${largeHome}-one-film`;
  oneFilmCopy(largeHome, oneFilmHome);
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  const large = scale === 1 ? 'large library' : 'large library (quick size)';
  try {
    return [
      await withHost(defaultHome, (host) => navigationRow(browser, host, 'default library', 400)),
      await withHost(largeHome, (host) => navigationRow(browser, host, large, 600)),
      ...(await withHost(oneFilmHome, (host) => measureAnnotationList(browser, host))),
      ...(await withHost(defaultHome, (host) => measureCueLatency(browser, host))),
      ...(await measureWaveformZoom(() => Promise.resolve(browser), FILMS_DIR, waveformMinutes(scale)))
    ];
  } finally {
    await browser.close();
  }
}

const FILMS_DIR = join(process.cwd(), 'resources', 'films');
/** The hour-long recording; five minutes in the quick run. */
const waveformMinutes = (scale: number) => (scale === 1 ? 60 : 5);

/** The waveform's zoom alone (`npm run bench -- --only waveform`), in a browser of its own. */
export async function measureWaveform(scale: number): Promise<Row[]> {
  let browser: Browser | undefined;
  try {
    return await measureWaveformZoom(
      async () => (browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })),
      FILMS_DIR,
      waveformMinutes(scale)
    );
  } finally {
    await browser?.close();
  }
}
