import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { seedDefaultLibrary } from '../src/core/library/default-library';
import { openLibrary } from '../src/core/library/library';
import { listFilms } from '../src/core/films/films';
import { listTracks } from '../src/core/tracks/tracks';
import { attachFile } from '../src/core/recordings/recordings';
import { withHost } from './host-process';
import { summarise, type Row } from './measure';
import { measureSpectrogram } from './spectrogram';
import { FRAME_MARK, traceFrameWork } from './frame-trace';
import type { PageWindow } from './page-globals';

/** What `wheelFrames` zooms and pans: the element under the wheel, and how far one zoom step turns it. */
export interface WheelRun {
  selector: string;
  zoomSteps: number;
  /** A zoom step's deltaY (the view's zoom is a power of it); a sideways scroll is always 120. */
  zoomDelta: number;
  scrolls: number;
  idle: boolean;
  /** A user-timing mark set in each animation frame, where a trace cuts the run into frames (`bench/frame-trace.ts`). */
  mark?: string;
}

/**
 * Runs in the page: one wheel event per animation frame on the element, zooming in a step at a time
 * from the whole to the closest zoom and back out, scrolling sideways `scrolls` frames at each zoom;
 * returns the time between frames while it does (a frame that took longer shows here). With `idle`,
 * no events: the same frames with nothing to do, the floor.
 */
export async function wheelFrames({ selector, zoomSteps, zoomDelta, scrolls, idle, mark }: WheelRun): Promise<number[]> {
  const { document, requestAnimationFrame, WheelEvent } = globalThis as unknown as PageWindow;
  const target = document.querySelector(selector)!;
  const box = target.getBoundingClientRect();
  const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true };
  const frames: number[] = [];
  const nextFrame = () =>
    new Promise<number>((resolve) =>
      requestAnimationFrame(() => {
        if (mark) performance.mark(mark);
        resolve(performance.now());
      })
    );
  let last = await nextFrame();
  const frame = async (deltaY: number, shiftKey: boolean) => {
    if (!idle) target.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY, shiftKey }));
    const now = await nextFrame();
    frames.push(now - last);
    last = now;
  };
  for (const direction of [-zoomDelta, zoomDelta]) {
    for (let step = 0; step < zoomSteps; step++) {
      await frame(direction, false);
      for (let s = 0; s < scrolls; s++) await frame(s < scrolls / 2 ? 120 : -120, true);
    }
  }
  return frames;
}

/** A recording of `minutes`, made with sox: a slow sweep with a tremolo, so every zoom has a shape to draw. */
function makeRecording(dir: string, minutes: number): string {
  const path = join(dir, `waveform-${minutes}min.flac`);
  const made = spawnSync(
    'sox',
    [
      '-R',
      '-n',
      '-r',
      '22050',
      '-c',
      '1',
      '-b',
      '16',
      path,
      'synth',
      String(minutes * 60),
      'sine',
      '110-880',
      'tremolo',
      '3',
      '60',
      'vol',
      '0.6'
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] }
  );
  if (made.status !== 0) throw new Error('sox could not make the waveform benchmark recording');
  return path;
}

/**
 * Zooming and scrolling the waveform of a long recording in Chromium: the frame time (p95) at every
 * zoom from the whole recording to one millisecond a pixel, against the same frames with nothing to
 * do; and what the renderer's heap holds afterwards (after a collection) beyond what it held before.
 */
export async function measureWaveformZoom(browser: () => Promise<Browser>, filmsDir: string, minutes: number): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'reelnotes-bench-waveform-'));
  try {
    const home = join(dir, 'home');
    const library = openLibrary({ home });
    seedDefaultLibrary(library, filmsDir);
    const trackId = listTracks(library.db, listFilms(library.db)[0].id)[0].id;
    const analysisStarted = performance.now();
    const recording = await attachFile(library, trackId, makeRecording(dir, minutes));
    const analysisMs = performance.now() - analysisStarted;
    library.close();
    // The browser is asked for once the recording is in: an hour's analysis takes a while.
    const chromium = await browser();
    return await withHost(home, async (host) => {
      const page = await chromium.newPage({ viewport: { width: 1440, height: 900 } });
      try {
        await page.goto(host.url);
        await page.locator('canvas[aria-label^="Waveform"]:not([data-peaks="0"])').waitFor();
        const cdp = await page.context().newCDPSession(page);
        const heap = async () => {
          await cdp.send('HeapProfiler.collectGarbage');
          return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6;
        };
        // Twelve steps of ×2 from an hour across ~860 px (about 4 s a pixel) reach the closest zoom.
        const zoomSteps = Math.ceil(Math.log2((minutes * 60_000) / 860)) + 1;
        const run = { selector: 'canvas[aria-label^="Waveform"]', zoomSteps, zoomDelta: 100, scrolls: 10, mark: FRAME_MARK };
        const idle = await traceFrameWork(cdp, () => page.evaluate(wheelFrames, { ...run, idle: true }));
        const before = await heap();
        const zoom = await traceFrameWork(cdp, () => page.evaluate(wheelFrames, { ...run, idle: false }));
        const growth = (await heap()) - before;
        const [floor, zooming] = [summarise(idle.result), summarise(zoom.result)];
        const [idleWork, zoomWork] = [summarise(idle.work), summarise(zoom.work)];
        const spectrogram = await measureSpectrogram(page, recording.id, minutes);
        const note = `${minutes}-minute recording (analysed in ${(analysisMs / 1000).toFixed(1)} s), ${zoomSteps} zoom steps in and out, 10 scrolls at each; floor: the same frames idle`;
        return [
          {
            // Frames come at the display's 60 Hz: even idle ones are 16.7 ms apart, a little more at the p95.
            measure: 'waveform zoom and scroll, time between frames p95',
            value: zooming.p95,
            floor: floor.p95,
            unit: 'ms',
            goal: 'as idle frames (+1 ms)',
            met: zooming.p95 <= floor.p95 + 1,
            note
          },
          {
            measure: 'waveform zoom and scroll, main-thread work a frame p95',
            value: zoomWork.p95,
            floor: idleWork.p95,
            unit: 'ms',
            goal: '<= 16 ms',
            met: zoomWork.p95 <= 16,
            note: `p50 ${zoomWork.p50.toFixed(1)} ms; floor: the idle frames' work, traced the same way`
          },
          {
            measure: 'waveform zoom and scroll, renderer heap growth',
            value: growth,
            floor: 0,
            unit: 'MB',
            goal: '<= 20 MB',
            met: growth <= 20
          },
          ...spectrogram
        ];
      } finally {
        await page.close();
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
