import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { ReelnotesError } from '../../shared/errors';
import type { SoundtrackAnalysis } from '../../shared/soundtrack';
import { notFound } from '../errors';
import { uploadsInProgress } from '../library/incoming';
import { assertWritable, type Library } from '../library/library';
import { filmVideoRow } from '../video/video';
import type { FilmAudioTrack } from '../../shared/video';
import { FRAME_MS } from './constellation';
import { indexFilm, type FilmIndex } from './find-cue';
import type { FilmSoundSource } from './film-sound';
import { joinParts, planParts, type PartFeatures } from './film-parts';
import type { AnalysisPart, FromAnalysis } from './analysis-worker';
import workerPath from './analysis-worker?modulePath';

/** The features' format: a library analysed by another version is analysed again. */
export const FEATURES_VERSION = 1;

interface Job {
  status: SoundtrackAnalysis;
  workers: Worker[];
  finished: Promise<void>;
}

/** Threads one analysis runs on at most: two halves of the film side by side. */
const PARTS = 2;

const jobsOf = uploadsInProgress<Job>();

/** Tracks the analysis decodes without a conversion. */
const decodable = new Set(['aac', 'ac3', 'eac3']);

interface Chosen {
  source: FilmSoundSource;
  sound: string;
  fingerprint: string;
  /** The sound can be read from any point: a WAV, or AAC (a packet to warm up). AC-3 is read whole. */
  inParts: boolean;
  durationMs: number;
}

/** The sound to analyse: the converted WAV if there is one (fast to read), else the first track we decode. */
function chooseSound(library: Library, filmId: number): Chosen {
  const video = filmVideoRow(library.db, filmId);
  if (!video) throw new ReelnotesError('CONFLICT', 'Attach the film’s video before finding cues in its soundtrack.');
  if (video.convertedAudio) {
    return {
      source: { kind: 'wav', path: join(library.mediaDir, video.convertedAudio) },
      sound: 'converted sound',
      fingerprint: video.fingerprint,
      inParts: true,
      durationMs: video.durationMs
    };
  }
  const tracks = JSON.parse(video.audioTracks) as FilmAudioTrack[];
  if (tracks.length === 0) throw new ReelnotesError('UNSUPPORTED_AUDIO', 'The film’s file has no sound to analyse.');
  const track = tracks.find((t) => t.codec === 'aac') ?? tracks.find((t) => decodable.has(t.codec)) ?? tracks[0];
  return {
    source: { kind: 'track', path: video.path, trackNumber: track.number },
    sound: `audio track ${track.number}`,
    fingerprint: video.fingerprint,
    inParts: track.codec === 'aac',
    durationMs: video.durationMs
  };
}

interface FeaturesRow {
  fingerprint: string;
  sound: string;
  version: number;
  frames: number;
  analysedAt: string;
}

function featuresRow(library: Library, filmId: number): FeaturesRow | undefined {
  return library.db
    .prepare(
      `SELECT f.fingerprint, f.sound, f.version, f.frames, f.analysed_at AS analysedAt
       FROM soundtrack_features f JOIN film_videos v ON v.film_id = f.film_id AND v.fingerprint = f.fingerprint
       WHERE f.film_id = ? AND f.version = ?`
    )
    .get(filmId, FEATURES_VERSION) as FeaturesRow | undefined;
}

export function analysisStatus(library: Library, filmId: number): SoundtrackAnalysis {
  const job = jobsOf(library).get(String(filmId));
  if (job?.status.state === 'analysing') return job.status;
  const row = featuresRow(library, filmId);
  if (row) {
    return { filmId, state: 'ready', fraction: 1, message: null, sound: row.sound, minutes: Math.round((row.frames * FRAME_MS) / 60_000) };
  }
  return job?.status ?? { filmId, state: 'none', fraction: 0, message: null, sound: null, minutes: null };
}

