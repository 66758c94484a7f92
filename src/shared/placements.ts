/** Cue placements: where a cue of the score sounds in the film (film time), as the renderer sees them. */

/** A cue placed at a span of film time; a cue may have many (a motif returns). */
export interface Placement {
  id: number;
  cueId: number;
  filmId: number;
  /** Film time, ms. */
  startMs: number;
  /** Film time, ms; at least startMs (a marker's placement is a point). */
  endMs: number;
  /** Null when the person placed it; the matcher's confidence (0–1) when it was found in the soundtrack. */
  foundConfidence: number | null;
}

/** A placement with what a list needs to show and play it: its cue's label, colour, times and track. */
export interface PlacedCue extends Placement {
  label: string;
  colour: string;
  trackId: number;
  trackTitle: string;
  /** The cue's own span in its recording (recording time, ms). */
  cueStartMs: number;
  cueEndMs: number;
  /** The track's recording, or null while it has none (then only the film can be played there). */
  recordingId: number | null;
}

/** What the film's length is, and where it was read: the attached video's, or what the person typed. */
export interface RunningTime {
  ms: number;
  source: 'video' | 'typed';
}

/** How a found placement says so wherever it is shown: "found, 93%". */
export const foundWords = (confidence: number): string => `found, ${Math.round(confidence * 100)}%`;
