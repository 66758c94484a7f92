/**
 * The soundtrack's constellation: the spectral peaks that stand out of their neighbourhood in time
 * and frequency. Music under dialogue keeps most of its own peaks (speech adds others, and hides
 * some), and a peak's place does not move with the level or the equalisation of the mix, so two
 * mixes of one recording share most of their constellation.
 */

/** Analysis rate: music's tonal peaks are below 4 kHz, and two hours of film stay small. */
export const ANALYSIS_RATE = 8000;
/** Window of the spectrum (64 ms) and the step between spectra (32 ms): one frame of film time. */
export const WINDOW = 512;
export const HOP = 256;
export const BINS = WINDOW / 2;
export const FRAME_MS = (HOP / ANALYSIS_RATE) * 1000;

/** Bins below this (62 Hz) hold rumble and hum, not music a score is known by. */
export const LOWEST_BIN = 4;
/** A peak is the highest point within ±6 bins (±94 Hz) and ±3 frames (±96 ms). */
export const NEIGHBOUR_BINS = 6;
const NEIGHBOUR_FRAMES = 3;
/** The strongest peaks of a frame that are kept: 156 a second at most. */
const PEAKS_PER_FRAME = 5;
/** A peak stands this far above its frame's mean log power (natural log: about 8.7 dB). */
const ABOVE_MEAN = 2;
/** Log power of digital silence's spectrum, so a silent frame has no peaks. */
const SILENCE = Math.log(1e-7);

/** A peak packed in 32 bits: its frame (up to 149 hours) above its bin. */
export const packPeak = (frame: number, bin: number): number => frame * 256 + bin;
export const peakFrame = (peak: number): number => Math.floor(peak / 256);
export const peakBin = (peak: number): number => peak & 255;

const fftSize = WINDOW;
const bitReversed = new Uint16Array(fftSize);
const cosTable = new Float64Array(fftSize / 2);
const sinTable = new Float64Array(fftSize / 2);
const hann = new Float32Array(WINDOW);
{
  const bits = Math.log2(fftSize);
  for (let i = 0; i < fftSize; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
    bitReversed[i] = r;
  }
  for (let i = 0; i < fftSize / 2; i++) {
    cosTable[i] = Math.cos((2 * Math.PI * i) / fftSize);
    sinTable[i] = -Math.sin((2 * Math.PI * i) / fftSize);
  }
  for (let i = 0; i < WINDOW; i++) hann[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / WINDOW);
}

/**
 * In-place radix-2 FFT of `re` + i·`im`, given in bit-reversed order (the caller writes its samples
 * there, rather than moving them after). Each twiddle factor is loaded once per stage, for all the
 * butterflies that use it: the same arithmetic, so the same spectrum, as butterfly by butterfly.
 */
function fftOfReversed(re: Float64Array, im: Float64Array): void {
  for (let size = 2; size <= fftSize; size *= 2) {
    const half = size / 2;
    const stride = fftSize / size;
    for (let k = 0; k < half; k++) {
      const wr = cosTable[k * stride];
      const wi = sinTable[k * stride];
      for (let a = k; a < fftSize; a += size) {
        const b = a + half;
        const xr = re[b] * wr - im[b] * wi;
        const xi = re[b] * wi + im[b] * wr;
        re[b] = re[a] - xr;
        im[b] = im[a] - xi;
        re[a] += xr;
        im[a] += xi;
      }
    }
  }
}

/**
 * Each bin's maximum over ±NEIGHBOUR_BINS (within LOWEST_BIN and the last bin), into `widest`, in
 * three passes rather than 13 comparisons a bin (van Herk, Gil and Werman): in blocks as wide as a
 * neighbourhood, the maxima from each block's start and to each block's end; a whole neighbourhood
 * spans at most two blocks, so its maximum is the larger of the one to its first bin's block end and
 * the one from its last bin's block start. The neighbourhoods cut short at the edges are compared
 * bin by bin. `scratch`: two spectra's room, allocated once by the caller.
 */
export function neighbourhoodMaxima(
  spectrum: Float32Array,
  widest: Float32Array,
  scratch: { fromBlockStart: Float32Array; toBlockEnd: Float32Array }
): void {
  const { fromBlockStart, toBlockEnd } = scratch;
  const width = 2 * NEIGHBOUR_BINS + 1;
  for (let start = LOWEST_BIN; start < BINS; start += width) {
    const end = Math.min(BINS, start + width);
    let max = -Infinity;
    for (let k = start; k < end; k++) fromBlockStart[k] = max = spectrum[k] > max ? spectrum[k] : max;
    max = -Infinity;
    for (let k = end - 1; k >= start; k--) toBlockEnd[k] = max = spectrum[k] > max ? spectrum[k] : max;
  }
  for (let k = LOWEST_BIN + NEIGHBOUR_BINS; k < BINS - NEIGHBOUR_BINS; k++) {
    const before = toBlockEnd[k - NEIGHBOUR_BINS];
    const after = fromBlockStart[k + NEIGHBOUR_BINS];
    widest[k] = before > after ? before : after;
  }
  for (let k = LOWEST_BIN; k < BINS; k++) {
    if (k === LOWEST_BIN + NEIGHBOUR_BINS) k = BINS - NEIGHBOUR_BINS;
    let max = -Infinity;
    const to = Math.min(BINS - 1, k + NEIGHBOUR_BINS);
    for (let j = Math.max(LOWEST_BIN, k - NEIGHBOUR_BINS); j <= to; j++) if (spectrum[j] > max) max = spectrum[j];
    widest[k] = max;
  }
}

