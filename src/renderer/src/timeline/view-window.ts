import { MAX_FILM_TIME_MS } from '../../../shared/limits';
import type { WaveformView } from '../../../shared/waveform-view';

/**
 * Buckets in one stretch of a fetched window; a window is four stretches, a few views wide: wider would
 * refetch less often while panning, but send every view items far out of sight (`npm run bench -- --only timeline`).
 */
const STRETCH_BUCKETS = 1024;

/**
 * The range of film time to ask the library for at this view: buckets a power of two of milliseconds
 * no longer than a pixel, and from the stretch before the view's start to three stretches after it.
 * The answer changes only when a pan crosses a stretch or a zoom crosses a power of two, so panning
 * and zooming draw from the answer in hand and ask again rarely, never for the whole film's items.
 */
export function fetchWindow(view: WaveformView, durationMs: number): { fromMs: number; toMs: number; bucketMs: number } {
  const bucketMs = 2 ** Math.floor(Math.log2(Math.max(1, view.msPerPx)));
  const stretchMs = bucketMs * STRETCH_BUCKETS;
  const fromMs = Math.max(0, (Math.floor(view.startMs / stretchMs) - 1) * stretchMs);
  const toMs = Math.min(MAX_FILM_TIME_MS, fromMs + 4 * stretchMs, Math.max(fromMs + bucketMs, durationMs + bucketMs));
  return { fromMs, toMs, bucketMs };
}
