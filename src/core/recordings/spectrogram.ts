import { SPECTROGRAM_FLOOR_DB, SPECTROGRAM_NOTES, spectrogramRows } from '../../shared/spectrogram';
import { decodeSegmentInto } from './decoders/segment';
import type { DecodePlan } from './decoders/plan';

/**
 * The spectrogram of a stretch of a recording: decoded for that stretch only (see decoders/range.ts),
 * mixed to mono, cut into one Hann-windowed window per column, transformed by our own FFT, and read
 * on a log-frequency axis of notes (rows a fraction of a semitone apart, A4 = 440 Hz) as levels
 * 0–255 from SPECTROGRAM_FLOOR_DB up to full scale.
 */

export interface SpectrogramJob {
  path: string;
  /** One segment holding the frames wanted, and a little around them (see planRange). */
  plan: DecodePlan;
  sampleRate: number;
  /** The stretch, in frames of the recording: [fromFrame, toFrame). */
  fromFrame: number;
  toFrame: number;
  columns: number;
}

export interface SpectrogramResult {
  levels: Uint8Array;
  windowSize: number;
  decodeMs: number;
  transformMs: number;
}

/** The window: about 90 ms (4,096 samples at 44.1 and 48 kHz), about 11 Hz between bins, a semitone apart from G3 up. */
export function windowSizeFor(sampleRate: number): number {
  return 2 ** Math.round(Math.log2(Math.max(256, sampleRate * 0.09)));
}

export async function computeSpectrogram(job: SpectrogramJob): Promise<SpectrogramResult> {
  const started = performance.now();
  const windowSize = windowSizeFor(job.sampleRate);
  // Each column's window is centred on its time, so the samples wanted reach half a window either side.
  const first = Math.max(0, job.fromFrame - windowSize / 2);
  const last = job.toFrame + windowSize / 2;
  const mono = new Float32Array(last - first);
  let at = job.plan.segments[0].firstFrame;
  await decodeSegmentInto(
    job.path,
    job.plan,
    0,
    (channels, frames) => {
      const from = Math.max(at, first);
      const to = Math.min(at + frames, last);
      for (let frame = from; frame < to; frame++) {
        let sum = 0;
        for (const channel of channels) sum += channel[frame - at];
        mono[frame - first] = sum / channels.length;
      }
      at += frames;
    },
    () => {}
  );
  const decoded = performance.now();
  const levels = spectrogramLevels(mono, job.fromFrame - first, job.toFrame - first, job.columns, job.sampleRate, windowSize);
  return { levels, windowSize, decodeMs: decoded - started, transformMs: performance.now() - decoded };
}

/**
 * The levels of `columns` windows centred evenly across samples [from, to) of `mono`, row by row of
 * notes for each column (column-major: column c's rows start at c × rows), lowest note first.
 */
export function spectrogramLevels(
  mono: Float32Array,
  from: number,
  to: number,
  columns: number,
  sampleRate: number,
  windowSize: number
): Uint8Array {
  const rows = spectrogramRows();
  const levels = new Uint8Array(rows * columns);
  const fft = realFft(windowSize);
  const hann = hannWindow(windowSize);
  const frame = new Float32Array(windowSize);
  const magnitudes = new Float32Array(windowSize / 2);
  const bands = noteBands(rows, sampleRate, windowSize);
  // A full-scale sine in a Hann window peaks at N/4 in its bin: that is 0 dB.
  const fullScale = windowSize / 4;
  for (let c = 0; c < columns; c++) {
    const centre = Math.round(from + ((c + 0.5) * (to - from)) / columns);
    const start = centre - windowSize / 2;
    for (let i = 0; i < windowSize; i++) {
      const at = start + i;
      frame[i] = at >= 0 && at < mono.length ? mono[at] * hann[i] : 0;
    }
    fft(frame, magnitudes);
    for (let r = 0; r < rows; r++) {
      const band = bands[r];
      let magnitude = 0;
      if (band.firstBin <= band.lastBin) for (let k = band.firstBin; k <= band.lastBin; k++) magnitude = Math.max(magnitude, magnitudes[k]);
      else {
        // Fewer bins than rows down here: the magnitude at the note's own frequency, between its two bins.
        const k = Math.floor(band.bin);
        magnitude = magnitudes[k] + (magnitudes[Math.min(k + 1, magnitudes.length - 1)] - magnitudes[k]) * (band.bin - k);
      }
      const db = 20 * Math.log10(Math.max(1e-12, magnitude / fullScale));
      levels[c * rows + r] = Math.max(0, Math.min(255, Math.round(((db - SPECTROGRAM_FLOOR_DB) / -SPECTROGRAM_FLOOR_DB) * 255)));
    }
  }
  return levels;
}

