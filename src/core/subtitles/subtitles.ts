import type Database from 'better-sqlite3';
import type { MatchingSubtitle, SubtitleLine, SubtitleTrack } from '../../shared/domain';
import { assertExists, notFound } from '../errors';
import { parseQuery } from '../search/search';
import { readTimedText } from './timed-text';

const trackColumns = `t.id, t.film_id AS filmId, t.name, (SELECT count(*) FROM subtitle_lines l WHERE l.track_id = t.id) AS lineCount`;

/**
 * What a subtitle says, without its markup: WebVTT and SRT tags (<i>, <font color=…>, <c.yellow>,
 * <00:01:02.000>) and SSA overrides ({\an8}) go, entities are read, and the line breaks stay.
 */
export function subtitleText(lines: readonly string[]): string {
  return lines
    .map((line) =>
      line
        .replace(/<[^>]*>/g, '')
        .replace(/\{\\[^}]*\}/g, '')
        .replace(/&nbsp;/g, '\u00a0')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
        .trim()
    )
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * Imports a subtitle file for a film: the whole file is read and checked first (a bad block names
 * its line), then the track and its lines are written in one transaction. Blocks without text are
 * left out; they show nothing.
 */
export function importSubtitles(db: Database.Database, filmId: number, fileName: string, text: string): SubtitleTrack {
  assertExists(db, 'film', filmId);
  const lines = readTimedText(text, fileName)
    .map((block) => ({ startMs: block.startMs, endMs: block.endMs, text: subtitleText(block.lines) }))
    .filter((line) => line.text !== '');
  const trackId = db.transaction(() => {
    const track = Number(db.prepare('INSERT INTO subtitle_tracks (film_id, name) VALUES (?, ?)').run(filmId, fileName).lastInsertRowid);
    const insert = db.prepare('INSERT INTO subtitle_lines (track_id, start_ms, end_ms, text) VALUES (?, ?, ?, ?)');
    for (const line of lines) insert.run(track, line.startMs, line.endMs, line.text);
    return track;
  })();
  return getSubtitleTrack(db, trackId);
}

export function getSubtitleTrack(db: Database.Database, trackId: number): SubtitleTrack {
  const track = db.prepare(`SELECT ${trackColumns} FROM subtitle_tracks t WHERE t.id = ?`).get(trackId) as SubtitleTrack | undefined;
  if (!track) throw notFound('subtitle track', trackId);
  return track;
}

export function listSubtitleTracks(db: Database.Database, filmId: number): SubtitleTrack[] {
  assertExists(db, 'film', filmId);
  return db.prepare(`SELECT ${trackColumns} FROM subtitle_tracks t WHERE t.film_id = ? ORDER BY t.id`).all(filmId) as SubtitleTrack[];
}

export function listSubtitleLines(db: Database.Database, trackId: number): SubtitleLine[] {
  getSubtitleTrack(db, trackId);
  return db
    .prepare('SELECT id, start_ms AS startMs, end_ms AS endMs, text FROM subtitle_lines WHERE track_id = ? ORDER BY start_ms, id')
    .all(trackId) as SubtitleLine[];
}

export function deleteSubtitleTrack(db: Database.Database, trackId: number): { removed: number } {
  const { lineCount } = getSubtitleTrack(db, trackId);
  db.prepare('DELETE FROM subtitle_tracks WHERE id = ?').run(trackId);
  return { removed: lineCount };
}

/**
 * The film's subtitle lines that best match a line of the film page, to place that line in the film.
 * Any of its words may match (a page quotes loosely); bm25 puts the lines sharing most words first.
 */
export function matchingSubtitles(db: Database.Database, filmId: number, text: string, limit: number): MatchingSubtitle[] {
  assertExists(db, 'film', filmId);
  const words = parseQuery(text).words.map((word) => `"${word.replace(/"/g, '""')}"`);
  if (words.length === 0) return [];
  return db
    .prepare(
      `SELECT l.id, l.start_ms AS startMs, l.end_ms AS endMs, l.text, t.name AS trackName
       FROM subtitle_lines_fts f JOIN subtitle_lines l ON l.id = f.rowid JOIN subtitle_tracks t ON t.id = l.track_id
       WHERE subtitle_lines_fts MATCH ? ORDER BY f.rank LIMIT ?`
    )
    .all(`{film_id} : "${filmId}" AND {text} : (${words.join(' OR ')})`, limit) as MatchingSubtitle[];
}
