import type { Browser, Page } from '@playwright/test';

/** The label `wheelFrames` stamps on the page's trace at every frame it sees. */
export const FRAME_STAMP = 'reelnotes-frame';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { message?: string; frames?: { processId: number; url: string; isOutermostMainFrame?: boolean }[] } };
}

/**
 * Runs `frames` under a Chromium trace and returns, for each frame it stamped, the time the page's main thread
 * was busy making it: every task that began between that frame's stamp and the next (script, style, layout,
 * paint, the media's tasks). The time between frames cannot fall below the display's 16.7 ms, so that figure
 * says whether frames kept up; this one says whether each frame's work fits in one.
 */
export async function traceFrameWork(browser: Browser, page: Page, frames: () => Promise<unknown>): Promise<number[]> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] });
  const ran = await frames().then(
    () => null,
    (failure: unknown) => ({ failure })
  );
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  if (ran) throw ran.failure;
  return frameWork(trace.traceEvents, new URL(page.url()).origin);
}

function frameWork(events: TraceEvent[], origin: string): number[] {
  const pageFrame = events
    .flatMap((event) => (event.name === 'TracingStartedInBrowser' ? (event.args?.data?.frames ?? []) : []))
    .find((frame) => frame.isOutermostMainFrame !== false && frame.url.startsWith(origin));
  if (!pageFrame) throw new Error(`the trace holds no page of ${origin}`);
  const main = events.find(
    (event) => event.name === 'thread_name' && event.pid === pageFrame.processId && event.args?.name === 'CrRendererMain'
  );
  if (!main) throw new Error('the trace holds no main thread for the page');
  const onMain = events.filter((event) => event.pid === main.pid && event.tid === main.tid);
  const stamps = onMain
    .filter((event) => event.name === 'TimeStamp' && event.args?.data?.message === FRAME_STAMP)
    .map((event) => event.ts)
    .sort((a, b) => a - b);
  const tasks = onMain.filter((event) => event.name === 'RunTask' && event.ph === 'X');
  const work = stamps.slice(1).map(() => 0);
  for (const task of tasks) {
    // The frame a task belongs to: the last stamp at or before its start.
    let low = 0;
    let high = stamps.length - 1;
    if (task.ts < stamps[0] || task.ts >= stamps[high]) continue;
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if (stamps[middle] <= task.ts) low = middle;
      else high = middle;
    }
    work[low] += (task.dur ?? 0) / 1000;
  }
  return work;
}
