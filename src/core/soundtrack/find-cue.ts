/**
 * Finding a cue in the film's soundtrack by landmarks: pairs of constellation peaks, each hashed by
 * the first peak's bin, the second's distance in bins and the frames between them. A cue that sounds
 * in the film shares many landmarks with it, all at one time offset; chance shares scatter.
 *
 * A film from a PAL source runs 4.1% fast and as much sharp, which moves every bin and every gap.
 * Rather than hashes that ignore both (and so match far more by chance), the cue's constellation is
 * moved to each candidate speed (`atSpeed`) and its landmarks looked up as they are: exact hashes
 * stay selective, the film's index is built once, and each speed costs a few milliseconds.
 */
import { atSpeed, FRAME_MS, peakBin, peakFrame, type CueConstellation } from './constellation';

/** Landmarks pair a peak with peaks up to 63 frames (2 s) later and 63 bins (1 kHz) away. */
const MAX_GAP_FRAMES = 63;
const MAX_BIN_DISTANCE = 63;
/**
 * Pairs per peak: more in the film than in the cue. Dialogue adds peaks to the film, so "the next
 * five peaks" of a music peak are not the same in the film as in the album; the film pairing each
 * peak with more of its followers keeps most of the cue's pairs among its own.
 */
export const FILM_FAN_OUT = 12;
const CUE_FAN_OUT = 6;
const HASH_BITS = 21;

/** Speeds tried: 0.948 to 1.052 in steps of 0.4%, so no speed within ±5% is more than 0.2% off one of them. */
export const SPEEDS = Array.from({ length: 27 }, (_, i) => Math.round((1 + (i - 13) * 0.004) * 10000) / 10000);

/** Votes are summed over ±2 frames: a speed 0.2% off drifts that far over a minute of music. */
const VOTE_WINDOW = 2;
/** Two candidates closer than this in film time are one. */
const SEPARATION_FRAMES = Math.round(2000 / FRAME_MS);

const hashOf = (bin: number, distance: number, gap: number): number => (bin << 13) | ((distance + MAX_BIN_DISTANCE) << 6) | gap;

/** Calls `visit` with each landmark's hash and the frame of its first peak. */
function forEachLandmark(peaks: Uint32Array, fanOut: number, visit: (hash: number, frame: number) => void): void {
  for (let i = 0; i < peaks.length; i++) {
    const frame = peakFrame(peaks[i]);
    const bin = peakBin(peaks[i]);
    let paired = 0;
    for (let j = i + 1; j < peaks.length && paired < fanOut; j++) {
      const gap = peakFrame(peaks[j]) - frame;
      if (gap > MAX_GAP_FRAMES) break;
      const distance = peakBin(peaks[j]) - bin;
      if (gap === 0 || distance > MAX_BIN_DISTANCE || distance < -MAX_BIN_DISTANCE) continue;
      visit(hashOf(bin, distance, gap), frame);
      paired++;
    }
  }
}

/**
 * The film's landmarks by hash (compressed rows): for each hash, the frames where it occurs; and its
 * peaks by frame (the peaks of frame f are `peaks[frameStarts[f]]` up to `peaks[frameStarts[f + 1]]`).
 */
export interface FilmIndex {
  frames: number;
  starts: Uint32Array;
  landmarkFrames: Uint32Array;
  peaks: Uint32Array;
  frameStarts: Uint32Array;
}

/** Builds the film's landmark index from its cached constellation (two hours: a few tenths of a second). */
export function indexFilm(peaks: Uint32Array, frames: number): FilmIndex {
  const counts = new Uint32Array((1 << HASH_BITS) + 1);
  let total = 0;
  forEachLandmark(peaks, FILM_FAN_OUT, (hash) => {
    counts[hash + 1]++;
    total++;
  });
  for (let h = 1; h < counts.length; h++) counts[h] += counts[h - 1];
  const starts = counts;
  const filled = starts.slice(0, -1);
  const landmarkFrames = new Uint32Array(total);
  forEachLandmark(peaks, FILM_FAN_OUT, (hash, frame) => {
    landmarkFrames[filled[hash]++] = frame;
  });
  const frameStarts = new Uint32Array(frames + 2);
  for (const peak of peaks) frameStarts[Math.min(frames, peakFrame(peak)) + 1]++;
  for (let f = 1; f < frameStarts.length; f++) frameStarts[f] += frameStarts[f - 1];
  return { frames, starts, landmarkFrames, peaks, frameStarts };
}

