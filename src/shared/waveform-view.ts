import type { PeakLevelInfo } from './score';

/** What the waveform shows: from `startMs`, `msPerPx` milliseconds of the recording in each CSS pixel. */
export interface WaveformView {
  startMs: number;
  msPerPx: number;
}

/** The closest zoom: one second across a waveform a thousand pixels wide. */
export const MIN_MS_PER_PX = 1;
/** Each zoom step (a key press, a button, a notch of the wheel) doubles or halves the time in view. */
export const ZOOM_STEP = 2;

/** The whole recording across the width. */
export function wholeView(durationMs: number, widthPx: number): WaveformView {
  return { startMs: 0, msPerPx: Math.max(MIN_MS_PER_PX, durationMs / Math.max(1, widthPx)) };
}

/** Held inside the recording: never zoomed out past the whole of it nor in past the closest zoom, never scrolled past either end. */
export function clampView(view: WaveformView, durationMs: number, widthPx: number): WaveformView {
  const whole = wholeView(durationMs, widthPx).msPerPx;
  const msPerPx = Math.min(whole, Math.max(MIN_MS_PER_PX, view.msPerPx));
  const spanMs = msPerPx * widthPx;
  const startMs = Math.max(0, Math.min(view.startMs, durationMs - spanMs));
  return { startMs, msPerPx };
}

/** Zoomed by `factor` (above 1 shows more time) keeping the moment at `anchorPx` where it is on screen. */
export function zoomAround(view: WaveformView, factor: number, anchorPx: number, durationMs: number, widthPx: number): WaveformView {
  const anchorMs = view.startMs + anchorPx * view.msPerPx;
  const msPerPx = view.msPerPx * factor;
  return clampView({ startMs: anchorMs - anchorPx * msPerPx, msPerPx }, durationMs, widthPx);
}

/** A range (a cue, the loop) filling the view, with a little room either side. */
export function viewOfRange(startMs: number, endMs: number, durationMs: number, widthPx: number): WaveformView {
  const spanMs = Math.max(endMs - startMs, MIN_MS_PER_PX * widthPx * 0.9);
  const margin = spanMs * 0.05;
  return clampView({ startMs: startMs - margin, msPerPx: (spanMs + 2 * margin) / Math.max(1, widthPx) }, durationMs, widthPx);
}

/**
 * The level to draw at this zoom: the coarsest whose buckets are no longer than a pixel (so a pixel
 * takes the extremes of one to four buckets), or the finest when even its buckets are longer.
 * `levels` come finest first.
 */
export function levelFor<L extends Pick<PeakLevelInfo, 'bucketMs'>>(levels: readonly L[], msPerPx: number): L | undefined {
  let chosen = levels[0];
  for (const level of levels) if (level.bucketMs <= msPerPx) chosen = level;
  return chosen;
}

/** Buckets asked for at a time: a tile of the level, the unit the renderer fetches, keeps while drawn, and lets go. */
export const TILE_BUCKETS = 2048;

/** The tiles of a level that the view covers. */
export function tilesFor(view: WaveformView, widthPx: number, bucketMs: number, buckets: number): number[] {
  const first = Math.max(0, Math.floor(view.startMs / bucketMs / TILE_BUCKETS));
  const last = Math.min(
    Math.ceil(buckets / TILE_BUCKETS) - 1,
    Math.floor((view.startMs + widthPx * view.msPerPx) / bucketMs / TILE_BUCKETS)
  );
  const tiles: number[] = [];
  for (let tile = first; tile <= last; tile++) tiles.push(tile);
  return tiles;
}

/** Ruler steps: each label is a round time, and labels stand at least `minGapPx` apart. */
const RULER_STEPS_MS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000
];

export interface RulerTick {
  atMs: number;
  /** Where it stands, in CSS pixels from the waveform's left. */
  x: number;
  label: string;
}

/**
 * The ruler's ticks for the view: the smallest round step that keeps labels apart, each labelled as
 * precisely as the step needs (0:12, 0:12.5, 0:12.250).
 */
