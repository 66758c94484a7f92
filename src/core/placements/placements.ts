import type Database from 'better-sqlite3';
import { ReelnotesError } from '../../shared/errors';
import type { PlacedCue } from '../../shared/placements';
import { formatTrackTime } from '../../shared/time-format';
import { assertExists, notFound } from '../errors';
import { filmRunningTime, pastTheEnd } from '../films/running-time';
import { overlapsRange } from '../films/time-range';

const placedColumns = `p.id, p.cue_id AS cueId, p.film_id AS filmId, p.start_ms AS startMs, p.end_ms AS endMs,
  p.found_confidence AS foundConfidence, c.label, c.colour, c.track_id AS trackId, t.title AS trackTitle,
  c.start_ms AS cueStartMs, c.end_ms AS cueEndMs, r.id AS recordingId`;
const placedFrom = `cue_placements p JOIN cues c ON c.id = p.cue_id JOIN tracks t ON t.id = c.track_id
  LEFT JOIN recordings r ON r.track_id = t.id`;

export function getPlacement(db: Database.Database, placementId: number): PlacedCue {
  const row = db.prepare(`SELECT ${placedColumns} FROM ${placedFrom} WHERE p.id = ?`).get(placementId) as PlacedCue | undefined;
  if (!row) throw notFound('placement', placementId);
  return row;
}

export function placementsOfCue(db: Database.Database, cueId: number): PlacedCue[] {
  cueOf(db, cueId);
  return db.prepare(`SELECT ${placedColumns} FROM ${placedFrom} WHERE p.cue_id = ? ORDER BY p.start_ms, p.id`).all(cueId) as PlacedCue[];
}

/** The film's placements overlapping [fromMs, toMs) (films/time-range.ts), in film order. */
export function placementsInRange(db: Database.Database, filmId: number, fromMs: number, toMs: number): PlacedCue[] {
  assertExists(db, 'film', filmId);
  const longest =
    (db.prepare('SELECT max(end_ms - start_ms) FROM cue_placements WHERE film_id = ?').pluck().get(filmId) as number | null) ?? 0;
  const range = overlapsRange('p.start_ms', 'p.end_ms', longest, fromMs, toMs);
  return db
    .prepare(`SELECT ${placedColumns} FROM ${placedFrom} WHERE p.film_id = ? AND ${range.sql} ORDER BY p.start_ms, p.id`)
    .all(filmId, ...range.params) as PlacedCue[];
}

/**
 * The cues placed inside a scene's span: every placement overlapping it. A scene with only a start is
 * a point; a scene with no time has no placements to list.
 */
export function placementsInScene(db: Database.Database, sceneId: number): PlacedCue[] {
  const scene = db.prepare('SELECT film_id AS filmId, start_ms AS startMs, end_ms AS endMs FROM scenes WHERE id = ?').get(sceneId) as
    { filmId: number; startMs: number | null; endMs: number | null } | undefined;
  if (!scene) throw notFound('scene', sceneId);
  if (scene.startMs === null) return [];
  return placementsInRange(db, scene.filmId, scene.startMs, scene.endMs ?? scene.startMs + 1);
}

interface PlacedCueSource {
  filmId: number;
  label: string;
  startMs: number;
  endMs: number;
  trackTitle: string;
  recordingMs: number | null;
}

function cueOf(db: Database.Database, cueId: number): PlacedCueSource {
  const cue = db
    .prepare(
      `SELECT t.film_id AS filmId, c.label, c.start_ms AS startMs, c.end_ms AS endMs, t.title AS trackTitle, r.duration_ms AS recordingMs
       FROM cues c JOIN tracks t ON t.id = c.track_id LEFT JOIN recordings r ON r.track_id = t.id WHERE c.id = ?`
    )
    .get(cueId) as PlacedCueSource | undefined;
  if (!cue) throw notFound('cue', cueId);
  return cue;
}

/**
 * Refuses a placement the film or the recording cannot hold: past the film's running time (the
 * video's, else the typed one), or longer than the recording has from the cue's start on (the album
 * version is played against the film over the whole placement).
 */
