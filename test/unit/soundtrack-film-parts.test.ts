import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAME_MS } from '../../src/core/soundtrack/constellation';
import { analysePart, joinParts, planParts } from '../../src/core/soundtrack/film-parts';
import type { FilmSoundSource } from '../../src/core/soundtrack/film-sound';
import { melody, writeWav } from '../soundtrack-signals';

const SECONDS = 30;
let dir: string;
let wav: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reelnotes-film-parts-'));
  wav = writeWav(join(dir, 'sound.wav'), melody(3, SECONDS, 48000), 48000);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The sound as a film's AAC track: stereo at 48 kHz, without noise substitution (PNS draws its noise from a generator that runs through the whole stream). */
function aacFilm(name: string): string {
  const path = join(dir, name);
  execFileSync('ffmpeg', [
    ...['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `color=c=black:size=64x36:rate=1:duration=${SECONDS}`, '-i', wav],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-aac_pns', '0', '-ac', '2', '-b:a', '128k', '-shortest', path]
  ]);
  return path;
}

describe('the film’s sound analysed in parts', () => {
  it('cuts a long sound in two at an even frame, and leaves a short one whole', () => {
    expect(planParts(10_000, 2)).toEqual([{ from: 0 }]);
    expect(planParts(SECONDS * 1000, 1)).toEqual([{ from: 0 }]);
    const [first, second] = planParts(SECONDS * 1000, 2);
    expect(first.from).toBe(0);
    expect(second.from).toBe(first.to);
    expect(second.to).toBeUndefined();
    expect((first.to as number) % 2).toBe(0);
    expect(Math.abs((first.to as number) - (SECONDS * 1000) / FRAME_MS / 2)).toBeLessThanOrEqual(2);
  });

  const sources: [string, () => FilmSoundSource][] = [
    ['the converted WAV', () => ({ kind: 'wav', path: wav })],
    ['AAC in MP4', () => ({ kind: 'track', path: aacFilm('film.mp4'), trackNumber: 1 })],
    ['AAC in Matroska (timestamps in milliseconds)', () => ({ kind: 'track', path: aacFilm('film.mkv'), trackNumber: 1 })]
  ];
  for (const [name, sourceOf] of sources) {
    it(`finds the same constellation in two parts as whole: ${name}`, async () => {
      const source = sourceOf();
      const whole = await analysePart(source, { from: 0 }, () => {});
      expect(whole.peaks.length).toBeGreaterThan(500);
      const plan = planParts(SECONDS * 1000, 2);
      const progress = plan.map(() => 0);
      const parts = await Promise.all(plan.map((part, i) => analysePart(source, part, (fraction) => (progress[i] = fraction))));
      expect(parts.every((part) => part.peaks.length > 0)).toBe(true);
      const joined = joinParts(parts);
      expect(joined.frames).toBe(whole.frames);
      expect(Array.from(joined.peaks)).toEqual(Array.from(whole.peaks));
      expect(progress.every((fraction) => fraction > 0.5)).toBe(true);
    });
  }
});