/** The spectra a peak is compared with: its own and `NEIGHBOUR_FRAMES` on each side. */
const RING = 2 * NEIGHBOUR_FRAMES + 1;

/**
 * Finds the constellation of a signal at `ANALYSIS_RATE`, pushed in pieces of any length. Two
 * frames share one complex FFT (one in the real part, one in the imaginary), which halves the work
 * of two hours of film. Frames pair from the first (0 with 1, 2 with 3…), and a frame's spectrum
 * depends on its partner only by rounding, so a signal cut at an even frame gives the same peaks in
 * pieces as whole. Every buffer is allocated once: two hours of film are 225,000 spectra.
 */
export class ConstellationBuilder {
  private readonly samples = new Float32Array(WINDOW + HOP);
  private held = 0;
  /** Spectra of the signal analysed so far (not counting the silence `finish` pads with). */
  private analysed = 0;
  /** A frame waiting for its partner in the shared FFT. */
  private readonly waiting = new Float32Array(WINDOW);
  private isWaiting = false;
  private readonly re = new Float64Array(fftSize);
  private readonly im = new Float64Array(fftSize);
  /** The last `RING` spectra and each one's maximum over ±NEIGHBOUR_BINS, in a circle (spectrum n at n % RING). */
  private readonly spectra = Array.from({ length: RING }, () => new Float32Array(BINS));
  private readonly widest = Array.from({ length: RING }, () => new Float32Array(BINS));
  private readonly means = new Float64Array(RING);
  private readonly scratch = { fromBlockStart: new Float32Array(BINS), toBlockEnd: new Float32Array(BINS) };
  private spectraSeen = 0;
  /** The frame's candidate peaks (bin, level), then the strongest chosen in bin order. */
  private readonly candidateBins = new Uint8Array(BINS);
  private readonly candidateLevels = new Float32Array(BINS);
  private readonly chosen = new Uint8Array(PEAKS_PER_FRAME);
  private peaks: number[] = [];
  /** Each peak's bin to a fraction (parabolic interpolation), for a cue to be played at another speed. */
  readonly fineBins: number[] = [];

  /** `firstFrame`: the frame the first sample pushed begins, when the signal is taken up part way. */
  constructor(
    private readonly keepFineBins = false,
    private readonly firstFrame = 0
  ) {}

  push(input: Float32Array): void {
    for (let at = 0; at < input.length;) {
      const take = Math.min(input.length - at, WINDOW - this.held);
      this.samples.set(input.subarray(at, at + take), this.held);
      this.held += take;
      at += take;
      if (this.held === WINDOW) {
        const frame = this.samples.subarray(0, WINDOW);
        if (this.isWaiting) this.transform(this.waiting, frame);
        else this.waiting.set(frame);
        this.isWaiting = !this.isWaiting;
        this.samples.copyWithin(0, HOP, WINDOW);
        this.held = WINDOW - HOP;
      }
    }
  }

  /** The peaks found so far (packed, in time order), handed over and forgotten. */
  take(): number[] {
    const peaks = this.peaks;
    this.peaks = [];
    return peaks;
  }

  /** Ends the signal (the last window completed with silence) and returns the remaining peaks. */
  finish(): number[] {
    if (this.held > WINDOW - HOP) this.push(new Float32Array(WINDOW - this.held));
    if (this.isWaiting) this.transform(this.waiting, undefined);
    this.isWaiting = false;
    for (let i = 0; i < NEIGHBOUR_FRAMES; i++) {
      this.spectrumSlot().fill(SILENCE);
      this.addSpectrum(false);
    }
    return this.take();
  }

  /** Frames analysed so far. */
  get frames(): number {
    return this.analysed;
  }

  private transform(a: Float32Array, b: Float32Array | undefined): void {
    const { re, im } = this;
    for (let i = 0; i < fftSize; i++) {
      const at = bitReversed[i];
      re[at] = a[i] * hann[i];
      im[at] = b ? b[i] * hann[i] : 0;
    }
    fftOfReversed(re, im);
    // Separating the two real signals: A = (Z[k] + conj Z[-k]) / 2, B = (Z[k] − conj Z[-k]) / 2i.
    const first = this.spectrumSlot();
    for (let k = 0; k < BINS; k++) {
      const j = (fftSize - k) % fftSize;
      const ar = (re[k] + re[j]) / 2;
      const ai = (im[k] - im[j]) / 2;
      first[k] = Math.log(ar * ar + ai * ai + 1e-12);
    }
    this.addSpectrum(true);
    if (!b) return;
    const second = this.spectrumSlot();
    for (let k = 0; k < BINS; k++) {
      const j = (fftSize - k) % fftSize;
      const br = (im[k] + im[j]) / 2;
      const bi = (re[j] - re[k]) / 2;
      second[k] = Math.log(br * br + bi * bi + 1e-12);
    }
    this.addSpectrum(true);
  }