/** Each row's stretch of bins: from half a row below its note to half a row above; `bin` is the note's own, fractional. */
function noteBands(rows: number, sampleRate: number, windowSize: number) {
  const binHz = sampleRate / windowSize;
  const lastBin = windowSize / 2 - 1;
  const hz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);
  const half = 0.5 / SPECTROGRAM_NOTES.rowsPerSemitone;
  return Array.from({ length: rows }, (_, r) => {
    const midi = SPECTROGRAM_NOTES.lowestMidi + r / SPECTROGRAM_NOTES.rowsPerSemitone;
    return {
      firstBin: Math.min(lastBin, Math.ceil(hz(midi - half) / binHz)),
      lastBin: Math.min(lastBin, Math.floor(hz(midi + half) / binHz)),
      bin: Math.min(lastBin, hz(midi) / binHz)
    };
  });
}

function hannWindow(size: number): Float32Array {
  return Float32Array.from({ length: size }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size));
}

/**
 * A real FFT of `size` (a power of two) samples, returning the magnitude of bins 0 … size/2 − 1:
 * the samples are packed as size/2 complex numbers (even samples real, odd imaginary), transformed by
 * an iterative radix-2 FFT, and the two interleaved spectra separated, so a window costs half a
 * complex transform of its size. It runs once per column of every view (hundreds a view), so the loops
 * allocate nothing and read each stage's twiddles in order from a table of their own.
 */
export function realFft(size: number): (samples: Float32Array, magnitudes: Float32Array) => void {
  const half = size / 2;
  const bits = Math.log2(half);
  const reversed = new Uint32Array(half);
  for (let i = 0; i < half; i++) {
    let r = 0;
    for (let b = 0, v = i; b < bits; b++, v >>= 1) r = (r << 1) | (v & 1);
    reversed[i] = r;
  }
  // e^(−2πik/size) for k < size/2, for the separation; the complex transform's stage of butterflies
  // `span` apart uses e^(−2πij/(2·span)) for j < span, kept at twiddles[span − 1 + j].
  const cos = Float64Array.from({ length: half }, (_, k) => Math.cos((2 * Math.PI * k) / size));
  const sin = Float64Array.from({ length: half }, (_, k) => Math.sin((2 * Math.PI * k) / size));
  const twiddleRe = new Float64Array(Math.max(1, half - 1));
  const twiddleIm = new Float64Array(Math.max(1, half - 1));
  for (let span = 1; span < half; span *= 2)
    for (let j = 0; j < span; j++) {
      twiddleRe[span - 1 + j] = Math.cos((Math.PI * j) / span);
      twiddleIm[span - 1 + j] = -Math.sin((Math.PI * j) / span);
    }
  const re = new Float64Array(half);
  const im = new Float64Array(half);
  return (samples, magnitudes) => {
    for (let i = 0; i < half; i++) {
      const j = reversed[i];
      re[j] = samples[2 * i];
      im[j] = samples[2 * i + 1];
    }
    for (let span = 1; span < half; span *= 2) {
      const table = span - 1;
      for (let start = 0; start < half; start += 2 * span) {
        for (let j = 0; j < span; j++) {
          const wr = twiddleRe[table + j];
          const wi = twiddleIm[table + j];
          const a = start + j;
          const b = a + span;
          const tr = re[b] * wr - im[b] * wi;
          const ti = re[b] * wi + im[b] * wr;
          re[b] = re[a] - tr;
          im[b] = im[a] - ti;
          re[a] += tr;
          im[a] += ti;
        }
      }
    }
    for (let k = 0; k < half; k++) {
      const m = k === 0 ? 0 : half - k;
      // Even samples' spectrum E and odd samples' O, from Z[k] and conj(Z[half − k]).
      const er = (re[k] + re[m]) / 2;
      const ei = (im[k] - im[m]) / 2;
      const or = (im[k] + im[m]) / 2;
      const oi = (re[m] - re[k]) / 2;
      const xr = er + cos[k] * or + sin[k] * oi;
      const xi = ei + cos[k] * oi - sin[k] * or;
      magnitudes[k] = Math.sqrt(xr * xr + xi * xi);
    }
  };
}
