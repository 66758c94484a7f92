import type Database from 'better-sqlite3';
import type { CitableKind, Citation, CitationFacts, CitationStyle } from '../../shared/contract/exchange';
import { formatFilmTime } from '../../shared/time-format';
import { notFound } from '../errors';
import { citationFacts, citationStyle } from './citation-facts';
import { hasColumn } from './schema-facts';

/** Where in the film a citation points: a time or span of the film, a scene, or a cue of the score. */
interface Moment {
  filmId: number;
  time: { startMs: number; endMs: number | null } | null;
  scene: { position: number; title: string } | null;
  cue: { label: string; trackTitle: string; startMs: number; endMs: number } | null;
  composer: string | null;
}

/** Text, with the parts a style sets in italics marked, written out as plain text and as HTML. */
type Piece = string | { italic: string };

/** A scene's span when the library keeps one (the film-study work adds start_ms and end_ms). */
function sceneMoment(db: Database.Database, sceneId: number): Omit<Moment, 'cue' | 'composer'> {
  const spans = hasColumn(db, 'scenes', 'start_ms') && hasColumn(db, 'scenes', 'end_ms');
  const row = db
    .prepare(
      `SELECT film_id AS filmId, position, title, ${spans ? 'start_ms' : 'NULL'} AS startMs, ${spans ? 'end_ms' : 'NULL'} AS endMs
       FROM scenes WHERE id = ?`
    )
    .get(sceneId) as { filmId: number; position: number; title: string; startMs: number | null; endMs: number | null } | undefined;
  if (!row) throw notFound('scene', sceneId);
  return {
    filmId: row.filmId,
    time: row.startMs === null ? null : { startMs: row.startMs, endMs: row.endMs },
    scene: { position: row.position, title: row.title }
  };
}

function cueMoment(db: Database.Database, cueId: number): Moment {
  const row = db
    .prepare(
      `SELECT t.film_id AS filmId, c.label, t.title AS trackTitle, c.start_ms AS startMs, c.end_ms AS endMs, f.composer
       FROM cues c JOIN tracks t ON t.id = c.track_id JOIN films f ON f.id = t.film_id WHERE c.id = ?`
    )
    .get(cueId) as
    { filmId: number; label: string; trackTitle: string; startMs: number; endMs: number; composer: string | null } | undefined;
  if (!row) throw notFound('cue', cueId);
  const { filmId, composer, ...cue } = row;
  return { filmId, time: null, scene: null, cue, composer };
}

/**
 * A note points at its own film time when it has one; otherwise at what it is written on (a cue,
 * a scene), and a note on the film as a whole cites the film.
 */
function noteMoment(db: Database.Database, noteId: number): Moment {
  const note = db
    .prepare('SELECT film_id AS filmId, scene_id AS sceneId, cue_id AS cueId, film_time_ms AS timeMs FROM annotations WHERE id = ?')
    .get(noteId) as { filmId: number; sceneId: number | null; cueId: number | null; timeMs: number | null } | undefined;
  if (!note) throw notFound('note', noteId);
  const time = note.timeMs === null ? null : { startMs: note.timeMs, endMs: null };
  if (note.sceneId !== null) {
    const scene = sceneMoment(db, note.sceneId);
    return { ...scene, time: time ?? scene.time, cue: null, composer: null };
  }
  if (note.cueId !== null && time === null) return cueMoment(db, note.cueId);
  return { filmId: note.filmId, time, scene: null, cue: null, composer: null };
}

const momentOf: Record<CitableKind, (db: Database.Database, id: number) => Moment> = {
  scene: (db, id) => ({ ...sceneMoment(db, id), cue: null, composer: null }),
  note: noteMoment,
  cue: cueMoment
};

/** "A", "A and B", "A, B, and C": the serial comma both styles use. */
export function joinNames(names: string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')}, and ${names.at(-1)}`;
}

const span = (time: { startMs: number; endMs: number | null }) =>
  time.endMs === null || time.endMs === time.startMs
    ? formatFilmTime(time.startMs)
    : `${formatFilmTime(time.startMs)}–${formatFilmTime(time.endMs)}`;

