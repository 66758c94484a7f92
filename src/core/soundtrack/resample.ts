/**
 * A streaming band-limited resampler (windowed sinc): a film's 48 kHz sound and an album's 44.1 kHz
 * recording both come down to the analysis rate, and a cue is stretched by a candidate speed, with
 * the same filter, so their spectra differ only by what the film did to the music.
 */

/** Sinc zero crossings on each side of the kernel: enough for a fingerprint, cheap for two hours of film. */
const ZERO_CROSSINGS = 4;
/** Fractional positions the kernel is tabulated at. */
const PHASES = 256;
/** The passband ends this far below the lower rate's Nyquist frequency, so the kernel's slope rejects aliases. */
const PASSBAND = 0.9;

export class Resampler {
  private readonly step: number;
  private readonly halfWidth: number;
  private readonly table: Float32Array;
  private readonly taps: number;
  /**
   * For a whole ratio (48 kHz to 8 kHz: 6) every output sits on a source sample, so only the kernel's
   * phase 0 is used; it is symmetric about its centre tap, so each pair of samples either side shares
   * one multiplication. Summed in double precision, this rounds to the same float32 as the full sum.
   */
  private readonly folded: Float32Array | undefined;
  private buffer = new Float32Array(8192);
  /** Source samples in `buffer`, and the source index of `buffer[0]`. */
  private held = 0;
  private heldFrom = 0;
  private nextOutput = 0;
  private sourceSamples = 0;

  /**
   * `startAt`: the source index of the first sample pushed, when the source is taken up part way
   * (one of the film's parts, each on its own thread). Outputs stay on the whole source's grid
   * (output n at source position n·step), so a part's outputs equal the whole's once their kernel
   * lies inside what was pushed (`firstExact`).
   */
  constructor(
    readonly fromRate: number,
    readonly toRate: number,
    startAt = 0
  ) {
    if (!(fromRate > 0 && toRate > 0)) throw new Error(`cannot resample from ${fromRate} Hz to ${toRate} Hz`);
    this.step = fromRate / toRate;
    // Cut-off as a fraction of the source rate.
    const cutoff = (PASSBAND * Math.min(fromRate, toRate)) / 2 / fromRate;
    this.halfWidth = Math.ceil(ZERO_CROSSINGS / (2 * cutoff));
    this.taps = 2 * this.halfWidth;
    this.table = new Float32Array((PHASES + 1) * this.taps);
    for (let phase = 0; phase <= PHASES; phase++) {
      const frac = phase / PHASES;
      for (let t = 0; t < this.taps; t++) {
        // Tap t weighs source sample floor(p) - halfWidth + 1 + t, at distance x from the position p.
        const x = t - this.halfWidth + 1 - frac;
        const window = 0.5 + 0.5 * Math.cos((Math.PI * x) / (this.halfWidth + 1));
        const arg = 2 * cutoff * x;
        const sinc = arg === 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
        this.table[phase * this.taps + t] = 2 * cutoff * sinc * window;
      }
    }
    // Phase 0's tap halfWidth − 1 is its centre (x = 0), and tap t mirrors tap 2·(halfWidth − 1) − t.
    if (Number.isInteger(this.step)) this.folded = this.table.slice(this.halfWidth - 1, this.taps);
    this.heldFrom = startAt;
    this.sourceSamples = startAt;
    this.nextOutput = Math.ceil(startAt / this.step);
  }

  /** The index of the next output (outputs are numbered from the source's start). */
  get nextIndex(): number {
    return this.nextOutput;
  }

  /** The first source index the kernel of output `n` reaches back to. */
  sourceFor(n: number): number {
    return Math.floor(n * this.step) - this.halfWidth + 1;
  }

  /** The first output whose kernel lies inside what was pushed from `startAt` on. */
  firstExact(startAt: number): number {
    let n = Math.ceil(startAt / this.step);
    while (this.sourceFor(n) < startAt) n++;
    return n;
  }

