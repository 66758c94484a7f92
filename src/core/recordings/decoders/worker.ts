/**
 * A decoding thread: takes jobs one at a time (a segment's peaks, or a stretch's spectrogram),
 * reports the bytes it has read, and answers with the result. It stays up between jobs, so its
 * decoders stay compiled.
 */
import { parentPort } from 'node:worker_threads';
import { computeSpectrogram, type SpectrogramJob, type SpectrogramResult } from '../spectrogram';
import type { DecodePlan } from './plan';
import { decodeSegment, type SegmentResult } from './segment';

export interface SegmentJob {
  path: string;
  plan: DecodePlan;
  index: number;
  samplesPerBucket: number;
}

export type DecodingJob = { kind: 'peaks'; segment: SegmentJob } | { kind: 'spectrogram'; spectrogram: SpectrogramJob };

export type ToWorker = { id: number; job: DecodingJob };

export type FromWorker =
  | { id: number; kind: 'read'; bytes: number }
  | { id: number; kind: 'done'; result: SegmentResult | SpectrogramResult }
  | { id: number; kind: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('the decoding thread must be started as a worker');
port.on('message', ({ id, job }: ToWorker) => {
  const post = (message: FromWorker): void => port.postMessage(message);
  const work =
    job.kind === 'peaks'
      ? decodeSegment(job.segment.path, job.segment.plan, job.segment.index, job.segment.samplesPerBucket, (bytes) =>
          post({ id, kind: 'read', bytes })
        )
      : computeSpectrogram(job.spectrogram);
  work.then(
    (result) => post({ id, kind: 'done', result }),
    (error: unknown) => post({ id, kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  );
});
