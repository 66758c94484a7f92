import { describe, expect, it } from 'vitest';
import {
  clampView,
  cueUnder,
  draggedCue,
  EDGE_GRAB_PX,
  levelFor,
  MIN_MS_PER_PX,
  rulerTicks,
  TILE_BUCKETS,
  tilesFor,
  viewOfRange,
  wholeView,
  zoomAround
} from '../../src/shared/waveform-view';

const HOUR = 3_600_000;

describe('the waveform view', () => {
  it('zooms around the pointer, from the whole recording down to one second across a thousand pixels, and no further', () => {
    const whole = wholeView(HOUR, 1000);
    expect(whole).toEqual({ startMs: 0, msPerPx: 3600 });
    const zoomed = zoomAround(whole, 1 / 4, 500, HOUR, 1000);
    // The moment under the pointer (30:00) stays under it.
    expect(zoomed.startMs + 500 * zoomed.msPerPx).toBeCloseTo(HOUR / 2, 6);
    expect(zoomed.msPerPx).toBe(900);
    let view = whole;
    for (let i = 0; i < 40; i++) view = zoomAround(view, 1 / 2, 0, HOUR, 1000);
    expect(view.msPerPx).toBe(MIN_MS_PER_PX);
    for (let i = 0; i < 40; i++) view = zoomAround(view, 2, 1000, HOUR, 1000);
    expect(view).toEqual(whole);
  });

  it('never scrolls before the start or past the end', () => {
    expect(clampView({ startMs: -5000, msPerPx: 10 }, 60_000, 1000)).toEqual({ startMs: 0, msPerPx: 10 });
    expect(clampView({ startMs: 58_000, msPerPx: 10 }, 60_000, 1000)).toEqual({ startMs: 50_000, msPerPx: 10 });
  });

  it('fits a cue or a loop in view with a margin either side', () => {
    const view = viewOfRange(10_000, 13_000, 720_000, 600);
    expect(view.startMs).toBeCloseTo(9_850, 6);
    expect(view.startMs + 600 * view.msPerPx).toBeCloseTo(13_150, 6);
  });

  it('draws from the coarsest level whose buckets are no longer than a pixel', () => {
    const levels = [0, 1, 2, 3].map((level) => ({ level, bucketMs: 5.8 * 4 ** level }));
    expect(levelFor(levels, 1)?.level).toBe(0);
    expect(levelFor(levels, 5.8)?.level).toBe(0);
    expect(levelFor(levels, 23.2)?.level).toBe(1);
    expect(levelFor(levels, 100)?.level).toBe(2);
    expect(levelFor(levels, 100_000)?.level).toBe(3);
    expect(levelFor([], 10)).toBeUndefined();
  });

  it('asks for the tiles the view covers, and none past the level', () => {
    const bucketMs = 5.8;
    expect(tilesFor({ startMs: 0, msPerPx: 1 }, 1000, bucketMs, 620_000)).toEqual([0]);
    const at = TILE_BUCKETS * bucketMs * 10.5;
    expect(tilesFor({ startMs: at, msPerPx: 10 }, 1000, bucketMs, 620_000)).toEqual([10, 11]);
    expect(tilesFor({ startMs: 3_590_000, msPerPx: 10 }, 1000, bucketMs, 620_000)).toEqual([Math.ceil(620_000 / TILE_BUCKETS) - 1]);
  });

  it('labels the ruler with round times that fit the zoom', () => {
    const wide = rulerTicks(wholeView(HOUR, 1000), 1000);
    expect(wide.stepMs).toBe(300_000);
    expect(wide.ticks.map((t) => t.label)).toEqual([
      '0:00',
      '5:00',
      '10:00',
      '15:00',
      '20:00',
      '25:00',
      '30:00',
      '35:00',
      '40:00',
      '45:00',
      '50:00',
      '55:00',
      '1:00:00'
    ]);
    // One second across 1000 px: ticks every 100 ms, labelled to the tenth.
    const close = rulerTicks({ startMs: 12_000, msPerPx: 1 }, 1000);
    expect(close.stepMs).toBe(100);
    expect(close.ticks.map((t) => t.label)).toEqual([
      '0:12.0',
      '0:12.1',
      '0:12.2',
      '0:12.3',
      '0:12.4',
      '0:12.5',
      '0:12.6',
      '0:12.7',
      '0:12.8',
      '0:12.9',
      '0:13.0'
    ]);
    expect(close.ticks[5].x).toBeCloseTo(500, 6);
    // Labels never closer than the gap asked for.
    for (const msPerPx of [1, 3, 7, 13, 50, 333, 1200, 3600]) {
      const { stepMs } = rulerTicks({ startMs: 0, msPerPx }, 1000);
      expect(stepMs / msPerPx, `${msPerPx} ms/px`).toBeGreaterThanOrEqual(72);
    }
  });
});

describe('cues on the waveform', () => {
  const cues = [
    { id: 1, startMs: 0, endMs: 8_000 },
    { id: 2, startMs: 8_000, endMs: 20_000 },
    { id: 3, startMs: 25_000, endMs: 25_000 }
  ];
  const view = { startMs: 0, msPerPx: 40 };

  it('are taken by an edge, by their label band, or (a marker) anywhere on it', () => {
    // 8 s is x = 200: the end of the first cue from its left, the start of the second from its right.
    expect(cueUnder(cues, view, 198, 80)).toMatchObject({ cue: { id: 1 }, part: 'end' });
    expect(cueUnder(cues, view, 202, 80)).toMatchObject({ cue: { id: 2 }, part: 'start' });
    expect(cueUnder(cues, view, 400, 80)).toBeNull();
    expect(cueUnder(cues, view, 400, 10)).toMatchObject({ cue: { id: 2 }, part: 'whole' });
    expect(cueUnder(cues, view, 626, 80)).toMatchObject({ cue: { id: 3 }, part: 'whole' });
    expect(cueUnder(cues, view, 200 + EDGE_GRAB_PX + 1, 80)).toBeNull();
  });

  it('never start before 0, end after the recording, or turn inside out, however far they are dragged', () => {
    const cue = { startMs: 8_000, endMs: 20_000 };
    expect(draggedCue(cue, 'start', -20_000, 40_000)).toEqual({ startMs: 0, endMs: 20_000 });
    expect(draggedCue(cue, 'start', 30_000, 40_000)).toEqual({ startMs: 20_000, endMs: 20_000 });
    expect(draggedCue(cue, 'end', 30_000, 40_000)).toEqual({ startMs: 8_000, endMs: 40_000 });
    expect(draggedCue(cue, 'end', -30_000, 40_000)).toEqual({ startMs: 8_000, endMs: 8_000 });
    expect(draggedCue(cue, 'whole', 1_234.4, 40_000)).toEqual({ startMs: 9_234, endMs: 21_234 });
    expect(draggedCue(cue, 'whole', 60_000, 40_000)).toEqual({ startMs: 28_000, endMs: 40_000 });
    expect(draggedCue(cue, 'whole', -60_000, 40_000)).toEqual({ startMs: 0, endMs: 12_000 });
  });
});
