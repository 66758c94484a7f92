import type Database from 'better-sqlite3';
import type { Track } from '../../shared/domain';
import { assertExists, notFound } from '../errors';

export function listTracks(db: Database.Database, filmId: number): Track[] {
  assertExists(db, 'film', filmId);
  return db
    .prepare('SELECT id, film_id AS filmId, position, title, credit, description FROM tracks WHERE film_id = ? ORDER BY position')
    .all(filmId) as Track[];
}

export function getTrack(db: Database.Database, trackId: number): Track {
  const track = db.prepare('SELECT id, film_id AS filmId, position, title, credit, description FROM tracks WHERE id = ?').get(trackId) as
    Track | undefined;
  if (!track) throw notFound('track', trackId);
  return track;
}