/** Where in the film, as both styles write it after the reference: a time, else the scene. */
function locator(moment: Moment): string | null {
  if (moment.time) return span(moment.time);
  if (moment.scene) return `scene ${moment.scene.position}, “${moment.scene.title}”`;
  return null;
}

const cueLocator = (cue: NonNullable<Moment['cue']>) => `cue “${cue.label},” ${span(cue)} of the recording`;

/** Both styles are American: a full stop after a quoted title goes inside its quotation mark. */
const endSentence = (text: string) => (text.endsWith('”') ? `${text.slice(0, -1)}.”` : `${text}.`);

/**
 * Chicago (notes and bibliography), the note form of a film:
 * *The Red Shoes*, directed by Michael Powell and Emeric Pressburger (The Archers, 1948), 01:23:45.
 * A cue names the score's piece first, as a part of the film.
 */
function chicago(facts: CitationFacts, moment: Moment): Piece[] {
  const pieces: Piece[] = [];
  if (moment.cue) {
    if (moment.composer) pieces.push(`${moment.composer}, `);
    pieces.push(`“${moment.cue.trackTitle},” ${cueLocator(moment.cue)}, in `);
  }
  pieces.push({ italic: facts.title });
  if (facts.directors.length) pieces.push(`, directed by ${joinNames(facts.directors)}`);
  const published = [facts.studio, facts.year].filter((part) => part !== null && part !== '').join(', ');
  if (published) pieces.push(` (${published})`);
  const where = moment.cue ? null : locator(moment);
  pieces.push(where ? `, ${endSentence(where)}` : '.');
  return pieces;
}

/**
 * MLA (9th edition), the works-cited entry of a film with the moment as its location:
 * *The Red Shoes*. Directed by Michael Powell and Emeric Pressburger, The Archers, 1948, 01:23:45.
 * A cue's piece is the source and the film its container.
 */
function mla(facts: CitationFacts, moment: Moment): Piece[] {
  const pieces: Piece[] = [];
  const directed = facts.directors.length ? `directed by ${joinNames(facts.directors)}` : null;
  const rest: string[] = [];
  if (moment.cue) {
    pieces.push(`“${moment.cue.trackTitle}.” `, { italic: facts.title });
    if (directed) rest.push(directed);
    if (moment.composer) rest.push(`score by ${moment.composer}`);
  } else {
    pieces.push({ italic: facts.title }, '.');
    if (directed) rest.push(directed.replace(/^d/, 'D'));
  }
  if (facts.studio) rest.push(facts.studio);
  if (facts.year !== null) rest.push(String(facts.year));
  const where = moment.cue ? cueLocator(moment.cue) : locator(moment);
  if (where) rest.push(where);
  const tail = rest.join(', ');
  if (moment.cue) pieces.push(tail ? `, ${endSentence(tail)}` : '.');
  else if (tail) pieces.push(` ${endSentence(tail)}`);
  return pieces;
}

/** Text set into HTML (a citation, an essay): none of it may become markup. */
export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The citation of one scene, note or cue, in the style asked for or else the library's. */
export function cite(db: Database.Database, target: { kind: CitableKind; id: number }, style?: CitationStyle): Citation {
  return citationOf(db, momentOf[target.kind](db, target.id), style);
}

/** The film itself, with no moment: the reference an essay's works cited lists. */
export function citeFilm(db: Database.Database, filmId: number, style?: CitationStyle): Citation {
  return citationOf(db, { filmId, time: null, scene: null, cue: null, composer: null }, style);
}

function citationOf(db: Database.Database, moment: Moment, style?: CitationStyle): Citation {
  const facts = citationFacts(db, moment.filmId);
  const chosen = style ?? citationStyle(db);
  const pieces = (chosen === 'mla' ? mla : chicago)(facts, moment);
  const missing: Citation['missing'] = [];
  if (!facts.directors.length) missing.push('director');
  if (facts.year === null) missing.push('year');
  return {
    style: chosen,
    text: pieces.map((p) => (typeof p === 'string' ? p : p.italic)).join(''),
    html: pieces.map((p) => (typeof p === 'string' ? escapeHtml(p) : `<i>${escapeHtml(p.italic)}</i>`)).join(''),
    missing
  };
}
