import type { Page } from '@playwright/test';
import { summarise, type Row } from './measure';

interface ViewTiming {
  /** From the page asking for the view's spectrogram to the first frame after it is drawn. */
  drawnMs: number;
  decodeMs: number;
  transformMs: number;
  /** The same page asking the host for one tile of the waveform: the round trip of any answer, the floor. */
  floorMs: number;
}

/**
 * Runs in the page, on the score with the hour-long recording: zooms the waveform to a 10-second view,
 * turns Notes on, then moves the view a whole width at a time `views` times; for each view, the time
 * from the spectrogram's request leaving the page to the frame after the picture shows that view, with
 * the library's own decode and transform times from the answer; and the round trip of one waveform tile
 * of the same stretch, asked by the page right after.
 */
async function spectrogramViews({ views, recordingId }: { views: number; recordingId: number }): Promise<ViewTiming[]> {
  interface Element {
    textContent: string | null;
    getAttribute(name: string): string | null;
    dispatchEvent(event: object): boolean;
    getBoundingClientRect(): { left: number; top: number; width: number; height: number };
    click(): void;
  }
  type Fetch = (url: string, init?: { headers?: unknown }) => Promise<{ clone(): { json(): Promise<unknown> } }>;
  const page = globalThis as unknown as {
    document: { querySelector(selector: string): Element | null; querySelectorAll(selector: string): Iterable<Element> };
    requestAnimationFrame(callback: () => void): number;
    WheelEvent: new (type: 'wheel', init: Record<string, unknown>) => object;
    fetch: Fetch;
  };
  const nextFrame = () => new Promise<number>((resolve) => page.requestAnimationFrame(() => resolve(performance.now())));
  const waveform = page.document.querySelector('canvas[aria-label^="Waveform"]')!;
  const box = waveform.getBoundingClientRect();
  const wheel = (deltaY: number, shiftKey: boolean) =>
    waveform.dispatchEvent(
      new page.WheelEvent('wheel', {
        deltaY,
        shiftKey,
        clientX: box.left + box.width / 2,
        clientY: box.top + box.height / 2,
        bubbles: true,
        cancelable: true
      })
    );
  const span = () => Number(waveform.getAttribute('data-span-ms'));
  // One wheel event of the right size: the zoom is 2× for each 100 of it, around the middle.
  wheel(100 * Math.log2(10_000 / span()), false);
  while (Math.abs(span() - 10_000) > 50) await nextFrame();

  // Every spectrogram request, as it leaves and as its answer comes.
  const asked: { at: number; headers: unknown; answer: Promise<{ decodeMs: number; transformMs: number }> }[] = [];
  const fetch = page.fetch;
  page.fetch = (url, init) => {
    const response = fetch(url, init);
    if (url.includes('recordings.spectrogram')) {
      const answer = response
        .then((r) => r.clone().json())
        .then((body) => (body as { result: { decodeMs: number; transformMs: number } }).result);
      asked.push({ at: performance.now(), headers: init?.headers, answer });
    }
    return response;
  };
  const spectrogram = () => page.document.querySelector('canvas[aria-label^="Spectrogram"]');
  if (!spectrogram()) [...page.document.querySelectorAll('button')].find((b) => b.textContent === 'Notes')!.click();

  const timings: ViewTiming[] = [];
  try {
    for (let view = 0; view <= views; view++) {
      if (view > 0) wheel(box.width, true);
      await nextFrame();
      const from = String(Math.max(0, Math.floor(Number(waveform.getAttribute('data-start-ms')))));
      const ready = () => spectrogram()?.getAttribute('data-state') === 'ready' && spectrogram()?.getAttribute('data-from-ms') === from;
      while (!ready()) await nextFrame();
      const drawnAt = await nextFrame();
      const request = asked[asked.length - 1];
      const { decodeMs, transformMs } = await request.answer;
      const tileAsked = performance.now();
      const tile = { recordingId, level: 0, fromBucket: Math.floor(Number(from) / 12), count: 1024 };
      await fetch('/api/recordings.peakRange', { method: 'POST', headers: request.headers, body: JSON.stringify(tile) } as never).then(
        (r) => r.clone().json()
      );
      const floorMs = (await nextFrame()) - tileAsked;
      timings.push({ drawnMs: drawnAt - request.at, decodeMs, transformMs, floorMs });
    }
  } finally {
    page.fetch = fetch;
  }
  return timings;
}

/** The spectrogram of a 10-second view of the recording, asked to drawn, with its decode and transform parts. */
export async function measureSpectrogram(page: Page, recordingId: number, minutes: number): Promise<Row[]> {
  const [first, ...rest] = await page.evaluate(spectrogramViews, { views: 10, recordingId });
  const drawn = summarise(rest.map((t) => t.drawnMs));
  const decode = summarise(rest.map((t) => t.decodeMs));
  const transform = summarise(rest.map((t) => t.transformMs));
  const floor = summarise(rest.map((t) => t.floorMs));
  return [
    {
      measure: 'spectrogram of a 10-second view, asked to drawn, p95',
      value: drawn.p95,
      floor: floor.p95,
      unit: 'ms',
      goal: '<= 150 ms',
      met: drawn.p95 <= 150,
      note: `${minutes}-minute recording, ${rest.length} views a width apart (p50 ${drawn.p50.toFixed(1)} ms); the first, with the decoding thread to start: ${first.drawnMs.toFixed(1)} ms; floor: one waveform tile asked by the same page`
    },
    {
      measure: 'spectrogram, decode part (p50)',
      value: decode.p50,
      unit: 'ms',
      note: `p95 ${decode.p95.toFixed(1)} ms: planning the stretch and decoding it, in the library`
    },
    {
      measure: 'spectrogram, transform part (p50)',
      value: transform.p50,
      unit: 'ms',
      note: `p95 ${transform.p95.toFixed(1)} ms: windows and FFT, on the decoding thread`
    }
  ];
}
