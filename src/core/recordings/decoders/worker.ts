/**
 * A decoding thread: takes segment jobs one at a time, reports the bytes it has read, and answers
 * with each segment's peaks. It stays up between jobs, so its decoders stay compiled.
 */
import { parentPort } from 'node:worker_threads';
import type { DecodePlan } from './plan';
import { decodeSegment, type SegmentResult } from './segment';

export interface SegmentJob {
  path: string;
  plan: DecodePlan;
  index: number;
  samplesPerBucket: number;
}

export type ToWorker = { id: number; job: SegmentJob };

export type FromWorker =
  | { id: number; kind: 'read'; bytes: number }
  | { id: number; kind: 'done'; result: SegmentResult }
  | { id: number; kind: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('the decoding thread must be started as a worker');
port.on('message', ({ id, job }: ToWorker) => {
  const post = (message: FromWorker): void => port.postMessage(message);
  decodeSegment(job.path, job.plan, job.index, job.samplesPerBucket, (bytes) => post({ id, kind: 'read', bytes })).then(
    (result) => post({ id, kind: 'done', result }),
    (error: unknown) => post({ id, kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  );
});
