/**
 * Waveform peaks: the lowest and highest sample of every bucket of frames, all channels together.
 * Audio arrives in decoded chunks of any length and leaves as a few thousand (min, max) pairs, so a
 * recording of any length is summarised without ever holding its decoded audio.
 */

/** At most this many buckets in the overview (the whole recording at once): more than any waveform is wide in pixels. */
export const OVERVIEW_BUCKETS = 4000;

/** Each level of the pyramid has a quarter of the buckets of the level below it. */
export const LEVEL_FACTOR = 4;

/**
 * The finest level's bucket: the power of two of frames nearest to 5 ms (256 frames at 44.1 and 48 kHz),
 * fine enough to draw the waveform at 10 ms a pixel and below with a bucket or more per pixel.
 */
export function baseSamplesPerBucket(sampleRate: number): number {
  return Math.max(1, 2 ** Math.round(Math.log2(Math.max(1, sampleRate) / 200)));
}

/** One level of the pyramid: interleaved int16 min, max pairs, one per bucket of `samplesPerBucket` frames. */
export interface PeakLevel {
  level: number;
  samplesPerBucket: number;
  data: Int16Array;
}

/**
 * The levels of the waveform from the finest (the decode's own buckets) up to the overview: each
 * bucket of a level is the lowest low and highest high of the `LEVEL_FACTOR` buckets below it, so every
 * level is the min and max of the samples it covers, however coarse. Computed from the summary of the
 * one decode, never from the audio again.
 */
export function peakPyramid(base: PeakSummary): PeakLevel[] {
  const levels: PeakLevel[] = [{ level: 0, samplesPerBucket: base.samplesPerBucket, data: base.data }];
  for (let below = levels[0]; below.data.length / 2 > OVERVIEW_BUCKETS; below = levels[levels.length - 1]) {
    const buckets = Math.ceil(below.data.length / 2 / LEVEL_FACTOR);
    const data = new Int16Array(buckets * 2);
    const source = below.data;
    for (let b = 0; b < buckets; b++) {
      let low = 32767;
      let high = -32767;
      const end = Math.min(source.length, (b + 1) * LEVEL_FACTOR * 2);
      for (let i = b * LEVEL_FACTOR * 2; i < end; i += 2) {
        if (source[i] < low) low = source[i];
        if (source[i + 1] > high) high = source[i + 1];
      }
      data[2 * b] = low;
      data[2 * b + 1] = high;
    }
    levels.push({ level: below.level + 1, samplesPerBucket: below.samplesPerBucket * LEVEL_FACTOR, data });
  }
  return levels;
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

/** Bytes a stored bucket takes: its min and its max, int16 little-endian each. */
export const BYTES_PER_BUCKET = 4;

export function peaksToBlob(data: Int16Array): Buffer {
  const buffer = Buffer.alloc(data.length * 2);
  data.forEach((v, i) => buffer.writeInt16LE(v, i * 2));
  return buffer;
}

/** The stored pairs back as two arrays in [-1, 1], rounded to what a waveform can show. */
export function peaksFromBlob(blob: Buffer): { min: number[]; max: number[] } {
  const min: number[] = [];
  const max: number[] = [];
  for (let offset = 0; offset + 3 < blob.length; offset += BYTES_PER_BUCKET) {
    min.push(Math.round((blob.readInt16LE(offset) / 32767) * 10000) / 10000);
    max.push(Math.round((blob.readInt16LE(offset + 2) / 32767) * 10000) / 10000);
  }
  return { min, max };
}
