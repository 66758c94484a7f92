/**
 * The library code `scripts/bench-peaks.mjs` measures, bundled as the hosts bundle it: the analysis
 * of a recording, and the waveform of an attached recording read back through the contract.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDefaultLibrary } from '../src/core/library/default-library';
import { dispatch } from '../src/core/dispatch';
import { listFilms } from '../src/core/films/films';
import { listTracks } from '../src/core/tracks/tracks';
import { openLibrary } from '../src/core/library/library';
import { attachFile } from '../src/core/recordings/recordings';
import { baseSamplesPerBucket, OVERVIEW_BUCKETS, PeakAccumulator, peakPyramid } from '../src/core/recordings/peaks';

export { analyseRecording } from '../src/core/recordings/recording-analysis';

/**
 * Attaches the recording to a track of a fresh library, closes the library, opens it again (as the
 * app does on its next launch), lists the film's recordings (as the player does first) and times
 * `recordings.peaks`, the call the player's waveform makes, serialised as the browser host sends
 * it: the first call, then the median of `repeats` more.
 */
export async function timeCachedPeaks(
  path: string,
  filmsDir: string,
  repeats = 20
): Promise<{ firstMs: number; medianMs: number; buckets: number }> {
  const home = mkdtempSync(join(tmpdir(), 'reelnotes-bench-peaks-'));
  try {
    let library = openLibrary({ home });
    seedDefaultLibrary(library, filmsDir);
    const trackId = listTracks(library.db, listFilms(library.db)[0].id)[0].id;
    const { id: recordingId } = await attachFile(library, trackId, path);
    library.close();
    library = openLibrary({ home });
    await dispatch(library, 'recordings.list', { filmId: listFilms(library.db)[0].id });
    const once = async (): Promise<{ ms: number; buckets: number }> => {
      const started = performance.now();
      const outcome = await dispatch(library, 'recordings.peaks', { recordingId });
      JSON.stringify(outcome);
      const ms = performance.now() - started;
      if (!outcome.ok) throw new Error(outcome.error.message);
      return { ms, buckets: (outcome.result as { max: number[] }).max.length };
    };
    const first = await once();
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) times.push((await once()).ms);
    times.sort((a, b) => a - b);
    library.close();
    return { firstMs: first.ms, medianMs: times[Math.floor(times.length / 2)], buckets: first.buckets };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/**
 * What the pyramid itself costs, apart from decoding (which it does not change): summing `seconds` of
 * audio into 5 ms buckets and making the levels, against summing the same audio into the overview's
 * buckets only, as the analysis did before. One second of noise is pushed again and again, as a decoder
 * hands over its chunks; each side's best of `runs`, taking turns.
 */
export function timePyramidWork(
  seconds: number,
  sampleRate: number,
  channels: number,
  runs = 3
): { fineMs: number; overviewMs: number; levelsMs: number } {
  let seed = 7;
  const chunk = Array.from({ length: channels }, () =>
    Float32Array.from({ length: sampleRate }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 30 - 1) * 0.5)
  );
  const sum = (samplesPerBucket: number) => {
    const accumulator = new PeakAccumulator(samplesPerBucket);
    for (let s = 0; s < seconds; s++) accumulator.push(chunk);
    return accumulator.finish();
  };
  const fine: number[] = [];
  const overview: number[] = [];
  const levels: number[] = [];
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    const summary = sum(baseSamplesPerBucket(sampleRate));
    fine.push(performance.now() - started);
    started = performance.now();
    peakPyramid(summary);
    levels.push(performance.now() - started);
    started = performance.now();
    sum(Math.max(1, Math.ceil((seconds * sampleRate) / OVERVIEW_BUCKETS)));
    overview.push(performance.now() - started);
  }
  return { fineMs: Math.min(...fine), overviewMs: Math.min(...overview), levelsMs: Math.min(...levels) };
}
