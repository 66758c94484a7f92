/**
 * A soundtrack analysis' thread: decodes its part of the film's sound, brings it to the analysis
 * rate and finds the part's constellation, reporting progress; the library's thread keeps answering
 * meanwhile. Cancelling ends the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analysePart, type FramePart } from './film-parts';
import { UndecodableSound, type FilmSoundSource } from './film-sound';

export interface AnalysisPart {
  source: FilmSoundSource;
  part: FramePart;
}

export type FromAnalysis =
  | { kind: 'progress'; fraction: number }
  | { kind: 'done'; peaks: Uint32Array; frames: number }
  | { kind: 'failed'; message: string; undecodable: boolean };

const port = parentPort;
if (!port) throw new Error('the soundtrack analysis must be started as a worker');
const post = (message: FromAnalysis, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

const { source, part } = workerData as AnalysisPart;
let reported = -1;
analysePart(source, part, (fraction) => {
  // A hundred reports at most: each is a message to the library's thread.
  const percent = Math.floor(fraction * 100);
  if (percent > reported) {
    reported = percent;
    post({ kind: 'progress', fraction });
  }
}).then(
  ({ peaks, frames }) => post({ kind: 'done', peaks, frames }, [peaks.buffer as ArrayBuffer]),
  (error: unknown) =>
    post({
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
      undecodable: error instanceof UndecodableSound
    })
);
