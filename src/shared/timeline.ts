/** The timeline of a whole film: its rows, and what one view of it holds (see src/core/timeline). */

import type { PlacedCue, RunningTime } from './placements';

/** What playing a placement's recording needs of its cue. */
export type PlacementCue = Pick<PlacedCue, 'cueId' | 'trackId' | 'cueStartMs' | 'label' | 'recordingId'>;

export type TimelineItemKind = 'scene' | 'placement' | 'note' | 'subtitle';

/** One thing on the film's time axis: a span (scene, placement, subtitle) or a point (a note: endMs = startMs). */
export interface TimelineItem {
  kind: TimelineItemKind;
  /** The scene's, placement's, note's or subtitle line's own id. */
  id: number;
  startMs: number;
  endMs: number;
  /** What hovering or focusing it shows: a scene's title, a cue's label, a note's first words, a subtitle. */
  title: string;
  /** A placement's cue colour, a note's first tag's colour; null draws the row's own colour. */
  colour: string | null;
  /** A placement's cue, to play its recording over the film; null for the other kinds. */
  cue: PlacementCue | null;
}

/**
 * A row of the timeline: the film's scenes, one track's placements, the notes, one subtitle file, or the
 * items carrying one tag (the tag and the tags nested in it: every scene, note and placed cue).
 */
export type TimelineRowKey = 'scenes' | 'notes' | `track:${number}` | `subtitles:${number}` | `tag:${number}`;

/** What the library has for a row in a range: its items, or, where they are denser than the view's buckets, counts. */
export interface TimelineRowRange {
  row: TimelineRowKey;
  /** Items overlapping the range. */
  total: number;
  /** Every item overlapping the range, in film order; null when summarised. */
  items: TimelineItem[] | null;
  /** Items starting in each bucket (a span begun before the range counts in the first); null when itemised. */
  counts: number[] | null;
}

export interface TimelineRange {
  filmId: number;
  fromMs: number;
  toMs: number;
  bucketMs: number;
  rows: TimelineRowRange[];
}

/** The axis a film's timeline is drawn on, and the rows it offers. */
export interface TimelineAxis {
  filmId: number;
  /**
   * The film's running time: the video's, else the one typed, else the latest time anything was given
   * ('latest'); null when nothing in the film has a time yet.
   */
  runningTime: (Omit<RunningTime, 'source'> & { source: RunningTime['source'] | 'latest' }) | null;
  /** One frame's length when the video is attached (its frame rate), else null. */
  frameMs: number | null;
  tracks: { id: number; title: string }[];
  subtitleTracks: { id: number; name: string }[];
}

/** One appearance of a motif (a tag) in the film: a tagged scene, note or placed cue, with the scene it falls in. */
export interface MotifOccurrence extends TimelineItem {
  /** The scene whose span holds its start (a tagged scene names itself); null where no scene's span does. */
  sceneTitle: string | null;
}

/** A motif followed through the film: its appearances in film order, first and last, and how much of the film it covers. */
export interface Motif {
  tagId: number;
  occurrences: MotifOccurrence[];
  /** True when there were more than the list holds (the first ones are listed). */
  more: boolean;
  firstMs: number | null;
  lastMs: number | null;
  /** The film time covered by its spans, each moment once however many overlap there. */
  coveredMs: number;
}
