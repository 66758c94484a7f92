import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ANALYSIS_RATE,
  atSpeed,
  BINS,
  ConstellationBuilder,
  constellationOf,
  cueConstellationOf,
  FRAME_MS,
  LOWEST_BIN,
  NEIGHBOUR_BINS,
  neighbourhoodMaxima,
  packPeak,
  peakBin,
  peakFrame
} from '../../src/core/soundtrack/constellation';
import { CONFIDENT, findCue, indexFilm, type FilmIndex } from '../../src/core/soundtrack/find-cue';
import { resample, Resampler } from '../../src/core/soundtrack/resample';
import { melody, mixInto, rms, seeded, speech } from '../soundtrack-signals';

const R = ANALYSIS_RATE;

function sine(seconds: number, frequency: number, rate: number, amplitude = 0.5): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * rate) }, (_, i) => amplitude * Math.sin((2 * Math.PI * frequency * i) / rate));
}

/** The frequency of a signal's strongest bin, by a plain DFT scan in 5 Hz steps. */
function dominantFrequency(signal: Float32Array, rate: number): number {
  let best = { frequency: 0, power: -1 };
  for (let f = 50; f < rate / 2; f += 5) {
    let re = 0;
    let im = 0;
    for (let i = 0; i < signal.length; i++) {
      re += signal[i] * Math.cos((2 * Math.PI * f * i) / rate);
      im += signal[i] * Math.sin((2 * Math.PI * f * i) / rate);
    }
    const power = re * re + im * im;
    if (power > best.power) best = { frequency: f, power };
  }
  return best.frequency;
}

describe('resampling to the analysis rate', () => {
  // 48 kHz to 8 kHz is a whole ratio: the kernel folded, but for the first outputs (it reaches before the signal).
  for (const [rate, frequency, piece] of [
    [44100, 1000, 1013],
    [48000, 440, 1021]
  ]) {
    it(`keeps a tone its pitch and level, the same samples in pieces of any length as in one (${rate} Hz)`, () => {
      const tone = sine(1, frequency, rate);
      const whole = resample(tone, rate, R);
      expect(whole.length).toBe(R);
      const resampler = new Resampler(rate, R);
      const pieces: Float32Array[] = [];
      for (let at = 0; at < tone.length; at += piece) pieces.push(resampler.push(tone.subarray(at, at + piece)));
      pieces.push(resampler.finish());
      expect(Float32Array.from(pieces.flatMap((p) => Array.from(p)))).toEqual(whole);
      const middle = whole.subarray(1000, 7000);
      expect(dominantFrequency(middle, R)).toBe(frequency);
      expect(rms(middle)).toBeCloseTo(0.5 / Math.SQRT2, 2);
    });
  }

  it('removes what lies above the new Nyquist frequency instead of folding it down', () => {
    // 6 kHz at 48 kHz would alias to 2 kHz at 8 kHz without the low-pass.
    const down = resample(sine(1, 6000, 48000), 48000, R).subarray(1000, 7000);
    expect(rms(down)).toBeLessThan(0.02);
  });
});

describe('the constellation', () => {
  it("takes each bin's neighbourhood maximum in blocks as it would bin by bin, at the edges too", () => {
    const scratch = { fromBlockStart: new Float32Array(BINS), toBlockEnd: new Float32Array(BINS) };
    const level = fc.float({ min: -30, max: 5, noNaN: true });
    fc.assert(
      fc.property(fc.array(level, { minLength: BINS, maxLength: BINS }), (levels) => {
        const spectrum = Float32Array.from(levels);
        const widest = new Float32Array(BINS);
        neighbourhoodMaxima(spectrum, widest, scratch);
        for (let k = LOWEST_BIN; k < BINS; k++) {
          const neighbours = spectrum.subarray(Math.max(LOWEST_BIN, k - NEIGHBOUR_BINS), Math.min(BINS, k + NEIGHBOUR_BINS + 1));
          expect(widest[k]).toBe(Math.max(...neighbours));
        }
      })
    );
  });

  it('puts a steady tone in its bin, and finds nothing in silence', () => {
    const peaks = constellationOf(sine(2, 1000, R));
    expect(peaks.length).toBeGreaterThan(0);
    expect(new Set(Array.from(peaks, peakBin))).toEqual(new Set([Math.round(1000 / (R / 2 / BINS))]));
    expect(constellationOf(new Float32Array(2 * R)).length).toBe(0);
  });

  it('is the same whether the signal arrives whole or in pieces', () => {
    const music = melody(5, 10);
    const builder = new ConstellationBuilder();
    for (let at = 0; at < music.length; at += 777) builder.push(music.subarray(at, at + 777));
    expect(Array.from(builder.finish())).toEqual(Array.from(constellationOf(music)));
    expect(builder.frames).toBe(Math.floor((music.length - 512) / 256) + 2);
  });

  it('moved to a speed, shares most peaks with the cue really played at that speed', () => {
    const music = melody(6, 15);
    const played = new Set(constellationOf(resample(music, R, R / 1.041)));
    const moved = atSpeed(cueConstellationOf(music), 1.041);
    const near = (p: number): boolean =>
      [-1, 0, 1].some((df) => [-1, 0, 1].some((db) => played.has((peakFrame(p) + df) * 256 + peakBin(p) + db)));
    const shared = Array.from(moved).filter(near).length;
    expect(shared / moved.length).toBeGreaterThan(0.8);
  });
});