export function rulerTicks(view: WaveformView, widthPx: number, minGapPx = 72): { stepMs: number; ticks: RulerTick[] } {
  const stepMs = RULER_STEPS_MS.find((step) => step / view.msPerPx >= minGapPx) ?? RULER_STEPS_MS[RULER_STEPS_MS.length - 1];
  const decimals = stepMs >= 1000 ? 0 : stepMs >= 100 ? 1 : stepMs >= 10 ? 2 : 3;
  const ticks: RulerTick[] = [];
  const endMs = view.startMs + widthPx * view.msPerPx;
  for (let atMs = Math.ceil(view.startMs / stepMs) * stepMs; atMs <= endMs; atMs += stepMs) {
    ticks.push({ atMs, x: (atMs - view.startMs) / view.msPerPx, label: rulerLabel(atMs, decimals) });
  }
  return { stepMs, ticks };
}

function rulerLabel(ms: number, decimals: number): string {
  const totalSeconds = ms / 1000;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const secondsText = seconds.toFixed(decimals).padStart(decimals > 0 ? 3 + decimals : 2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secondsText}` : `${minutes}:${secondsText}`;
}

/** Which part of a cue a pointer takes hold of: an edge, or the whole cue (by its label band, or a marker anywhere). */
export type CuePart = 'start' | 'end' | 'whole';

/** An edge within this many pixels is grabbed rather than the waveform under it. */
export const EDGE_GRAB_PX = 5;
/** The band along the top where cue labels are drawn: holding a cue there moves all of it. */
export const LABEL_BAND_PX = 16;

/**
 * The cue and part under the pointer at (`px`, `py`) in the waveform, if any. Where one cue ends and
 * the next begins, the side of the edge the pointer is on decides which cue's edge it takes.
 */
export function cueUnder<C extends { startMs: number; endMs: number }>(
  cues: readonly C[],
  view: WaveformView,
  px: number,
  py: number
): { cue: C; part: CuePart } | null {
  const x = (ms: number) => (ms - view.startMs) / view.msPerPx;
  let best: { cue: C; part: CuePart; score: number } | null = null;
  for (const cue of cues) {
    const marker = cue.endMs <= cue.startMs;
    const edges: [CuePart, number, boolean][] = marker
      ? [['whole', x(cue.startMs), true]]
      : [
          ['start', x(cue.startMs), px >= x(cue.startMs)],
          ['end', x(cue.endMs), px <= x(cue.endMs)]
        ];
    for (const [part, at, inside] of edges) {
      const distance = Math.abs(px - at);
      const score = distance + (inside ? 0 : 0.5);
      if (distance <= EDGE_GRAB_PX && (!best || score < best.score)) best = { cue, part, score };
    }
  }
  if (best) return { cue: best.cue, part: best.part };
  if (py > LABEL_BAND_PX) return null;
  const holding = cues.find((cue) => cue.endMs > cue.startMs && px >= x(cue.startMs) && px <= x(cue.endMs));
  return holding ? { cue: holding, part: 'whole' } : null;
}

/**
 * A cue's times after dragging `part` by `deltaMs`, held to the recording: it never starts before 0
 * nor ends after `durationMs`, an edge never passes the other, and a cue moved whole keeps its length.
 */
export function draggedCue(
  cue: { startMs: number; endMs: number },
  part: CuePart,
  deltaMs: number,
  durationMs: number
): { startMs: number; endMs: number } {
  const round = Math.round;
  if (part === 'start') return { startMs: round(Math.max(0, Math.min(cue.endMs, cue.startMs + deltaMs))), endMs: cue.endMs };
  if (part === 'end') return { startMs: cue.startMs, endMs: round(Math.min(durationMs, Math.max(cue.startMs, cue.endMs + deltaMs))) };
  const length = cue.endMs - cue.startMs;
  const startMs = round(Math.max(0, Math.min(durationMs - length, cue.startMs + deltaMs)));
  return { startMs, endMs: startMs + length };
}
