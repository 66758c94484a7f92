import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { ReelnotesError } from '../../shared/errors';
import type { FilmVideo, FilmVideoStatus } from '../../shared/video';
import { assertExists, notFound } from '../errors';
import { assertWritable, type Library } from '../library/library';
import { probeVideo, rememberFilmYear, type VideoFacts } from './probe';

/** How much of the head, the middle and the tail the fingerprint reads: 3 MB of a file of gigabytes. */
const FINGERPRINT_SPAN = 1024 * 1024;

/**
 * SHA-256 of the size and 1 MB from the head, the middle and the tail: enough to notice a file
 * replaced, re-encoded or cut, without reading a film of gigabytes whole.
 */
export function fingerprintFile(path: string, size = statSync(path).size): string {
  const hash = createHash('sha256').update(`${size}\n`);
  const buffer = Buffer.alloc(Math.min(FINGERPRINT_SPAN, size));
  const fd = openSync(path, 'r');
  try {
    for (const start of [0, Math.floor((size - buffer.length) / 2), size - buffer.length]) {
      const read = readSync(fd, buffer, 0, buffer.length, start);
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

interface FilmVideoRow {
  filmId: number;
  path: string;
  byteSize: number;
  fingerprint: string;
  container: string;
  mimeType: string;
  videoCodec: string;
  durationMs: number;
  frameRate: number;
  width: number;
  height: number;
  audioTracks: string;
  subtitleTracks: string;
  convertedAudio: string | null;
  convertedAudioTrack: number | null;
  attachedAt: string;
}

const columns = `film_id AS filmId, path, byte_size AS byteSize, fingerprint, container, mime_type AS mimeType,
  video_codec AS videoCodec, duration_ms AS durationMs, frame_rate AS frameRate, width, height,
  audio_tracks AS audioTracks, subtitle_tracks AS subtitleTracks, converted_audio AS convertedAudio,
  converted_audio_track AS convertedAudioTrack, attached_at AS attachedAt`;

export function filmVideoRow(db: Database.Database, filmId: number): FilmVideoRow | undefined {
  return db.prepare(`SELECT ${columns} FROM film_videos WHERE film_id = ?`).get(filmId) as FilmVideoRow | undefined;
}

/** Whether the file at the row's path is still the one attached. */
function statusOf(row: Pick<FilmVideoRow, 'path' | 'byteSize' | 'fingerprint'>): FilmVideoStatus {
  let size: number;
  try {
    const stat = statSync(row.path);
    if (!stat.isFile()) return 'missing';
    size = stat.size;
  } catch {
    return 'missing';
  }
  if (size !== row.byteSize) return 'changed';
  try {
    return fingerprintFile(row.path, size) === row.fingerprint ? 'ready' : 'changed';
  } catch {
    // There, but not readable by us (permissions): for the person it is as good as missing.
    return 'missing';
  }
}

function toFilmVideo(row: FilmVideoRow, status: FilmVideoStatus, mediaDir: string): FilmVideo {
  const { convertedAudio, ...rest } = row;
  return {
    ...rest,
    // A converted sound whose file left the media folder is as good as none: convert again.
    convertedAudioTrack: convertedAudio && existsSync(join(mediaDir, convertedAudio)) ? row.convertedAudioTrack : null,
    fileName: basename(row.path),
    audioTracks: JSON.parse(row.audioTracks) as FilmVideo['audioTracks'],
    subtitleTracks: JSON.parse(row.subtitleTracks) as FilmVideo['subtitleTracks'],
    status
  };
}

/** The film's video and whether its file is still there and unchanged; null when none is attached. */
export function getFilmVideo(library: Library, filmId: number): FilmVideo | null {
  assertExists(library.db, 'film', filmId);
  const row = filmVideoRow(library.db, filmId);
  return row ? toFilmVideo(row, statusOf(row), library.mediaDir) : null;
}

/** The path as the person gave it, refused unless it names a file we can read. */
function checkedFile(path: string): { path: string; size: number } {
  if (!isAbsolute(path)) {
    throw new ReelnotesError(
      'INVALID_INPUT',
      `${path}: give the film's full path on this computer (for example /home/you/Films/the-red-shoes.mp4).`
    );
  }
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new ReelnotesError('INVALID_INPUT', `${path} is not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ReelnotesError) throw error;
    throw new ReelnotesError('NOT_FOUND', `There is no file at ${path} that Reelnotes can read.`);
  }
  if (size === 0)
    throw new ReelnotesError('UNSUPPORTED_VIDEO', `${basename(path)} is empty: there is no film in it. Nothing was attached.`);
  return { path, size };
}

/**
 * Probes the file and attaches it to the film, replacing the video attached before. The file is
 * read (its index, a few packets and 3 MB for the fingerprint) but never copied or changed; anything
 * refused leaves the library as it was, since the row is written only once everything is known.
 */
export async function attachFilmVideo(library: Library, filmId: number, path: string): Promise<FilmVideo> {
  assertWritable(library);
  assertExists(library.db, 'film', filmId);
  const file = checkedFile(path);
  const facts = await probeVideo(file.path);
  const fingerprint = fingerprintFile(file.path, file.size);
  rememberFilmYear(fingerprint, facts.year);
  const dropped = writeFilmVideo(library.db, filmId, file, fingerprint, facts);
  if (dropped) forgetConvertedAudio(library, dropped);
  // Fingerprinted a moment ago: reading its 3 MB again to say so would double the reading.
  return toFilmVideo(filmVideoRow(library.db, filmId)!, 'ready', library.mediaDir);
}

/**
 * Writes the film's video in one transaction. The same file attached again keeps its converted
 * sound; another file drops it, and the converted file's name is returned for the caller to forget.
 */
function writeFilmVideo(
  db: Database.Database,
  filmId: number,
  file: { path: string; size: number },
  fingerprint: string,
  facts: VideoFacts
): string | null {
  return db.transaction(() => {
    // The film may have been removed while its video was being probed.
    assertExists(db, 'film', filmId);
    const previous = filmVideoRow(db, filmId);
    const kept = previous?.fingerprint === fingerprint ? previous : null;
    db.prepare(
      `INSERT OR REPLACE INTO film_videos (film_id, path, byte_size, fingerprint, container, mime_type, video_codec,
         duration_ms, frame_rate, width, height, audio_tracks, subtitle_tracks, converted_audio, converted_audio_track)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ).run(
      filmId,
      file.path,
      file.size,
      fingerprint,
      facts.container,
      facts.mimeType,
      facts.videoCodec,
      facts.durationMs,
      facts.frameRate,
      facts.width,
      facts.height,
      JSON.stringify(facts.audioTracks),
      JSON.stringify(facts.subtitleTracks),
      kept?.convertedAudio ?? null,
      kept?.convertedAudioTrack ?? null
    );
    return kept ? null : (previous?.convertedAudio ?? null);
  })();
}

/**
 * Points the film's video at the same file in a new place. Only the very file attached is taken
 * (same size and fingerprint), so what the library knows of it (tracks, running time) stays true.
 */
export function relinkFilmVideo(library: Library, filmId: number, path: string): FilmVideo {
  assertWritable(library);
  const row = filmVideoRow(library.db, filmId);
  if (!row) throw notFound('attached video of film', filmId);
  const file = checkedFile(path);
  if (file.size !== row.byteSize || fingerprintFile(file.path, file.size) !== row.fingerprint) {
    throw new ReelnotesError(
      'CONFLICT',
      `${basename(path)} is not the file that was attached (${row.path}): its size or content differ. ` +
        'To use this file instead, attach it as the film.'
    );
  }
  library.db.prepare('UPDATE film_videos SET path = ? WHERE film_id = ?').run(file.path, filmId);
  return getFilmVideo(library, filmId)!;
}

export function detachFilmVideo(library: Library, filmId: number): { filmId: number } {
  assertWritable(library);
  assertExists(library.db, 'film', filmId);
  const converted = filmVideoRow(library.db, filmId)?.convertedAudio;
  library.db.prepare('DELETE FROM film_videos WHERE film_id = ?').run(filmId);
  if (converted) forgetConvertedAudio(library, converted);
  return { filmId };
}

/** Deletes a converted sound once no film refers to it (two films may be the same file). */
export function forgetConvertedAudio(library: Library, mediaFile: string): void {
  const used = library.db.prepare('SELECT 1 FROM film_videos WHERE converted_audio = ?').get(mediaFile);
  if (!used) rmSync(join(library.mediaDir, mediaFile), { force: true });
}

/** The film's converted sound, for the media responders of both hosts. */
export function filmAudioMedia(library: Library, filmId: number): { path: string; mimeType: string } {
  const mediaFile = filmVideoRow(library.db, filmId)?.convertedAudio;
  const path = mediaFile ? join(library.mediaDir, mediaFile) : null;
  if (!path || !existsSync(path)) throw new ReelnotesError('NOT_FOUND', `The sound of film ${filmId} has not been converted.`);
  return { path, mimeType: 'audio/wav' };
}

/**
 * Where the film's bytes are, for the media responders of both hosts. Checked by size only (a
 * fingerprint per Range request would read 3 MB each time); `video.get` says when it changed.
 */
export function filmVideoMedia(library: Library, filmId: number): { path: string; mimeType: string } {
  const row = filmVideoRow(library.db, filmId);
  if (!row) throw notFound('attached video of film', filmId);
  let size = -1;
  try {
    size = statSync(row.path).size;
  } catch {
    size = -1;
  }
  if (size !== row.byteSize) {
    throw new ReelnotesError('NOT_FOUND', `The film's file is no longer at ${row.path} as it was attached; relink it.`);
  }
  return { path: row.path, mimeType: row.mimeType };
}