describe('finding a cue in a film', () => {
  const cue = melody(2, 20);
  let film: FilmIndex;

  beforeAll(() => {
    // Ninety seconds of other music, the cue at 23.4 s under speech as loud as the music, and again
    // at 60.2 s played 4.1% fast (and as much sharp), under the same speech.
    const sound = melody(1, 90).map((s) => s * 0.5);
    const talk = speech('The ballet of the red shoes is the story of a girl who wants to dance, and dance, and never stop. '.repeat(2));
    const gain = rms(cue) / rms(talk);
    mixInto(sound, cue, Math.round(23.4 * R));
    mixInto(sound, talk, Math.round(23.0 * R), gain);
    mixInto(sound, resample(cue, R, R / 1.041), Math.round(60.2 * R));
    mixInto(sound, talk, Math.round(60.0 * R), gain);
    const builder = new ConstellationBuilder();
    builder.push(sound);
    const peaks = Uint32Array.from(builder.finish());
    film = indexFilm(peaks, builder.frames);
  });

  it('finds the cue under dialogue, at the right time, at both speeds, confidently', () => {
    const candidates = findCue(film, cueConstellationOf(cue));
    const confident = candidates.filter((c) => c.confidence >= CONFIDENT);
    expect(confident).toHaveLength(2);
    const [plain, fast] = [...confident].sort((a, b) => a.alignedMs - b.alignedMs);
    expect(Math.abs(plain.alignedMs - 23400)).toBeLessThanOrEqual(100);
    expect(plain.speed).toBeCloseTo(1, 2);
    expect(Math.abs(fast.alignedMs - 60200)).toBeLessThanOrEqual(100);
    expect(Math.abs(fast.speed - 1.041)).toBeLessThanOrEqual(0.004);
    // The whole cue sounds: its span covers most of the 20 s, in film time shorter when played fast.
    expect(plain.cueToMs - plain.cueFromMs).toBeGreaterThan(18000);
    expect(fast.filmToMs - fast.filmFromMs).toBeLessThan(plain.filmToMs - plain.filmFromMs);
    expect(candidates[0].votes).toBeGreaterThan(candidates[2].votes);
  });

  it('finds the half of a cue the film uses, aligned where the whole would be', () => {
    const secondHalf = findCue(film, cueConstellationOf(cue.subarray(10 * R)))[0];
    expect(secondHalf.confidence).toBeGreaterThanOrEqual(CONFIDENT);
    expect([Math.abs(secondHalf.alignedMs - 33400), Math.abs(secondHalf.alignedMs - 60200 - 10000 / 1.041)].some((d) => d <= 100)).toBe(
      true
    );
  });

  it('offers no confident candidate for music that is not in the film', () => {
    const absent = findCue(film, cueConstellationOf(melody(3, 20)));
    expect(absent.length).toBeGreaterThan(0);
    expect(absent.every((c) => c.confidence < CONFIDENT)).toBe(true);
  });
});

describe('two alignments over the same stretch of film', () => {
  it('puts first the one whose peaks agree over the whole cue, not the one with more landmark votes a bar away', () => {
    // At frame 400 the whole cue with a third of its peaks hidden (as dialogue hides them); 50 frames
    // (1.6 s) later its middle eight seconds again, every peak there: more landmarks line up with that
    // part, but fewer of the cue's peaks.
    const cue = cueConstellationOf(melody(7, 15));
    const peaks = atSpeed(cue, 1);
    const [at, barLater] = [400, 450];
    const random = seeded(3);
    const film = new Set<number>();
    for (const peak of peaks) {
      const frame = peakFrame(peak);
      if (random() < 0.67) film.add(packPeak(at + frame, peakBin(peak)));
      if (frame >= 125 && frame < 375) film.add(packPeak(barLater + frame, peakBin(peak)));
    }
    const index = indexFilm(Uint32Array.from([...film].sort((a, b) => a - b)), 1500);
    const [first, second] = findCue(index, cue, 5, [1]);
    expect(Math.abs(first.alignedMs - at * FRAME_MS)).toBeLessThanOrEqual(100);
    expect(Math.abs(second.alignedMs - barLater * FRAME_MS)).toBeLessThanOrEqual(100);
    // The landmarks alone would have put the cue a bar late; that alignment is no longer offered as found.
    expect(second.votes).toBeGreaterThan(first.votes);
    expect(second.confidence).toBeLessThan(CONFIDENT);
  });
});