function assertPlacementFits(db: Database.Database, cue: PlacedCueSource, startMs: number, endMs: number): void {
  const length = filmRunningTime(db, cue.filmId);
  if (length && endMs > length.ms) {
    throw new ReelnotesError(
      'INVALID_INPUT',
      `Not placed: “${cue.label}” would ${pastTheEnd(endMs === startMs ? 'sound' : 'end', endMs, length)}.`
    );
  }
  if (cue.recordingMs !== null && cue.startMs + (endMs - startMs) > cue.recordingMs) {
    const left = cue.recordingMs - cue.startMs;
    throw new ReelnotesError(
      'INVALID_INPUT',
      `Not placed: the placement lasts ${formatTrackTime(endMs - startMs)}, but the recording of “${cue.trackTitle}” has only ` +
        `${formatTrackTime(left)} from the start of “${cue.label}” (${formatTrackTime(cue.startMs)}).`
    );
  }
}

export interface NewPlacement {
  cueId: number;
  startMs: number;
  /** Defaults to the cue's own length after startMs. */
  endMs?: number;
}

function insertPlacement(
  db: Database.Database,
  cue: PlacedCueSource & { id: number },
  startMs: number,
  endMs: number,
  found: number | null
) {
  assertPlacementFits(db, cue, startMs, endMs);
  const placementId = Number(
    db
      .prepare('INSERT INTO cue_placements (cue_id, film_id, start_ms, end_ms, found_confidence) VALUES (?, ?, ?, ?, ?)')
      .run(cue.id, cue.filmId, startMs, endMs, found).lastInsertRowid
  );
  return getPlacement(db, placementId);
}

export function createPlacement(db: Database.Database, { cueId, startMs, endMs }: NewPlacement): PlacedCue {
  return db.transaction(() => {
    const cue = cueOf(db, cueId);
    return insertPlacement(db, { ...cue, id: cueId }, startMs, endMs ?? startMs + (cue.endMs - cue.startMs), null);
  })();
}

/** Where the cue finder heard a cue: its time 0 in film time, the film's speed against the recording, and how sure it is. */
export interface FoundAlignment {
  cueId: number;
  alignedMs: number;
  speed: number;
  confidence: number;
}

/**
 * The span a found cue takes in the film: from where its time 0 falls, for its length played at the
 * film's speed (a PAL film plays a 60-s cue in 57.6 s), kept inside the film and inside what the
 * recording holds from the cue's start.
 */
function foundSpan(db: Database.Database, cue: PlacedCueSource, found: FoundAlignment): { startMs: number; endMs: number } {
  const startMs = Math.max(0, found.alignedMs);
  let endMs = Math.round(found.alignedMs + (cue.endMs - cue.startMs) / found.speed);
  const length = filmRunningTime(db, cue.filmId);
  if (length) endMs = Math.min(endMs, length.ms);
  if (cue.recordingMs !== null) endMs = Math.min(endMs, startMs + cue.recordingMs - cue.startMs);
  return { startMs, endMs: Math.max(startMs, endMs) };
}

/** Places found cues, each marked found with its confidence, all or none. */
export function placeFound(db: Database.Database, alignments: readonly FoundAlignment[]): PlacedCue[] {
  return db.transaction(() =>
    alignments.map((found) => {
      const cue = cueOf(db, found.cueId);
      const { startMs, endMs } = foundSpan(db, cue, found);
      return insertPlacement(db, { ...cue, id: found.cueId }, startMs, endMs, found.confidence);
    })
  )();
}

export function updatePlacement(db: Database.Database, placementId: number, startMs: number, endMs: number): PlacedCue {
  return db.transaction(() => {
    const { cueId } = getPlacement(db, placementId);
    assertPlacementFits(db, cueOf(db, cueId), startMs, endMs);
    db.prepare(`UPDATE cue_placements SET start_ms = ?, end_ms = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`).run(
      startMs,
      endMs,
      placementId
    );
    return getPlacement(db, placementId);
  })();
}

export function deletePlacement(db: Database.Database, placementId: number): { placementId: number } {
  getPlacement(db, placementId);
  db.prepare('DELETE FROM cue_placements WHERE id = ?').run(placementId);
  return { placementId };
}