/** A place in the film where the cue may sound. */
export interface CueCandidate {
  /** Film time at which the cue's own time 0 falls (before the film, if it uses only the cue's end). */
  alignedMs: number;
  /** The film's speed relative to the recording (1.041: a PAL speed-up). */
  speed: number;
  /** The part of the cue heard in the film, in cue time, and where it sounds in film time. */
  cueFromMs: number;
  cueToMs: number;
  filmFromMs: number;
  filmToMs: number;
  /** Landmarks shared at this alignment. */
  votes: number;
  /** How unlikely it is that this many landmarks line up by chance, from 0 to 1 (see `confidenceOf`). */
  confidence: number;
}

interface Alignment {
  offset: number;
  speed: number;
  votes: number;
  /** Mean offset of the window's votes, in frames: finer than a frame. */
  centre: number;
}

/**
 * Alignments after the best few are chance: landmarks that meet at a wrong offset. The mean votes of
 * ranks 10 to 40 over every speed is what chance gives this cue in this film (its own repeated
 * chords, the film's other music), measured rather than modelled.
 */
const CHANCE_RANKS: readonly [number, number] = [10, 40];

/**
 * Candidate film times for a cue, best first: `limit` candidates at most, none of them within two
 * seconds of a better one.
 */
export function findCue(film: FilmIndex, cue: CueConstellation, limit = 5, speeds: readonly number[] = SPEEDS): CueCandidate[] {
  const alignments: Alignment[] = [];
  const played = new Map<number, Uint32Array>();
  for (const speed of speeds) {
    const peaks = atSpeed(cue, speed);
    played.set(speed, peaks);
    alignments.push(...alignmentsAt(film, peaks, speed, CHANCE_RANKS[1]));
  }
  alignments.sort((a, b) => b.votes - a.votes);
  const distinct: Alignment[] = [];
  for (const a of alignments) {
    if (distinct.length >= CHANCE_RANKS[1]) break;
    if (distinct.some((k) => Math.abs(k.centre - a.centre) < SEPARATION_FRAMES)) continue;
    distinct.push(a);
  }
  const chanceRanks = distinct.slice(CHANCE_RANKS[0]);
  const chance = Math.max(1, chanceRanks.reduce((sum, a) => sum + a.votes, 0) / Math.max(1, chanceRanks.length));
  const candidates = distinct.slice(0, limit).map((a) => describe(film, played.get(a.speed) as Uint32Array, a, chance));
  const best = distinct[0];
  if (!best) return candidates;
  const rival = truerRival(film, played.get(best.speed) as Uint32Array, best);
  if (!rival) return candidates;
  // The rival over the same stretch of film is the better account of it: it comes first, and the
  // alignment it beat, which cannot also be right, is at most an even bet.
  const beaten = { ...candidates[0], confidence: Math.min(0.5, candidates[0].confidence) };
  const others = candidates.slice(1).filter((_, i) => Math.abs(distinct[i + 1].centre - rival.centre) >= SEPARATION_FRAMES);
  return [describe(film, played.get(best.speed) as Uint32Array, rival, chance), beaten, ...others].slice(0, limit);
}

/** Alignments within this share of the best's votes are told apart by the peaks they share with the film. */
const RIVAL_SHARE = 0.5;
/** Alignments closer than this (frames) are one position: within it the votes choose the fine offset. */
const SAME_POSITION_FRAMES = 10;

/**
 * Landmarks vote where pairs of peaks hash alike, and music whose bars repeat can gather more of
 * them a bar away from where it sounds (under dialogue, which adds peaks to pair with, the true
 * alignment can lose a fifth of its votes). The peaks themselves tell: at the true alignment the
 * film has the cue's peaks over the cue's whole length, a bar away only where the bars repeat. So the
 * alignments of the best one's speed that put the cue over the same stretch of film (closer than the
 * cue's length) with at least `RIVAL_SHARE` of its votes are compared by the cue's peaks found in
 * the film (within a frame and a bin), and the one with the most wins. Answers the winner if it is
 * not the best.
 */
function truerRival(film: FilmIndex, peaks: Uint32Array, best: Alignment): Alignment | undefined {
  const cueFrames = peaks.length ? peakFrame(peaks[peaks.length - 1]) + 1 : 0;
  const rivals = alignmentsAt(film, peaks, best.speed, 10, SAME_POSITION_FRAMES).filter(
    (a) =>
      a.votes >= RIVAL_SHARE * best.votes &&
      Math.abs(a.centre - best.centre) >= SAME_POSITION_FRAMES &&
      Math.abs(a.centre - best.centre) < cueFrames
  );
  if (rivals.length === 0) return undefined;
  let winner: Alignment | undefined;
  let most = peaksShared(film, peaks, best.centre);
  for (const alignment of rivals) {
    const shared = peaksShared(film, peaks, alignment.centre);
    if (shared > most) [winner, most] = [alignment, shared];
  }
  return winner;
}

