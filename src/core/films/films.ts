import type Database from 'better-sqlite3';
import type { Film, FilmLine, FilmSummary, ImportResult, OpenFilm } from '../../shared/domain';
import { ReelnotesError } from '../../shared/errors';
import { notFound } from '../errors';
import { getScene, listScenes } from '../scenes/scenes';
import { listTracks } from '../tracks/tracks';
import { parseFilmPage, type ParsedFilmPage } from './film-page';

const summaryColumns = `
  f.id, f.title, f.composer,
  (SELECT count(*) FROM scenes s WHERE s.film_id = f.id) AS sceneCount`;

export function listFilms(db: Database.Database): FilmSummary[] {
  return db.prepare(`SELECT ${summaryColumns} FROM films f ORDER BY f.title COLLATE NOCASE`).all() as FilmSummary[];
}

export function getFilm(db: Database.Database, filmId: number): Film {
  const film = db
    .prepare(
      `SELECT ${summaryColumns}, f.synopsis,
         (SELECT count(*) FROM film_lines l WHERE l.film_id = f.id AND l.kind = 'dialogue') AS dialogueCount,
         (SELECT count(*) FROM film_lines l WHERE l.film_id = f.id AND l.kind = 'quote') AS quoteCount
       FROM films f WHERE f.id = ?`
    )
    .get(filmId) as Film | undefined;
  if (!film) throw notFound('film', filmId);
  return film;
}

/**
 * The films, and one film with its scenes and tracks, read in one transaction so they agree. With
 * no film named, the desk reopens where the person left it: that film and scene, or the first film
 * when the film left has since been deleted (and no scene when that scene has).
 */
export function openFilm(db: Database.Database, filmId?: number): OpenFilm {
  return db.transaction(() => {
    const films = listFilms(db);
    const left = filmId === undefined ? placeLeft(db) : undefined;
    const id = filmId ?? (left && films.some((f) => f.id === left.filmId) ? left.filmId : films[0]?.id);
    if (id === undefined) return { films, film: null, scenes: [], tracks: [], sceneId: null };
    const scenes = listScenes(db, id);
    const sceneId = left?.filmId === id && scenes.some((s) => s.id === left.sceneId) ? left.sceneId : null;
    return { films, film: getFilm(db, id), scenes, tracks: listTracks(db, id), sceneId };
  })();
}

/**
 * Where the person left the desk, kept as a fact of the library it belongs to: film and scene ids
 * mean something only in this library, and the browser host's address (and so its local storage)
 * changes with every launch.
 */
const PLACE_LEFT = 'place_left';

interface PlaceLeft {
  filmId: number;
  sceneId: number | null;
}

function placeLeft(db: Database.Database): PlaceLeft | undefined {
  const value = db.prepare('SELECT value FROM library_facts WHERE key = ?').pluck().get(PLACE_LEFT) as string | undefined;
  if (value === undefined) return undefined;
  // Written only by rememberPlace below; a value not of its shape (an archive edited by hand) is
  // no place at all, and the desk opens on the first film rather than not at all.
  try {
    const place = JSON.parse(value) as Partial<PlaceLeft> | null;
    if (typeof place?.filmId !== 'number') return undefined;
    return { filmId: place.filmId, sceneId: typeof place.sceneId === 'number' ? place.sceneId : null };
  } catch {
    return undefined;
  }
}

/** Records the film (and scene) on the desk; writing only when it moved, so looking around is not a change to back up. */
export function rememberPlace(db: Database.Database, place: PlaceLeft): PlaceLeft {
  getFilm(db, place.filmId);
  if (place.sceneId !== null && getScene(db, place.sceneId).filmId !== place.filmId) {
    throw new ReelnotesError('INVALID_INPUT', `Scene ${place.sceneId} is not a scene of film ${place.filmId}.`);
  }
  db.prepare(
    `INSERT INTO library_facts (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value <> excluded.value`
  ).run(PLACE_LEFT, JSON.stringify({ filmId: place.filmId, sceneId: place.sceneId }));
  return place;
}

const lineColumns = 'id, film_id AS filmId, kind, position, speaker, text, film_time_ms AS filmTimeMs';

export function listFilmLines(db: Database.Database, filmId: number): FilmLine[] {
  getFilm(db, filmId);
  return db.prepare(`SELECT ${lineColumns} FROM film_lines WHERE film_id = ? ORDER BY kind, position`).all(filmId) as FilmLine[];
}

/** Places a dialogue or quote line in the film (a subtitle's start, or a typed time), or takes it out with null. */
export function setFilmLineTime(db: Database.Database, lineId: number, filmTimeMs: number | null): FilmLine {
  const changed = db.prepare('UPDATE film_lines SET film_time_ms = ? WHERE id = ?').run(filmTimeMs, lineId).changes;
  if (changed === 0) throw notFound('dialogue or quote line', lineId);
  return db.prepare(`SELECT ${lineColumns} FROM film_lines WHERE id = ?`).get(lineId) as FilmLine;
}

/**
 * Parses a film page and writes it in one transaction: a page that fails to parse, or a film that
 * is already in the library, leaves the library exactly as it was.
 */
export function importFilmPage(db: Database.Database, text: string, fileName: string): ImportResult {
  const page = parseFilmPage(text, fileName);
  return db.transaction(() => writeFilm(db, page, fileName))();
}

function writeFilm(db: Database.Database, page: ParsedFilmPage, fileName: string): ImportResult {
  const existing = db.prepare('SELECT id FROM films WHERE title = ? COLLATE NOCASE').get(page.title);
  if (existing) {
    throw new ReelnotesError('CONFLICT', `"${page.title}" is already in your library; ${fileName} was not imported again.`);
  }
  const filmId = Number(
    db
      .prepare('INSERT INTO films (title, synopsis, composer, source_name) VALUES (?, ?, ?, ?)')
      .run(page.title, page.synopsis, page.composer, fileName).lastInsertRowid
  );
  const scene = db.prepare('INSERT INTO scenes (film_id, position, title, description, context) VALUES (?, ?, ?, ?, ?)');
  page.scenes.forEach((s, i) => scene.run(filmId, i + 1, s.title, s.description, s.context));
  const track = db.prepare('INSERT INTO tracks (film_id, position, title, credit, description) VALUES (?, ?, ?, ?, ?)');
  page.tracks.forEach((t, i) => track.run(filmId, i + 1, t.title, t.credit, t.description));
  const line = db.prepare('INSERT INTO film_lines (film_id, kind, position, speaker, text) VALUES (?, ?, ?, ?, ?)');
  page.dialogue.forEach((l, i) => line.run(filmId, 'dialogue', i + 1, l.speaker, l.text));
  page.quotes.forEach((l, i) => line.run(filmId, 'quote', i + 1, l.speaker, l.text));
  return {
    film: listFilms(db).find((f) => f.id === filmId)!,
    trackCount: page.tracks.length,
    lineCount: page.dialogue.length + page.quotes.length
  };
}
