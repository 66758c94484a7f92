/**
 * Waveform peaks: the lowest and highest sample of every bucket of frames, all channels together.
 * Audio arrives in decoded chunks of any length and leaves as a few thousand (min, max) pairs, so a
 * recording of any length is summarised without ever holding its decoded audio.
 */

/** About this many buckets per recording: more than any waveform is wide in pixels. */
export const TARGET_BUCKETS = 4000;

export function samplesPerBucketFor(frames: number): number {
  return Math.max(1, Math.ceil(frames / TARGET_BUCKETS));
}

export interface PeakSummary {
  samplesPerBucket: number;
  /** Frames seen in all (per channel). */
  frames: number;
  /** Interleaved min, max per bucket, scaled to int16. */
  data: Int16Array;
}

/**
 * The peaks of one stretch of a recording that starts at `firstFrame`: its buckets are the
 * recording's own, so parts decoded apart (on other threads) merge exactly.
 */
export interface PeakPart {
  firstFrame: number;
  frames: number;
  /** Interleaved min, max of the buckets this part touches, from bucket ⌊firstFrame / samplesPerBucket⌋. */
  pairs: Float32Array;
}

export class PeakAccumulator {
  private pairs = new Float32Array(2 * 64);
  private count = 0;
  private inBucket: number;
  /** Whether the current bucket has seen a frame. */
  private open = false;
  private low = Infinity;
  private high = -Infinity;
  frames = 0;

  constructor(
    readonly samplesPerBucket: number,
    readonly firstFrame = 0
  ) {
    if (!Number.isInteger(samplesPerBucket) || samplesPerBucket < 1) throw new RangeError('samplesPerBucket must be a positive integer');
    this.inBucket = firstFrame % samplesPerBucket;
  }

  /** Channels of equal length; views on a decoder's memory will do, nothing is kept. */
  push(channels: readonly Float32Array[], from = 0, to = channels[0]?.length ?? 0): void {
    const spb = this.samplesPerBucket;
    let { inBucket, low, high } = this;
    // Bucket by bucket, each channel in one plain loop: the tightest shape for the JIT.
    for (let start = from; start < to;) {
      const end = Math.min(to, start + spb - inBucket);
      for (const channel of channels) {
        for (let i = start; i < end; i++) {
          const v = channel[i];
          if (v < low) low = v;
          if (v > high) high = v;
        }
      }
      inBucket += end - start;
      start = end;
      this.open = true;
      if (inBucket === spb) {
        this.close(low, high);
        inBucket = 0;
        low = Infinity;
        high = -Infinity;
      }
    }
    this.inBucket = inBucket;
    this.low = low;
    this.high = high;
    this.frames += to - from;
  }

  private close(low: number, high: number): void {
    if (this.count === this.pairs.length) {
      const grown = new Float32Array(this.pairs.length * 2);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    this.pairs[this.count++] = low;
    this.pairs[this.count++] = high;
    this.open = false;
  }

  /** This stretch's buckets, the partial ones at either end included. */
  finishPart(): PeakPart {
    if (this.open) this.close(this.low, this.high);
    return { firstFrame: this.firstFrame, frames: this.frames, pairs: this.pairs.slice(0, this.count) };
  }

  finish(): PeakSummary {
    return mergePeakParts(this.samplesPerBucket, [this.finishPart()]);
  }
}

/**
 * Joins the parts of one recording, in order, into its summary: a bucket split between two parts
 * takes the lower low and the higher high of both.
 */
export function mergePeakParts(samplesPerBucket: number, parts: readonly PeakPart[]): PeakSummary {
  const frames = parts.reduce((sum, part) => sum + part.frames, 0);
  const buckets = Math.ceil(Math.max(0, ...parts.map((p) => p.firstFrame + p.frames)) / samplesPerBucket);
  const low = new Float32Array(buckets).fill(Infinity);
  const high = new Float32Array(buckets).fill(-Infinity);
  for (const part of parts) {
    const first = Math.floor(part.firstFrame / samplesPerBucket);
    for (let i = 0; i + 1 < part.pairs.length && first + i / 2 < buckets; i += 2) {
      const b = first + i / 2;
      if (part.pairs[i] < low[b]) low[b] = part.pairs[i];
      if (part.pairs[i + 1] > high[b]) high[b] = part.pairs[i + 1];
    }
  }
  const data = new Int16Array(buckets * 2);
  for (let b = 0; b < buckets; b++) {
    data[2 * b] = toInt16(low[b]);
    data[2 * b + 1] = toInt16(high[b]);
  }
  return { samplesPerBucket, frames, data };
}

function toInt16(v: number): number {
  const clipped = Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0));
  return Math.round(clipped * 32767);
}

export function peaksToBlob(data: Int16Array): Buffer {
  const buffer = Buffer.alloc(data.length * 2);
  data.forEach((v, i) => buffer.writeInt16LE(v, i * 2));
  return buffer;
}

/** The stored pairs back as two arrays in [-1, 1], rounded to what a waveform can show. */
export function peaksFromBlob(blob: Buffer): { min: number[]; max: number[] } {
  const min: number[] = [];
  const max: number[] = [];
  for (let offset = 0; offset + 3 < blob.length; offset += 4) {
    min.push(Math.round((blob.readInt16LE(offset) / 32767) * 10000) / 10000);
    max.push(Math.round((blob.readInt16LE(offset + 2) / 32767) * 10000) / 10000);
  }
  return { min, max };
}
