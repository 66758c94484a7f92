import type { Browser, CDPSession } from '@playwright/test';
import type { BenchHost } from './host-process';
import type { Row } from './measure';
import type { PageWindow } from './page-globals';

/** The JS heap in use after a full garbage collection: what the page holds on to. */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
}

interface ScrollOutcome {
  total: number;
  steps: number;
  /** The most rows the list had in the DOM at any step. */
  mostRows: number;
}

/**
 * Runs in the page: scrolls the all-annotations list from its top to its last row by `rowsPerStep`
 * rows at a time, and at each step waits (frame by frame, on the DOM itself) until the row at the
 * top of the view is drawn with its note, then counts the rows in the DOM.
 */
async function scrollEndToEnd(rowsPerStep: number): Promise<ScrollOutcome> {
  const { document, requestAnimationFrame } = globalThis as unknown as PageWindow;
  const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  const list = document.querySelector('[role="listbox"][aria-labelledby="all-notes-heading"]')!;
  const firstRow = list.querySelector('[role="option"]')!;
  const total = Number(firstRow.getAttribute('aria-setsize'));
  const rowHeight = firstRow.offsetHeight;
  // A row still waiting for its page says "Loading…".
  const drawn = (index: number) => {
    const row = document.getElementById(`all-note-${index}`);
    return row !== null && row.textContent !== 'Loading…';
  };
  let steps = 0;
  let mostRows = 0;
  for (;;) {
    list.scrollTop += rowsPerStep * rowHeight;
    const top = Math.floor(list.scrollTop / rowHeight);
    const deadline = performance.now() + 30_000;
    while (!drawn(top)) {
      if (performance.now() > deadline) throw new Error(`row ${top} of ${total} was never drawn`);
      await nextFrame();
    }
    steps++;
    mostRows = Math.max(mostRows, list.querySelectorAll('[role="option"]').length);
    if (drawn(total - 1)) return { total, steps, mostRows };
  }
}

/**
 * The all-annotations list of the film holding every note: how many rows it keeps in the DOM (a
 * virtualised list keeps a small constant number) and the JS heap before and after scrolling it
 * from top to bottom (the heap before is its floor: a list that let go of what scrolled away
 * would come back to it).
 */
export async function measureAnnotationList(browser: Browser, host: BenchHost): Promise<Row[]> {
  const page = await browser.newPage();
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(host.url);
    await page.getByRole('tab', { name: 'All annotations' }).click();
    const list = page.getByRole('listbox', { name: /All annotations/ });
    // A row is drawn once its page of notes has arrived; until then it reads "Loading…".
    await list.getByRole('option').filter({ hasNotText: 'Loading…' }).first().waitFor({ timeout: 60_000 });
    const rowsAtTop = await list.getByRole('option').count();
    const before = await heapAfterGc(cdp);
    const started = performance.now();
    // 100 rows a step: every page of notes the list fetches is drawn on the way down.
    const scroll = await page.evaluate(scrollEndToEnd, 100);
    const seconds = (performance.now() - started) / 1000;
    const after = await heapAfterGc(cdp);
    const mb = (bytes: number) => bytes / 1024 / 1024;
    const label = `${scroll.total.toLocaleString('en')}-note list`;
    return [
      {
        measure: `DOM rows in the ${label} (most while scrolling)`,
        value: Math.max(rowsAtTop, scroll.mostRows),
        unit: 'rows',
        goal: '<= 100',
        met: Math.max(rowsAtTop, scroll.mostRows) <= 100,
        note: `${rowsAtTop} rows at the top; scrolled to row ${scroll.total} in ${scroll.steps} steps, ${seconds.toFixed(1)} s`
      },
      { measure: `JS heap after scrolling the ${label} (floor: before)`, value: mb(after), floor: mb(before), unit: 'MB' }
    ];
  } finally {
    await page.close();
  }
}
