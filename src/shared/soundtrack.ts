/** The cue finder (src/core/soundtrack), as the desk sees it. */

/**
 * The film's soundtrack analysis:
 * - `none`: never analysed for the attached file (or no file attached);
 * - `analysing`: under way, `fraction` done;
 * - `ready`: its features are in the library, for the file attached now;
 * - `failed` and `cancelled`: the last attempt's end (`message` says why it failed); features kept
 *   from an earlier analysis of the same file still count, so `ready` wins over both.
 */
export interface SoundtrackAnalysis {
  filmId: number;
  state: 'none' | 'analysing' | 'ready' | 'failed' | 'cancelled';
  fraction: number;
  message: string | null;
  /** Which sound the features were made from: "converted sound" or "audio track N"; null before any. */
  sound: string | null;
  /** Minutes of film analysed, once ready. */
  minutes: number | null;
}

/** A place in the film where a cue may sound, as the finder offers it for review. */
export interface CueCandidate {
  cueId: number;
  /** Film time at which the cue's own time 0 falls: the key a rejection is remembered by. */
  alignedMs: number;
  /** The film's speed against the recording: 1.041 for a PAL speed-up. */
  speed: number;
  /** The part of the cue heard in the film (cue time from the cue's start), and where it sounds (film time). */
  cueFromMs: number;
  cueToMs: number;
  filmFromMs: number;
  filmToMs: number;
  /** 0–1; at or above `confident` the finder stands by it. */
  confidence: number;
  confident: boolean;
}

/**
 * Every cue of a track searched in the film as one job: the film's soundtrack analysed first if it
 * is not yet, then each cue (long enough to be found) in turn, on a thread of its own.
 * - `none`: not run since the library was opened;
 * - `analysing`: the film's soundtrack first, `fraction` done;
 * - `searching`: `searched` of `cues` done;
 * - `done`, `failed` (`message` says why), `cancelled`.
 */
export interface TrackSearch {
  trackId: number;
  state: 'none' | 'analysing' | 'searching' | 'done' | 'failed' | 'cancelled';
  fraction: number;
  searched: number;
  cues: number;
  /** Cues too short to be told from chance by their sound (under two seconds, markers): not searched. */
  tooShort: number;
  message: string | null;
  /**
   * What to review, most confident first: every confident candidate of each cue, else its best guess;
   * those rejected or placed since are left out. Nothing is placed until the person accepts.
   */
  candidates: CueCandidate[];
}
