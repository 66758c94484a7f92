import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { ReelnotesError } from '../../shared/errors';
import type { CueCandidate, TrackSearch } from '../../shared/soundtrack';
import { notFound } from '../errors';
import { uploadsInProgress } from '../library/incoming';
import { assertWritable, type Library } from '../library/library';
import { analysisEnded, analysisStatus, cancelAnalysis, filmFeatures, startAnalysis } from './analysis';
import { recordingFormat, SHORTEST_CUE_MS, type CueSpan } from './cue-search';
import { offer, settled } from './soundtrack';
import type { FromTrackSearch, TrackSearchWork } from './track-search-worker';
import workerPath from './track-search-worker?modulePath';

/** Candidates searched per cue: a motif may return several times in the film. */
const PER_CUE = 5;

interface TrackJob {
  filmId: number;
  status: Omit<TrackSearch, 'candidates'>;
  /** Kept per cue as it is searched: its confident candidates, else its best guess. */
  found: CueCandidate[];
  worker: Worker | null;
  cancelled: boolean;
}

const trackJobsOf = uploadsInProgress<TrackJob>();

interface TrackRow {
  filmId: number;
  title: string;
  mediaFile: string | null;
}

function trackRow(library: Library, trackId: number): TrackRow {
  const row = library.db
    .prepare(
      `SELECT t.film_id AS filmId, t.title, r.media_file AS mediaFile FROM tracks t LEFT JOIN recordings r ON r.track_id = t.id WHERE t.id = ?`
    )
    .get(trackId) as TrackRow | undefined;
  if (!row) throw notFound('track', trackId);
  return row;
}

/** What is left to review: settled candidates (rejected, or placed since) leave the list. */
export function trackSearch(library: Library, trackId: number): TrackSearch {
  const job = trackJobsOf(library).get(String(trackId));
  if (!job) {
    trackRow(library, trackId);
    return { trackId, state: 'none', fraction: 0, searched: 0, cues: 0, tooShort: 0, message: null, candidates: [] };
  }
  const status = job.status.state === 'analysing' ? { ...job.status, fraction: analysisStatus(library, job.filmId).fraction } : job.status;
  const settledFor = new Map<number, ReturnType<typeof settled>>();
  const isSettled = (c: CueCandidate) => {
    if (!settledFor.has(c.cueId)) settledFor.set(c.cueId, settled(library, c.cueId));
    return settledFor.get(c.cueId)!(c);
  };
  return { ...status, candidates: job.found.filter((c) => !isSettled(c)).sort((a, b) => b.confidence - a.confidence) };
}

/** Finds every cue of the track in its film, as one job: answers at once, then `trackSearch`. */
export function startTrackSearch(library: Library, trackId: number): TrackSearch {
  assertWritable(library);
  const track = trackRow(library, trackId);
  const jobs = trackJobsOf(library);
  const running = jobs.get(String(trackId));
  if (running && (running.status.state === 'analysing' || running.status.state === 'searching')) return trackSearch(library, trackId);
  if (!track.mediaFile) {
    throw new ReelnotesError('CONFLICT', `“${track.title}” has no recording to listen to: attach its recording first.`);
  }
  const cues = library.db
    .prepare('SELECT id, start_ms AS startMs, end_ms AS endMs FROM cues WHERE track_id = ? ORDER BY start_ms, id')
    .all(trackId) as CueSpan[];
  const searchable = cues.filter((c) => c.endMs - c.startMs >= SHORTEST_CUE_MS);
  if (searchable.length === 0) {
    throw new ReelnotesError('CONFLICT', `“${track.title}” has no cue of two seconds or more to find by its sound.`);
  }
  const analysed = analysisStatus(library, track.filmId).state === 'ready';
  // Starting the analysis here refuses at once a film without video or without sound it can read.
  if (!analysed) startAnalysis(library, track.filmId);
  const job: TrackJob = {
    filmId: track.filmId,
    status: {
      trackId,
      state: analysed ? 'searching' : 'analysing',
      fraction: 0,
      searched: 0,
      cues: searchable.length,
      tooShort: cues.length - searchable.length,
      message: null
    },
    found: [],
    worker: null,
    cancelled: false
  };
  jobs.set(String(trackId), job);
  void runTrackSearch(library, job, join(library.mediaDir, track.mediaFile), searchable);
  return trackSearch(library, trackId);
}

async function runTrackSearch(library: Library, job: TrackJob, recordingPath: string, cues: CueSpan[]): Promise<void> {
  const end = (state: TrackSearch['state'], message: string | null = null) => {
    job.status = { ...job.status, state, message };
    job.worker = null;
  };
  try {
    if (job.status.state === 'analysing') {
      const analysis = await analysisEnded(library, job.filmId);
      if (job.cancelled) return;
      if (analysis.state !== 'ready') return end(analysis.state === 'failed' ? 'failed' : 'cancelled', analysis.message);
      job.status = { ...job.status, state: 'searching', fraction: 1 };
    }
    const { peaks, frames } = filmFeatures(library, job.filmId);
    const work: TrackSearchWork = { peaks, frames, recordingPath, format: recordingFormat(recordingPath), cues, limit: PER_CUE };
    const worker = new Worker(workerPath, { workerData: work, transferList: [peaks.buffer as ArrayBuffer] });
    job.worker = worker;
    await new Promise<void>((resolve) => {
      worker.on('message', (message: FromTrackSearch) => {
        if (message.kind === 'cue') {
          const open = message.candidates.filter((c) => !settled(library, message.cueId)(c));
          offer(library, message.cueId, message.candidates);
          const confident = open.filter((c) => c.confident);
          job.found.push(...(confident.length > 0 ? confident : open.slice(0, 1)));
          job.status = { ...job.status, searched: job.status.searched + 1 };
        } else {
          if (message.kind === 'done') end('done');
          else end('failed', `The cues could not be searched: ${message.message}.`);
          void worker.terminate();
          resolve();
        }
      });
      worker.on('error', (error) => {
        end('failed', `The search stopped: ${error.message}`);
        resolve();
      });
      worker.on('exit', () => {
        if (job.status.state === 'searching') end('cancelled');
        resolve();
      });
    });
  } catch (error) {
    end('failed', error instanceof Error ? error.message : String(error));
  }
}

/** Stops the track's search (and the analysis it waits for), keeping what was found so far; answers once stopped. */
export async function cancelTrackSearch(library: Library, trackId: number): Promise<TrackSearch> {
  const job = trackJobsOf(library).get(String(trackId));
  if (job?.status.state === 'analysing') {
    job.cancelled = true;
    job.status = { ...job.status, state: 'cancelled' };
    await cancelAnalysis(library, job.filmId);
  } else if (job?.status.state === 'searching') {
    job.cancelled = true;
    await job.worker?.terminate();
    job.status = { ...job.status, state: 'cancelled' };
  }
  return trackSearch(library, trackId);
}
