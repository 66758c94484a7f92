/**
 * The film's sound analysed in parts, one per thread: FAAD2, the resampler and the FFT each take a
 * share of the time and none dominates, so only running them side by side shortens the wait. Each
 * part finds the peaks of its own frames, and the parts joined are the whole's constellation:
 * - parts meet at an even frame, as frames pair in the constellation's shared FFT;
 * - a part starts its spectra `LEAD_FRAMES` early and ends them `LEAD_FRAMES` late, so each of its
 *   frames is compared with all its neighbours, and drops the peaks of frames not its own;
 * - its samples are the whole sound's from its first spectrum on (`SoundPart`).
 * An AAC stream that substitutes noise for some bands (PNS) draws that noise from a generator that
 * runs through the whole stream, so there a part's noise differs from the whole's: noise, not music.
 */
import { ConstellationBuilder, FRAME_MS, HOP, peakFrame, WINDOW } from './constellation';
import { decodeFilmSound, type FilmSoundSource } from './film-sound';

/** Frames of the film's constellation a part finds peaks for: from `from` (even) to `to` or the end. */
export interface FramePart {
  from: number;
  to?: number;
}

/** Even (frames pair in the FFT) and at least a peak's neighbourhood (3 frames). */
const LEAD_FRAMES = 4;
/** A sound shorter than this is analysed whole: a thread's start would cost more than it saves. */
const SHORTEST_SPLIT_MS = 20_000;

/** Cuts a sound of `durationMs` into `count` parts of about equal length. */
export function planParts(durationMs: number, count: number): FramePart[] {
  if (count < 2 || durationMs < SHORTEST_SPLIT_MS) return [{ from: 0 }];
  const frames = durationMs / FRAME_MS;
  const cuts = Array.from({ length: count - 1 }, (_, i) => 2 * Math.round(((i + 1) * frames) / count / 2));
  return [0, ...cuts].map((from, i) => (i < cuts.length ? { from, to: cuts[i] } : { from }));
}

export interface PartFeatures {
  /** The part's peaks (packed, in time order). */
  peaks: Uint32Array;
  /** Frames the sound is known to have: all of them for the part that reached its end. */
  frames: number;
}

/** Finds the constellation of one part of the film's sound. */
export async function analysePart(source: FilmSoundSource, part: FramePart, onProgress: (fraction: number) => void): Promise<PartFeatures> {
  const firstFrame = Math.max(0, part.from - LEAD_FRAMES);
  const builder = new ConstellationBuilder(false, firstFrame);
  let peaks = new Uint32Array(1 << 16);
  let count = 0;
  const keep = (found: number[]): void => {
    for (const peak of found) {
      const frame = peakFrame(peak);
      if (frame < part.from || (part.to !== undefined && frame >= part.to)) continue;
      if (count === peaks.length) {
        const grown = new Uint32Array(peaks.length * 2);
        grown.set(peaks);
        peaks = grown;
      }
      peaks[count++] = peak;
    }
  };
  const soundEnded = await decodeFilmSound(
    source,
    (mono) => {
      builder.push(mono);
      keep(builder.take());
    },
    onProgress,
    {
      from: firstFrame * HOP,
      to: part.to === undefined ? undefined : (part.to + LEAD_FRAMES - 1) * HOP + WINDOW
    }
  );
  // The part's last frames have their neighbours after them; the sound's last have silence.
  if (soundEnded) keep(builder.finish());
  return { peaks: peaks.slice(0, count), frames: firstFrame + builder.frames };
}

/** The whole's constellation from its parts, in order. */
export function joinParts(parts: readonly PartFeatures[]): PartFeatures {
  const peaks = new Uint32Array(parts.reduce((sum, part) => sum + part.peaks.length, 0));
  let at = 0;
  for (const part of parts) {
    peaks.set(part.peaks, at);
    at += part.peaks.length;
  }
  return { peaks, frames: Math.max(...parts.map((part) => part.frames)) };
}
