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

export class PeakAccumulator {
  private pairs: number[] = [];
  private inBucket = 0;
  private low = Infinity;
  private high = -Infinity;
  frames = 0;

  constructor(readonly samplesPerBucket: number) {
    if (!Number.isInteger(samplesPerBucket) || samplesPerBucket < 1) throw new RangeError('samplesPerBucket must be a positive integer');
  }

  push(channels: readonly Float32Array[]): void {
    const length = channels[0]?.length ?? 0;
    const spb = this.samplesPerBucket;
    let { inBucket, low, high } = this;
    for (let i = 0; i < length; i++) {
      for (let c = 0; c < channels.length; c++) {
        const v = channels[c][i];
        if (v < low) low = v;
        if (v > high) high = v;
      }
      if (++inBucket === spb) {
        this.pairs.push(low, high);
        inBucket = 0;
        low = Infinity;
        high = -Infinity;
      }
    }
    this.inBucket = inBucket;
    this.low = low;
    this.high = high;
    this.frames += length;
  }

  finish(): PeakSummary {
    if (this.inBucket > 0) this.pairs.push(this.low, this.high);
    this.inBucket = 0;
    const data = new Int16Array(this.pairs.length);
    this.pairs.forEach((v, i) => (data[i] = toInt16(v)));
    return { samplesPerBucket: this.samplesPerBucket, frames: this.frames, data };
  }
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
