import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PeakAccumulator, peaksFromBlob, peaksToBlob, samplesPerBucketFor, TARGET_BUCKETS } from '../../src/core/recordings/peaks';
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

  it('sizes buckets so that a recording of any length has about the target count', () => {
    expect(samplesPerBucketFor(10)).toBe(1);
    expect(Math.ceil((60 * 60 * 44100) / samplesPerBucketFor(60 * 60 * 44100))).toBeLessThanOrEqual(TARGET_BUCKETS);
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
      // Buckets here are shorter than one period of 440 Hz: every five of them hold a crest.
      for (let i = 0; i + 5 <= middle.length; i += 5) expect(Math.max(...middle.slice(i, i + 5)), fixture.name).toBeGreaterThan(0.4);
      expect(progress.at(-1)).toBe(1);
    }
  });
});