/** Starts the analysis on its own thread, once per film at a time. */
export function startAnalysis(library: Library, filmId: number): SoundtrackAnalysis {
  assertWritable(library);
  if (!library.db.prepare('SELECT 1 FROM films WHERE id = ?').get(filmId)) throw notFound('film', filmId);
  const jobs = jobsOf(library);
  const running = jobs.get(String(filmId));
  if (running?.status.state === 'analysing') return running.status;
  const chosen = chooseSound(library, filmId);
  const parts = chosen.inParts ? planParts(chosen.durationMs, Math.min(PARTS, availableParallelism())) : [{ from: 0 }];
  const workers = parts.map((part) => new Worker(workerPath, { workerData: { source: chosen.source, part } satisfies AnalysisPart }));
  const job: Job = {
    status: { filmId, state: 'analysing', fraction: 0, message: null, sound: chosen.sound, minutes: null },
    workers,
    finished: Promise.resolve()
  };
  jobs.set(String(filmId), job);
  job.finished = new Promise<void>((resolve) => {
    const results: (PartFeatures | undefined)[] = parts.map(() => undefined);
    const fractions = parts.map(() => 0);
    let ended = false;
    const end = (status: SoundtrackAnalysis): void => {
      if (ended) return;
      ended = true;
      job.status = status;
      resolve();
      for (const worker of workers) void worker.terminate();
    };
    workers.forEach((worker, i) => {
      worker.on('message', (message: FromAnalysis) => {
        if (ended) return;
        if (message.kind === 'progress') {
          fractions[i] = message.fraction;
          job.status = { ...job.status, fraction: fractions.reduce((sum, f) => sum + f, 0) / fractions.length };
        } else if (message.kind === 'failed') {
          end({ ...job.status, state: 'failed', fraction: 0, message: `The film’s sound could not be analysed: ${message.message}.` });
        } else {
          results[i] = { peaks: message.peaks, frames: message.frames };
          const done = results.filter((result) => result !== undefined);
          if (done.length < parts.length) return;
          try {
            const whole = joinParts(done);
            keepFeatures(library, filmId, chosen, whole.peaks, whole.frames);
            // No longer analysing: the status is now read from the features kept.
            end({ ...job.status, state: 'ready', fraction: 1 });
          } catch (error) {
            end({ ...job.status, state: 'failed', fraction: 0, message: error instanceof Error ? error.message : String(error) });
          }
        }
      });
      worker.on('error', (error) =>
        end({ ...job.status, state: 'failed', fraction: 0, message: `The analysis stopped: ${error.message}` })
      );
      // A part's thread that ends before its features came was cancelled.
      worker.on('exit', () => {
        if (!results[i]) end({ ...job.status, state: 'cancelled', fraction: 0 });
      });
    });
  });
  return job.status;
}

/** The analysis' state once the one under way (if any) has ended: ready, failed or cancelled. */
export async function analysisEnded(library: Library, filmId: number): Promise<SoundtrackAnalysis> {
  await jobsOf(library).get(String(filmId))?.finished;
  return analysisStatus(library, filmId);
}

/** Stops the analysis and answers once its thread has ended. */
export async function cancelAnalysis(library: Library, filmId: number): Promise<SoundtrackAnalysis> {
  const job = jobsOf(library).get(String(filmId));
  if (job?.status.state === 'analysing') {
    await Promise.all(job.workers.map((worker) => worker.terminate()));
    await job.finished;
  }
  return analysisStatus(library, filmId);
}

/** Written only if the film is still the file that was analysed. */
function keepFeatures(library: Library, filmId: number, chosen: Chosen, peaks: Uint32Array, frames: number): void {
  library.db.transaction(() => {
    const row = filmVideoRow(library.db, filmId);
    if (!row || row.fingerprint !== chosen.fingerprint) {
      throw new ReelnotesError('CONFLICT', 'The film was changed while its sound was analysed; analyse it again.');
    }
    library.db
      .prepare(
        `INSERT INTO soundtrack_features (film_id, fingerprint, sound, version, frames, peaks) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (film_id) DO UPDATE SET fingerprint = excluded.fingerprint, sound = excluded.sound, version = excluded.version,
           frames = excluded.frames, peaks = excluded.peaks, analysed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`
      )
      .run(
        filmId,
        chosen.fingerprint,
        chosen.sound,
        FEATURES_VERSION,
        frames,
        Buffer.from(peaks.buffer, peaks.byteOffset, peaks.byteLength)
      );
  })();
}

/** The film's landmark index, built from its cached features once per analysis and kept while the library is open. */
const indexesOf = uploadsInProgress<{ analysedAt: string; index: FilmIndex }>();

const notAnalysed = () =>
  new ReelnotesError('CONFLICT', 'Analyse the film’s soundtrack first: the cue finder listens to it once, then finds every cue in it.');

/** The film's cached constellation, for the file attached now. */
export function filmFeatures(library: Library, filmId: number): { peaks: Uint32Array; frames: number; analysedAt: string } {
  const row = featuresRow(library, filmId);
  if (!row) throw notAnalysed();
  const blob = library.db.prepare('SELECT peaks FROM soundtrack_features WHERE film_id = ?').pluck().get(filmId) as Buffer;
  const peaks = new Uint32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
  return { peaks, frames: row.frames, analysedAt: row.analysedAt };
}

export function filmIndex(library: Library, filmId: number): FilmIndex {
  const row = featuresRow(library, filmId);
  if (!row) throw notAnalysed();
  const cache = indexesOf(library);
  const kept = cache.get(String(filmId));
  if (kept?.analysedAt === row.analysedAt) return kept.index;
  const { peaks, frames } = filmFeatures(library, filmId);
  const index = indexFilm(peaks, frames);
  // One film's index at a time: it is tens of megabytes.
  cache.clear();
  cache.set(String(filmId), { analysedAt: row.analysedAt, index });
  return index;
}
