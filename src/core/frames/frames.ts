import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReelnotesError } from '../../shared/errors';
import { framePath, type FrameGrab } from '../../shared/frames';
import { formatFilmTime } from '../../shared/time-format';
import { notFound } from '../errors';
import { assertWritable, type Library } from '../library/library';
import { filmVideoRow } from '../video/video';
import { filmYear } from '../video/probe';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The picture size of a PNG, from its header; refuses anything else. */
function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new ReelnotesError('INVALID_INPUT', 'A frame grab must be a PNG image.');
  }
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width === 0 || height === 0) throw new ReelnotesError('INVALID_INPUT', 'The frame grab has no pixels.');
  return { width, height };
}

interface FrameRow {
  id: number;
  filmId: number;
  timeMs: number;
  sha256: string;
  width: number;
  height: number;
  citation: string;
}

const columns = 'id, film_id AS filmId, time_ms AS timeMs, sha256, width, height, citation';

function toFrameGrab(row: FrameRow): FrameGrab {
  return { ...row, markdown: `![${row.citation}](${framePath(row.sha256)})` };
}

/**
 * Keeps a grabbed frame: the PNG is written under its SHA-256 in media/ (a temporary name, then a
 * rename, so no half-written image is ever named), then recorded with its citation. The same frame
 * grabbed again is the same grab.
 */
export async function grabFrame(library: Library, filmId: number, timeMs: number, png: Buffer): Promise<FrameGrab> {
  assertWritable(library);
  const { width, height } = pngSize(png);
  const video = filmVideoRow(library.db, filmId);
  if (!video) throw notFound('attached video of film', filmId);
  const title = library.db.prepare('SELECT title FROM films WHERE id = ?').pluck().get(filmId) as string;
  const year = await filmYear(video);
  const citation = `*${title}*${year ? ` (${year})` : ''}, ${formatFilmTime(timeMs)}`;
  const sha256 = createHash('sha256').update(png).digest('hex');
  const target = join(library.mediaDir, `${sha256}.png`);
  if (!existsSync(target)) {
    mkdirSync(library.mediaDir, { recursive: true });
    const partial = `${target}.partial`;
    try {
      writeFileSync(partial, png);
      renameSync(partial, target);
    } finally {
      rmSync(partial, { force: true });
    }
  }
  library.db
    .prepare(
      `INSERT INTO frame_grabs (film_id, time_ms, sha256, width, height, byte_size, citation) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (film_id, sha256) DO UPDATE SET time_ms = excluded.time_ms, citation = excluded.citation`
    )
    .run(filmId, timeMs, sha256, width, height, png.length, citation);
  const row = library.db.prepare(`SELECT ${columns} FROM frame_grabs WHERE film_id = ? AND sha256 = ?`).get(filmId, sha256) as FrameRow;
  return toFrameGrab(row);
}

export function listFrameGrabs(library: Library, filmId: number): FrameGrab[] {
  const rows = library.db.prepare(`SELECT ${columns} FROM frame_grabs WHERE film_id = ? ORDER BY time_ms, id`).all(filmId) as FrameRow[];
  return rows.map(toFrameGrab);
}

/** A grab's image by its hash, for the media responders of both hosts. */
export function frameMedia(library: Library, sha256: string): { path: string; mimeType: string } {
  const known = library.db.prepare('SELECT 1 FROM frame_grabs WHERE sha256 = ?').get(sha256);
  const path = join(library.mediaDir, `${sha256}.png`);
  if (!known || !existsSync(path)) throw new ReelnotesError('NOT_FOUND', 'There is no such frame grab in the library.');
  return { path, mimeType: 'image/png' };
}
