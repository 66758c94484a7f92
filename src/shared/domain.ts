/** The film-study domain as the renderer sees it. Plain data: every field survives JSON. */

export interface FilmSummary {
  id: number;
  title: string;
  composer: string | null;
  sceneCount: number;
}

export interface Film extends FilmSummary {
  synopsis: string;
  dialogueCount: number;
  quoteCount: number;
}

export interface Scene {
  id: number;
  filmId: number;
  /** 1-based order of the scene in the film. */
  position: number;
  title: string;
  description: string;
  context: string | null;
  /** Where the scene begins in the film (ms), or null while it has no place on the film's time axis. */
  startMs: number | null;
  /** Where it ends (ms, after startMs); null while only its start is set, or neither. */
  endMs: number | null;
  updatedAt: string;
}

export interface Track {
  id: number;
  filmId: number;
  position: number;
  title: string;
  credit: string;
  description: string;
}

/** What opening a film shows first: the library's films, and the film with its scenes and soundtrack. */
export interface OpenFilm {
  films: FilmSummary[];
  /** null only when the library has no film. */
  film: Film | null;
  scenes: Scene[];
  tracks: Track[];
  /** The scene to show: the one the person left, when the film was opened without being named. */
  sceneId: number | null;
}

export type FilmLineKind = 'dialogue' | 'quote';

export interface FilmLine {
  id: number;
  filmId: number;
  kind: FilmLineKind;
  position: number;
  speaker: string | null;
  text: string;
  /** Where the line is spoken in the film (ms), once the person has placed it (from a subtitle, or typed). */
  filmTimeMs: number | null;
}

/** A subtitle file imported for a film: its lines are shown under the picture and found by search. */
export interface SubtitleTrack {
  id: number;
  filmId: number;
  /** The file's name, as the person picked it. */
  name: string;
  lineCount: number;
}

/** One subtitle: a span of film time and its text, markup taken out, line breaks kept. */
export interface SubtitleLine {
  id: number;
  startMs: number;
  endMs: number;
  text: string;
}

export interface ImportResult {
  film: FilmSummary;
  trackCount: number;
  lineCount: number;
}

/** A subtitle line offered to place a dialogue or quote line in the film, with the file it is from. */
export interface MatchingSubtitle extends SubtitleLine {
  trackName: string;
}
