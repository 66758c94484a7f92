import type Database from 'better-sqlite3';
import type { Scene } from '../../shared/domain';
import { ReelnotesError } from '../../shared/errors';
import { formatFrameTime } from '../../shared/time-format';
import { assertExists, notFound } from '../errors';
import { filmVideoRow } from '../video/video';

const sceneColumns = `id, film_id AS filmId, position, title, description, context, start_ms AS startMs, end_ms AS endMs,
  updated_at AS updatedAt`;

export function listScenes(db: Database.Database, filmId: number): Scene[] {
  assertExists(db, 'film', filmId);
  return db.prepare(`SELECT ${sceneColumns} FROM scenes WHERE film_id = ? ORDER BY position`).all(filmId) as Scene[];
}

export function getScene(db: Database.Database, sceneId: number): Scene {
  const scene = db.prepare(`SELECT ${sceneColumns} FROM scenes WHERE id = ?`).get(sceneId) as Scene | undefined;
  if (!scene) throw notFound('scene', sceneId);
  return scene;
}

export interface SceneChanges {
  sceneId: number;
  title?: string;
  description?: string;
  context?: string | null;
}

export function updateScene(db: Database.Database, changes: SceneChanges): Scene {
  const current = getScene(db, changes.sceneId);
  db.prepare(
    `UPDATE scenes SET title = ?, description = ?, context = ?,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = ?`
  ).run(
    changes.title ?? current.title,
    changes.description ?? current.description,
    changes.context === undefined ? current.context : changes.context === '' ? null : changes.context,
    changes.sceneId
  );
  return getScene(db, changes.sceneId);
}

export interface SceneSpan {
  sceneId: number;
  startMs: number | null;
  endMs: number | null;
}

/**
 * Places a scene on the film's time axis (or takes it off, with nulls); the contract has checked
 * start < end. With the film attached its running time is known, and a span past it is refused.
 */
export function setSceneSpan(db: Database.Database, { sceneId, startMs, endMs }: SceneSpan): Scene {
  const { filmId } = getScene(db, sceneId);
  const video = filmVideoRow(db, filmId);
  const last = endMs ?? startMs;
  if (video && last !== null && last > video.durationMs) {
    const at = (ms: number) => formatFrameTime(ms, 1000 / video.frameRate);
    const edge = endMs === null ? 'start' : 'end';
    throw new ReelnotesError(
      'INVALID_INPUT',
      `The scene would ${edge} at ${at(last)}, past the end of the film (${at(video.durationMs)}).`
    );
  }
  db.prepare(`UPDATE scenes SET start_ms = ?, end_ms = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`).run(
    startMs,
    endMs,
    sceneId
  );
  return getScene(db, sceneId);
}