/** The cue's peaks (at its speed) that the film has too at this alignment, within a frame and a bin. */
function peaksShared(film: FilmIndex, peaks: Uint32Array, centre: number): number {
  let shared = 0;
  for (const peak of peaks) {
    const frame = Math.round(peakFrame(peak) + centre);
    const bin = peakBin(peak);
    let found = false;
    for (let f = Math.max(0, frame - 1); f <= Math.min(film.frames - 1, frame + 1) && !found; f++) {
      for (let i = film.frameStarts[f]; i < film.frameStarts[f + 1] && !found; i++) found = Math.abs(peakBin(film.peaks[i]) - bin) <= 1;
    }
    if (found) shared++;
  }
  return shared;
}

/** The best alignments of one speed's landmarks with the film's, `separation` frames apart at least. */
function alignmentsAt(film: FilmIndex, peaks: Uint32Array, speed: number, limit: number, separation = SEPARATION_FRAMES): Alignment[] {
  const cueFrames = peaks.length ? peakFrame(peaks[peaks.length - 1]) + 1 : 0;
  // Offsets (film frame − cue frame) from −cueFrames to the film's end, shifted to index the votes.
  const votes = new Uint16Array(film.frames + cueFrames + 1);
  const touched: number[] = [];
  forEachLandmark(peaks, CUE_FAN_OUT, (hash, frame) => {
    for (let i = film.starts[hash], end = film.starts[hash + 1]; i < end; i++) {
      const at = film.landmarkFrames[i] - frame + cueFrames;
      if (votes[at] === 0) touched.push(at);
      if (votes[at] < 65535) votes[at]++;
    }
  });
  const windowVotes = (at: number): number => {
    let sum = 0;
    for (let d = -VOTE_WINDOW; d <= VOTE_WINDOW; d++) sum += votes[at + d] ?? 0;
    return sum;
  };
  const scored = touched.map((at) => ({ at, votes: windowVotes(at) })).sort((a, b) => b.votes - a.votes);
  const best: Alignment[] = [];
  for (const { at, votes: count } of scored) {
    if (best.length >= limit) break;
    if (best.some((b) => Math.abs(b.offset + cueFrames - at) < separation)) continue;
    let weighted = 0;
    for (let d = -VOTE_WINDOW; d <= VOTE_WINDOW; d++) weighted += d * (votes[at + d] ?? 0);
    best.push({ offset: at - cueFrames, speed, votes: count, centre: at - cueFrames + weighted / count });
  }
  return best;
}

/**
 * Votes as many times chance's as this are an even bet; each further `CONFIDENCE_SCALE` times
 * halves the doubt. Calibrated on the benchmark's real music (`bench/cue-finder.ts`).
 */
const EVEN_RATIO = 4;
const CONFIDENCE_SCALE = 1;

/** A candidate at or above this confidence is offered as found; below it, as a guess to check by ear. */
export const CONFIDENT = 0.9;

/** From votes against chance's votes to a confidence from 0 to 1. */
export function confidenceOf(votes: number, chance: number): number {
  const ratio = votes / Math.max(1, chance);
  return Math.min(1, Math.max(0, 1 - 0.5 * 0.5 ** ((ratio - EVEN_RATIO) / CONFIDENCE_SCALE)));
}

/** The candidate's times: the cue's landmarks that vote for this alignment tell which part of it sounds. */
function describe(film: FilmIndex, peaks: Uint32Array, a: Alignment, chance: number): CueCandidate {
  let first = Infinity;
  let last = -Infinity;
  forEachLandmark(peaks, CUE_FAN_OUT, (hash, frame) => {
    for (let i = film.starts[hash], end = film.starts[hash + 1]; i < end; i++) {
      if (Math.abs(film.landmarkFrames[i] - frame - a.offset) <= VOTE_WINDOW) {
        first = Math.min(first, frame);
        last = Math.max(last, frame);
      }
    }
  });
  const filmMs = (frame: number): number => Math.round((frame + a.centre) * FRAME_MS);
  const cueMs = (frame: number): number => Math.round(frame * FRAME_MS * a.speed);
  return {
    alignedMs: filmMs(0),
    speed: a.speed,
    cueFromMs: cueMs(first),
    cueToMs: cueMs(last),
    filmFromMs: filmMs(first),
    filmToMs: filmMs(last),
    votes: a.votes,
    confidence: confidenceOf(a.votes, chance)
  };
}
