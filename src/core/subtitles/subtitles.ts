import type Database from 'better-sqlite3';
import type { MatchingSubtitle, SubtitleLine, SubtitleTrack } from '../../shared/domain';
import { assertExists, notFound } from '../errors';
import { parseQuery } from '../search/search';
import { readTimedText } from './timed-text';
import { basename } from 'node:path';
import { ReelnotesError } from '../../shared/errors';
import { formatFilmTime } from '../../shared/time-format';
import { assertWritable, type Library } from '../library/library';
import { filmVideoRow } from '../video/video';
import { subtitlesInFilm } from './in-film';

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
  const blocks = readTimedText(text, fileName).map((block) => ({ startMs: block.startMs, endMs: block.endMs, lines: block.lines }));
  return writeSubtitleTrack(db, filmId, fileName, blocks);
}

/**
 * Imports a text subtitle track from inside the film's own file (SRT or WebVTT in Matroska or WebM,
 * mov_text or WebVTT in MP4 and QuickTime):
 * the track is read whole and checked, then written as a subtitle file's would be, in one transaction.
 */
export async function importFilmSubtitles(library: Library, filmId: number, trackNumber: number): Promise<SubtitleTrack> {
  assertWritable(library);
  assertExists(library.db, 'film', filmId);
  const video = filmVideoRow(library.db, filmId);
  if (!video) throw notFound('attached video of film', filmId);
  const reader = subtitlesInFilm[video.container];
  if (!reader) {
    throw new ReelnotesError(
      'UNSUPPORTED_VIDEO',
      `${basename(video.path)}: Reelnotes reads the subtitle tracks of Matroska, WebM and MP4 films; from this ${video.container} file, ` +
        'save the track as an SRT file (for example `ffmpeg -i film.avi -map 0:s:0 subtitles.srt`) and import that.'
    );
  }
  const { track, lines } = await reader.read(video.path, trackNumber);
  const name = `${basename(video.path)} · subtitles ${track.number} (${track.language})`;
  for (const line of lines) {
    if (line.startMs < 0) throw new ReelnotesError('INVALID_INPUT', `${name}: a line starts before the film does. Nothing was imported.`);
    if (line.endMs <= line.startMs) {
      throw new ReelnotesError(
        'INVALID_INPUT',
        `${name}: the line at ${formatFilmTime(line.startMs)} ends when it starts. Nothing was imported.`
      );
    }
  }
  // The film may have been detached while its track was being read.
  assertExists(library.db, 'film', filmId);
  return writeSubtitleTrack(
    library.db,
    filmId,
    name,
    lines.map((line) => ({ startMs: line.startMs, endMs: line.endMs, lines: line.text.split(/\r?\n/) }))
  );
}

/** Writes a track and its lines (their markup taken out, empty ones left out) in one transaction. */
function writeSubtitleTrack(
  db: Database.Database,
  filmId: number,
  name: string,
  blocks: readonly { startMs: number; endMs: number; lines: readonly string[] }[]
): SubtitleTrack {
  const lines = blocks
    .map((block) => ({ startMs: block.startMs, endMs: block.endMs, text: subtitleText(block.lines) }))
    .filter((line) => line.text !== '');
  const trackId = db.transaction(() => {
    const track = Number(db.prepare('INSERT INTO subtitle_tracks (film_id, name) VALUES (?, ?)').run(filmId, name).lastInsertRowid);
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
