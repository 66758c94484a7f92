/** Annotations, tags and search as the renderer sees them. Plain data: every field survives JSON. */

/** What an annotation is written about, by kind and id (as a tag's target is): the film itself, a scene or a cue. */
export interface AnnotationTarget {
  kind: 'film' | 'scene' | 'cue';
  id: number;
}

export interface TagRef {
  id: number;
  name: string;
  colour: string;
}

export interface Annotation {
  id: number;
  filmId: number;
  /** null when the note is about the film as a whole. */
  sceneId: number | null;
  /** Markdown, kept byte for byte as written. */
  body: string;
  /** Where in the film the note points, in milliseconds; null when it points nowhere in particular. */
  filmTimeMs: number | null;
  createdAt: string;
  updatedAt: string;
  /** Set while the note is in the trash. */
  deletedAt: string | null;
  tags: TagRef[];
}

/** One row of the film-wide list and the trash: the body cut to its opening. */
export interface AnnotationSummary extends Omit<Annotation, 'body'> {
  excerpt: string;
  scenePosition: number | null;
  sceneTitle: string | null;
  /** The cue the note is on, if it is on one. */
  cueLabel: string | null;
}

/** Where a note sits, as the film-wide lists name it: "3. The Audition", "Cue · Premiere" or "The film". */
export function noteTargetName(note: Pick<AnnotationSummary, 'scenePosition' | 'sceneTitle' | 'cueLabel'>): string {
  if (note.scenePosition !== null) return `${note.scenePosition}. ${note.sceneTitle}`;
  return note.cueLabel === null ? 'The film' : `Cue · ${note.cueLabel}`;
}

export interface AnnotationPage {
  total: number;
  offset: number;
  items: AnnotationSummary[];
}

export type AnnotationOrder = 'film' | 'edited';
export type TagMatch = 'all' | 'any';

export interface Tag extends TagRef {
  /** How many scenes and live annotations carry the tag (in the film asked about, if one was). */
  sceneCount: number;
  annotationCount: number;
  /** The same, counting items that carry a tag nested under it too (what filtering by it shows), each once. */
  nestedSceneCount: number;
  nestedAnnotationCount: number;
}

export type TaggableKind = 'scene' | 'annotation' | 'cue';

export interface TagTarget {
  kind: TaggableKind;
  id: number;
}

export interface SceneTags {
  sceneId: number;
  tags: TagRef[];
}

/** A piece of a snippet: `hit` marks the words the query matched. Text only, never markup. */
export interface SnippetSegment {
  text: string;
  hit: boolean;
}

export type SearchHitKind = 'scene' | 'annotation' | 'dialogue' | 'quote' | 'cue' | 'synopsis' | 'subtitle';

export interface SearchHit {
  kind: SearchHitKind;
  id: number;
  filmId: number;
  sceneId: number | null;
  /** What the hit is: the scene's title, "Note on <scene>", the line's speaker or the cue's track. */
  label: string;
  snippet: SnippetSegment[];
  filmTimeMs: number | null;
  /** For a cue: what it takes to play it. Its sceneId is the first scene it is linked to. */
  cue: { trackId: number; startMs: number; endMs: number } | null;
  /** bm25: lower is a better match. */
  rank: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** The filters the query was read with, so the renderer can show them back. */
  tags: string[];
  sceneWords: string[];
  words: string[];
}

export const DEFAULT_TAG_COLOUR = '#7c8799';
export const TAG_COLOURS = ['#7c8799', '#c0392b', '#d35400', '#b7950b', '#27ae60', '#16a085', '#2980b9', '#8e44ad', '#c2185b'] as const;