  /** Where the next spectrum is written. */
  private spectrumSlot(): Float32Array {
    return this.spectra[this.spectraSeen % RING];
  }

  /** Takes in the spectrum just written to `spectrumSlot()`, and picks the peaks of the one now in the middle. */
  private addSpectrum(ofSignal: boolean): void {
    if (ofSignal) this.analysed++;
    const slot = this.spectraSeen % RING;
    const spectrum = this.spectra[slot];
    const widest = this.widest[slot];
    let sum = 0;
    for (let k = LOWEST_BIN; k < BINS; k++) sum += spectrum[k];
    neighbourhoodMaxima(spectrum, widest, this.scratch);
    this.means[slot] = sum / (BINS - LOWEST_BIN);
    this.spectraSeen++;
    // The middle of the ring has its whole neighbourhood; the first frames have nothing before them.
    const middle = this.spectraSeen - 1 - NEIGHBOUR_FRAMES;
    if (middle < 0) return;
    const held = Math.min(this.spectraSeen, RING);
    const oldest = this.spectraSeen - held;
    const centreSlot = middle % RING;
    const centre = this.spectra[centreSlot];
    const floor = Math.max(SILENCE, this.means[centreSlot] + ABOVE_MEAN);
    const { candidateBins, candidateLevels } = this;
    let candidates = 0;
    for (let k = LOWEST_BIN; k < BINS; k++) {
      const level = centre[k];
      if (level < floor || level < this.widest[centreSlot][k]) continue;
      let highest = true;
      for (let n = oldest; n < this.spectraSeen; n++) {
        if (n !== middle && this.widest[n % RING][k] > level) {
          highest = false;
          break;
        }
      }
      if (highest) {
        candidateBins[candidates] = k;
        candidateLevels[candidates++] = level;
      }
    }
    this.keepStrongest(middle, centre, candidates);
  }

  /** Keeps the frame's `PEAKS_PER_FRAME` strongest candidates (the lower bin first among equals), in bin order. */
  private keepStrongest(frame: number, spectrum: Float32Array, candidates: number): void {
    const { candidateBins, candidateLevels, chosen } = this;
    let kept = 0;
    if (candidates <= PEAKS_PER_FRAME) {
      for (; kept < candidates; kept++) chosen[kept] = candidateBins[kept];
    } else {
      for (; kept < PEAKS_PER_FRAME; kept++) {
        let best = 0;
        for (let c = 1; c < candidates; c++) if (candidateLevels[c] > candidateLevels[best]) best = c;
        chosen[kept] = candidateBins[best];
        candidateLevels[best] = -Infinity;
      }
      chosen.subarray(0, kept).sort();
    }
    for (let i = 0; i < kept; i++) {
      const bin = chosen[i];
      this.peaks.push(packPeak(this.firstFrame + frame, bin));
      if (this.keepFineBins) {
        const at = spectrum[bin];
        const before = spectrum[bin - 1];
        const after = bin + 1 < BINS ? spectrum[bin + 1] : at;
        const curve = before - 2 * at + after;
        this.fineBins.push(curve < 0 ? bin + (0.5 * (before - after)) / curve : bin);
      }
    }
  }
}

/** The constellation of a whole signal at `ANALYSIS_RATE`. */
export function constellationOf(signal: Float32Array): Uint32Array {
  const builder = new ConstellationBuilder();
  builder.push(signal);
  return Uint32Array.from(builder.finish());
}

/** A cue's constellation with each peak's frame and fractional bin, to be played at any speed. */
export interface CueConstellation {
  frames: Uint32Array;
  bins: Float32Array;
}

export function cueConstellationOf(signal: Float32Array): CueConstellation {
  const builder = new ConstellationBuilder(true);
  builder.push(signal);
  const peaks = builder.finish();
  return { frames: Uint32Array.from(peaks, peakFrame), bins: Float32Array.from(builder.fineBins) };
}

/**
 * The constellation the cue would have if the film played it `speed` times as fast: every peak
 * comes `speed` times sooner and higher, as a telecine's speed-up moves it. Moving the peaks costs
 * nothing beside analysing the cue again at each speed, and finds the same peaks but for rounding.
 */
export function atSpeed(cue: CueConstellation, speed: number): Uint32Array {
  const moved: number[] = [];
  for (let i = 0; i < cue.frames.length; i++) {
    const bin = Math.round(cue.bins[i] * speed);
    if (bin < BINS) moved.push(packPeak(Math.round(cue.frames[i] / speed), bin));
  }
  moved.sort((a, b) => a - b);
  return Uint32Array.from(moved.filter((peak, i) => peak !== moved[i - 1]));
}