  /** Resamples the next source samples; returns the output samples they complete. */
  push(samples: Float32Array): Float32Array {
    this.sourceSamples += samples.length;
    this.append(samples);
    return this.drain(false);
  }

  /** The output samples still owed at the end of the source (it continues as silence). */
  finish(): Float32Array {
    this.append(new Float32Array(this.halfWidth + 1));
    return this.drain(true);
  }

  private append(samples: Float32Array): void {
    if (this.held + samples.length > this.buffer.length) {
      const grown = new Float32Array(Math.max(this.buffer.length * 2, this.held + samples.length));
      grown.set(this.buffer.subarray(0, this.held));
      this.buffer = grown;
    }
    this.buffer.set(samples, this.held);
    this.held += samples.length;
  }

  private drain(last: boolean): Float32Array {
    const end = this.heldFrom + this.held;
    // Outputs whose kernel lies inside what is held (before the source began counts as silence).
    const limit = last ? Math.ceil(this.sourceSamples / this.step) : Math.floor((end - this.halfWidth - 1) / this.step) + 1;
    const count = Math.max(0, limit - this.nextOutput);
    const out = new Float32Array(count);
    const { buffer, table, taps, halfWidth, step, folded, heldFrom } = this;
    // At a whole ratio, the outputs whose kernel lies inside what is held take the folded sum; the
    // ones before (near the source's start, where it reaches before it) the general one.
    const general = folded ? Math.min(count, Math.max(0, Math.ceil((heldFrom + halfWidth - 1) / step) - this.nextOutput)) : count;
    for (let i = 0; i < general; i++) {
      const position = (this.nextOutput + i) * step;
      const base = Math.floor(position);
      const phase = Math.round((position - base) * PHASES);
      const row = phase * taps;
      const first = base - halfWidth + 1 - heldFrom;
      let sum = 0;
      if (first >= 0) {
        for (let t = 0; t < taps; t++) sum += buffer[first + t] * table[row + t];
      } else {
        for (let t = -first; t < taps; t++) sum += buffer[first + t] * table[row + t];
      }
      out[i] = sum;
    }
    if (folded) {
      const reach = halfWidth - 1;
      // Stepped by whole numbers, so the loads index by small integers.
      for (let i = general, centre = (this.nextOutput + general) * step - heldFrom; i < count; i++, centre += step) {
        let sum = buffer[centre] * folded[0];
        for (let x = 1; x <= reach; x++) sum += (buffer[centre + x] + buffer[centre - x]) * folded[x];
        out[i] = sum + buffer[centre + halfWidth] * folded[halfWidth];
      }
    }
    this.nextOutput += count;
    // Keep the source the next output's kernel still reaches back to.
    const keepFrom = Math.max(this.heldFrom, Math.floor(this.nextOutput * step) - halfWidth);
    const drop = keepFrom - this.heldFrom;
    if (drop > 0) {
      this.buffer.copyWithin(0, drop, this.held);
      this.held -= drop;
      this.heldFrom = keepFrom;
    }
    return out;
  }
}

/** Resamples a whole signal at once. */
export function resample(samples: Float32Array, fromRate: number, toRate: number): Float32Array {
  const resampler = new Resampler(fromRate, toRate);
  const head = resampler.push(samples);
  const tail = resampler.finish();
  const out = new Float32Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
}

/** One channel from many: their mean, so a film's centre dialogue and its music keep their balance. */
export function mixToMono(channels: Float32Array[], frames = channels[0]?.length ?? 0): Float32Array {
  if (channels.length === 1) return channels[0].subarray(0, frames);
  const mono = new Float32Array(frames);
  for (const channel of channels) for (let i = 0; i < frames; i++) mono[i] += channel[i];
  const scale = 1 / channels.length;
  for (let i = 0; i < frames; i++) mono[i] *= scale;
  return mono;
}
