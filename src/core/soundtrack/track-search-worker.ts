/**
 * The thread that searches every cue of a track in the film: the film's landmark index built from its
 * cached constellation, the recording decoded once, then each cue looked up in turn, each answer sent
 * as it comes (the desk shows "cue 7 of 40"). Cancelling ends the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CueCandidate } from '../../shared/soundtrack';
import type { PlannedFormat } from '../recordings/decoders/plan';
import { recordingSound, searchCue, type CueSpan } from './cue-search';
import { indexFilm } from './find-cue';

export interface TrackSearchWork {
  peaks: Uint32Array;
  frames: number;
  recordingPath: string;
  format: PlannedFormat;
  cues: CueSpan[];
  /** Candidates per cue. */
  limit: number;
}

export type FromTrackSearch =
  { kind: 'cue'; cueId: number; candidates: CueCandidate[] } | { kind: 'done' } | { kind: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('the track search must be started as a worker');
const work = workerData as TrackSearchWork;
const post = (message: FromTrackSearch): void => port.postMessage(message);

async function searchTrack(): Promise<void> {
  const index = indexFilm(work.peaks, work.frames);
  const recording = await recordingSound(work.recordingPath, work.format);
  for (const cue of work.cues) post({ kind: 'cue', cueId: cue.id, candidates: searchCue(index, recording, cue, work.limit) });
}

searchTrack().then(
  () => post({ kind: 'done' }),
  (error: unknown) => post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
);
