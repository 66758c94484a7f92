import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseSamplesPerBucket,
  LEVEL_FACTOR,
  OVERVIEW_BUCKETS,
  PeakAccumulator,
  peakPyramid,
  peaksFromBlob,
  peaksToBlob
} from '../../src/core/recordings/peaks';
import { analyseRecording } from '../../src/core/recordings/recording-analysis';
import { makeAudioFixtures, type AudioFixtures } from '../audio-fixtures';

function sine(frames: number, amplitude: number, frequency = 440, rate = 44100): Float32Array {
  return Float32Array.from({ length: frames }, (_, i) => amplitude * Math.sin((2 * Math.PI * frequency * i) / rate));
}

describe('peaks of a known signal', () => {
  it('find the amplitude of a sine in every bucket, whatever the chunk sizes', () => {
    const signal = sine(44100, 0.5);
    const whole = new PeakAccumulator(441);
    whole.push([signal, signal]);
    const chunked = new PeakAccumulator(441);
    for (let at = 0; at < signal.length; at += 997) {
      const part = signal.subarray(at, at + 997);
      chunked.push([part, part]);
    }
    const a = whole.finish();
    const b = chunked.finish();
    expect(a.data.length).toBe(200);
    expect(Array.from(b.data)).toEqual(Array.from(a.data));
    const { min, max } = peaksFromBlob(peaksToBlob(a.data));
    // 441 frames hold four periods of 440 Hz: every bucket reaches the crest and the trough.
    for (let i = 0; i < max.length; i++) {
      expect(max[i]).toBeCloseTo(0.5, 2);
      expect(min[i]).toBeCloseTo(-0.5, 2);
    }
  });

  it('takes the loudest channel, keeps a partial last bucket, and shows silence as zero', () => {
    const peaks = new PeakAccumulator(100);
    peaks.push([new Float32Array(250), Float32Array.from({ length: 250 }, (_, i) => (i === 120 ? 0.8 : i === 230 ? -0.25 : 0))]);
    const { min, max } = peaksFromBlob(peaksToBlob(peaks.finish().data));
    expect(max).toEqual([0, 0.8, 0]);
    expect(min).toEqual([0, 0, -0.25]);
  });

  it('makes the finest bucket about 5 ms at any sample rate, so the waveform draws down to 10 ms a pixel', () => {
    expect([8000, 22050, 44100, 48000, 96000].map(baseSamplesPerBucket)).toEqual([32, 128, 256, 256, 512]);
    for (const rate of [8000, 11025, 22050, 32000, 44100, 48000, 88200, 96000, 192000]) {
      const ms = (baseSamplesPerBucket(rate) / rate) * 1000;
      expect(ms, `${rate} Hz`).toBeGreaterThan(2.5);
      expect(ms, `${rate} Hz`).toBeLessThanOrEqual(10);
    }
  });
});

describe('the peak pyramid', () => {
  /** A signal nobody could guess a bucket of: a fixed pseudo-random walk, two channels unlike each other. */
  function knownSignal(frames: number): [Float32Array, Float32Array] {
    let seed = 12345;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
    const left = Float32Array.from({ length: frames }, () => next() * 0.9);
    const right = Float32Array.from({ length: frames }, (_, i) => 0.5 * Math.sin(i / 50) + 0.1 * next());
    return [left, right];
  }

  const toInt16 = (v: number) => Math.round(Math.max(-1, Math.min(1, v)) * 32767);

  it('holds at every level the min and max of the samples each bucket covers, the partial last bucket included', () => {
    const spb = 2;
    const frames = spb * OVERVIEW_BUCKETS * LEVEL_FACTOR ** 3 + 777;
    const [left, right] = knownSignal(frames);
    const accumulator = new PeakAccumulator(spb);
    // Fed in uneven chunks, as a decoder does.
    for (let at = 0; at < frames; at += 4093) accumulator.push([left.subarray(at, at + 4093), right.subarray(at, at + 4093)]);
    const levels = peakPyramid(accumulator.finish());

    expect(levels.map((l) => l.level)).toEqual([0, 1, 2, 3, 4]);
    expect(levels.at(-1)!.data.length / 2).toBeLessThanOrEqual(OVERVIEW_BUCKETS);
    expect(levels.at(-2)!.data.length / 2).toBeGreaterThan(OVERVIEW_BUCKETS);
    for (const { level, samplesPerBucket, data } of levels) {
      expect(samplesPerBucket).toBe(spb * LEVEL_FACTOR ** level);
      expect(data.length / 2, `level ${level}`).toBe(Math.ceil(frames / samplesPerBucket));
      for (let b = 0; b < data.length / 2; b++) {
        let low = Infinity;
        let high = -Infinity;
        for (let i = b * samplesPerBucket; i < Math.min(frames, (b + 1) * samplesPerBucket); i++) {
          low = Math.min(low, left[i], right[i]);
          high = Math.max(high, left[i], right[i]);
        }
        if (data[2 * b] !== toInt16(low) || data[2 * b + 1] !== toInt16(high))
          expect([data[2 * b], data[2 * b + 1]], `level ${level}, bucket ${b}`).toEqual([toInt16(low), toInt16(high)]);
      }
    }
  });

  it('is one level when the recording is short enough for the overview itself', () => {
    const accumulator = new PeakAccumulator(256);
    accumulator.push(knownSignal(256 * 1000));
    expect(peakPyramid(accumulator.finish()).map((l) => [l.level, l.data.length / 2])).toEqual([[0, 1000]]);
  });
});

describe('peaks of a decoded file', () => {
  let audio: AudioFixtures;
  beforeAll(() => {
    audio = makeAudioFixtures();
  });
  afterAll(() => audio.remove());

  it('measure the amplitude of the generated sine (0.5) in each format, and report progress to the end', async () => {
    for (const fixture of audio.formats) {
      const progress: number[] = [];
      const { peaks } = await analyseRecording(fixture.path, fixture.name, (f) => progress.push(f));
      const { max, min } = peaksFromBlob(peaksToBlob(peaks.data));
      const middle = max.slice(Math.floor(max.length * 0.2), Math.floor(max.length * 0.8));
      const loudest = Math.max(...max);
      // Lossy codecs ring a little around the true crest.
      expect(loudest, fixture.name).toBeGreaterThan(0.45);
      expect(loudest, fixture.name).toBeLessThan(0.56);
      expect(Math.min(...min), fixture.name).toBeLessThan(-0.45);
      // Buckets of about 5 ms hold two periods of 440 Hz: each reaches the crest (five at a time, for the codecs' ringing).
      for (let i = 0; i + 5 <= middle.length; i += 5) expect(Math.max(...middle.slice(i, i + 5)), fixture.name).toBeGreaterThan(0.4);
      expect(progress.at(-1)).toBe(1);
    }
  });
});
