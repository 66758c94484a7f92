import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { mergePeakParts, type PeakSummary } from '../peaks';
import type { DecodePlan } from './plan';
import { decodeSegment, type SegmentResult } from './segment';
import type { SpectrogramJob, SpectrogramResult } from '../spectrogram';
import type { DecodingJob, FromWorker, ToWorker } from './worker';
import workerPath from './worker?modulePath';

/** Threads to decode on: the machine's cores (a person is waiting for the result), at most four. */
export function decodingThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** Idle threads are ended after this long; a person attaching several recordings keeps them warm. */
const IDLE_MS = 60_000;

interface Pending {
  job: DecodingJob;
  onRead: (bytes: number) => void;
  resolve: (result: never) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  /** The job it is decoding, under the id its messages carry. */
  current?: Pending & { id: number };
}

/**
 * Decoding threads shared by every analysis in the process. They start on first use (or when an
 * upload begins, see `warmUpDecoding`), take queued segment jobs one at a time, and end when idle.
 */
class DecodingPool {
  private threads: Thread[] = [];
  private queue: Pending[] = [];
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  warmUp(): void {
    while (this.threads.length < decodingThreads()) this.spawn();
    this.scheduleEnd();
  }

  /** Runs the job on a thread; it answers with the result of its kind (SegmentResult or SpectrogramResult). */
  run<R>(job: DecodingJob, onRead: (bytes: number) => void = () => {}): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ job, onRead, resolve: resolve as (result: never) => void, reject });
      this.dispatch();
    });
  }

  private spawn(): Thread {
    const thread: Thread = { worker: new Worker(workerPath) };
    this.threads.push(thread);
    // A thread waiting for work does not keep the process alive.
    thread.worker.unref();
    thread.worker.on('message', (message: FromWorker) => {
      const current = thread.current;
      if (!current || message.id !== current.id) return;
      if (message.kind === 'read') return current.onRead(message.bytes);
      thread.current = undefined;
      if (message.kind === 'done') current.resolve(message.result as never);
      else current.reject(new Error(message.message));
      this.dispatch();
    });
    const lost = (error: Error): void => {
      this.threads = this.threads.filter((t) => t !== thread);
      thread.current?.reject(error);
      thread.current = undefined;
      this.dispatch();
    };
    thread.worker.on('error', lost);
    thread.worker.on('exit', (code) => lost(new Error(`the decoding thread stopped (${code})`)));
    return thread;
  }

  private dispatch(): void {
    for (let job = this.queue.shift(); job; job = this.queue.shift()) {
      const thread = this.threads.find((t) => !t.current) ?? (this.threads.length < decodingThreads() ? this.spawn() : undefined);
      if (!thread) {
        this.queue.unshift(job);
        break;
      }
      thread.current = { ...job, id: this.nextId++ };
      thread.worker.ref();
      thread.worker.postMessage({ id: thread.current.id, job: job.job } satisfies ToWorker);
    }
    for (const thread of this.threads) if (!thread.current) thread.worker.unref();
    this.scheduleEnd();
  }

  private scheduleEnd(): void {
    clearTimeout(this.idleTimer);
    if (this.threads.some((t) => t.current)) return;
    this.idleTimer = setTimeout(() => {
      for (const { worker } of this.threads.splice(0)) void worker.terminate();
    }, IDLE_MS);
    this.idleTimer.unref();
  }
}

const pool = new DecodingPool();

/** Starts the decoding threads now (when an upload begins), so that they are ready when its bytes are. */
export function warmUpDecoding(): void {
  pool.warmUp();
}

/** A recording this small decodes in milliseconds: here, without waiting for a thread to start. */
const IN_PROCESS_BYTES = 1024 * 1024;

/**
 * Decodes every segment of the plan on the decoding threads and joins their peaks. Off the main
 * thread even for one segment, so the app answers while a long recording is read; only a small
 * file is decoded in this thread. (In two loaded CI runs, a 3-second FLAC's analysis sat at 100%
 * for over 45 s on the threads; the cause is not found yet, and a small file needs no thread.)
 */
export async function decodePlanned(
  path: string,
  plan: DecodePlan,
  samplesPerBucket: number,
  onProgress: (fraction: number) => void
): Promise<{ peaks: PeakSummary; sampleRate: number }> {
  const total = plan.segments.reduce((sum, s) => sum + (s.to - s.from), 0) || 1;
  if (plan.segments.length === 1 && total <= IN_PROCESS_BYTES) {
    const { part, sampleRate } = await decodeSegment(path, plan, 0, samplesPerBucket, (bytes) => onProgress(Math.min(1, bytes / total)));
    return { peaks: mergePeakParts(samplesPerBucket, [part]), sampleRate };
  }
  const read = plan.segments.map(() => 0);
  const results = await Promise.all(
    plan.segments.map((_, index) =>
      pool.run<SegmentResult>({ kind: 'peaks', segment: { path, plan, index, samplesPerBucket } }, (bytes) => {
        read[index] = bytes;
        onProgress(Math.min(1, read.reduce((a, b) => a + b, 0) / total));
      })
    )
  );
  return {
    peaks: mergePeakParts(
      samplesPerBucket,
      results.map((r) => r.part)
    ),
    sampleRate: results.find((r) => r.sampleRate > 0)?.sampleRate ?? 0
  };
}

/**
 * A stretch's spectrogram, on a decoding thread: the host goes on answering (the waveform's tiles,
 * the player's media requests) while the stretch is decoded and transformed.
 */
export function spectrogramOnThread(job: SpectrogramJob): Promise<SpectrogramResult> {
  return pool.run<SpectrogramResult>({ kind: 'spectrogram', spectrogram: job });
}
