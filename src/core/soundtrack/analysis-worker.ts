/**
 * The soundtrack analysis' thread: decodes the film's sound, brings it to the analysis rate and
 * finds its constellation, reporting progress; the library's thread keeps answering meanwhile.
 * Cancelling ends the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ConstellationBuilder } from './constellation';
import { decodeFilmSound, UndecodableSound, type FilmSoundSource } from './film-sound';

export type FromAnalysis =
  | { kind: 'progress'; fraction: number }
  | { kind: 'done'; peaks: Uint32Array; frames: number }
  | { kind: 'failed'; message: string; undecodable: boolean };

const port = parentPort;
if (!port) throw new Error('the soundtrack analysis must be started as a worker');
const post = (message: FromAnalysis, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

const builder = new ConstellationBuilder();
let peaks = new Uint32Array(1 << 16);
let count = 0;
const keep = (found: number[]): void => {
  if (count + found.length > peaks.length) {
    const grown = new Uint32Array(Math.max(peaks.length * 2, count + found.length));
    grown.set(peaks.subarray(0, count));
    peaks = grown;
  }
  peaks.set(found, count);
  count += found.length;
};
let reported = -1;

decodeFilmSound(
  workerData as FilmSoundSource,
  (mono) => {
    builder.push(mono);
    keep(builder.take());
  },
  (fraction) => {
    // A hundred reports at most: each is a message to the library's thread.
    const percent = Math.floor(fraction * 100);
    if (percent > reported) {
      reported = percent;
      post({ kind: 'progress', fraction });
    }
  }
).then(
  () => {
    keep(builder.finish());
    const result = peaks.slice(0, count);
    post({ kind: 'done', peaks: result, frames: builder.frames }, [result.buffer]);
  },
  (error: unknown) =>
    post({
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
      undecodable: error instanceof UndecodableSound
    })
);
