import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ANALYSIS_RATE } from '../../src/core/soundtrack/constellation';
import { decodeFilmSound } from '../../src/core/soundtrack/film-sound';

const dir = mkdtempSync(join(tmpdir(), 'reelnotes-film-sound-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('reads the WAV of a converted soundtrack at the analysis rate in mono, to its last sample', async () => {
  // What the AC-3 conversion writes: 16-bit PCM at 48 kHz, here 5.1 seconds of a 500 Hz tone in stereo.
  const path = join(dir, 'converted.wav');
  execFileSync('sox', ['-R', '-n', '-r', '48000', '-c', '2', '-b', '16', path, 'synth', '5.1', 'sine', '500', 'vol', '0.5']);
  const pieces: Float32Array[] = [];
  let progress = 0;
  await decodeFilmSound(
    { kind: 'wav', path },
    (mono) => pieces.push(mono.slice()),
    (fraction) => (progress = fraction)
  );
  const sound = Float32Array.from(pieces.flatMap((piece) => [...piece]));
  expect(progress).toBe(1);
  expect(Math.abs(sound.length - 5.1 * ANALYSIS_RATE)).toBeLessThan(ANALYSIS_RATE * 0.01);
  // 500 Hz: a thousand rising and falling zero crossings a second, away from the edges.
  const middle = sound.subarray(ANALYSIS_RATE, 4 * ANALYSIS_RATE);
  let crossings = 0;
  for (let i = 1; i < middle.length; i++) if (middle[i - 1] < 0 !== middle[i] < 0) crossings++;
  expect(crossings / 3).toBeCloseTo(1000, -1);
});
