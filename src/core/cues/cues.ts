import type Database from 'better-sqlite3';
import { ReelnotesError } from '../../shared/errors';
import { formatTrackTime } from '../../shared/time-format';
import { CUE_COLOURS, type Cue, type LinkedScene, type SceneCue } from '../../shared/score';
import { assertExists, notFound } from '../errors';
import { findOrCreateTag, tagsOf } from '../tags/tags';
import type { TagRef } from '../../shared/notes';
import { deleteCuesUndoably, restoreDeletedCues } from './cue-deletions';

type CueRow = Omit<Cue, 'scenes' | 'tags' | 'noteCount'> & { filmId: number };

const cueColumns = `c.id, c.track_id AS trackId, c.label, c.start_ms AS startMs, c.end_ms AS endMs, c.colour,
  c.updated_at AS updatedAt, t.film_id AS filmId`;

function linkedScenes(db: Database.Database, cueId: number): LinkedScene[] {
  return db
    .prepare(
      `SELECT s.id, s.position, s.title FROM cue_scenes cs JOIN scenes s ON s.id = cs.scene_id
       WHERE cs.cue_id = ? ORDER BY s.position`
    )
    .all(cueId) as LinkedScene[];
}

/** A cue as every list shows it: with its scenes, its tags and how many notes (not in the trash) it has. */
function withScenes(db: Database.Database, row: CueRow, tags = tagsOf(db, 'cue', [row.id])): Cue {
  const { filmId: _filmId, ...cue } = row;
  const noteCount = db.prepare('SELECT count(*) FROM annotations WHERE cue_id = ? AND deleted_at IS NULL').pluck().get(row.id) as number;
  return { ...cue, scenes: linkedScenes(db, row.id), tags: tags.get(row.id) ?? [], noteCount };
}

function cueRow(db: Database.Database, cueId: number): CueRow {
  const row = db.prepare(`SELECT ${cueColumns} FROM cues c JOIN tracks t ON t.id = c.track_id WHERE c.id = ?`).get(cueId) as
    CueRow | undefined;
  if (!row) throw notFound('cue', cueId);
  return row;
}

export function getCue(db: Database.Database, cueId: number): Cue {
  return withScenes(db, cueRow(db, cueId));
}

export function listCues(db: Database.Database, trackId: number): Cue[] {
  assertExists(db, 'track', trackId);
  const rows = db
    .prepare(`SELECT ${cueColumns} FROM cues c JOIN tracks t ON t.id = c.track_id WHERE c.track_id = ? ORDER BY c.start_ms, c.id`)
    .all(trackId) as CueRow[];
  const tags = tagsOf(
    db,
    'cue',
    rows.map((row) => row.id)
  );
  return rows.map((row) => withScenes(db, row, tags));
}

export function cuesForScene(db: Database.Database, sceneId: number): SceneCue[] {
  assertExists(db, 'scene', sceneId);
  const rows = db
    .prepare(
      `SELECT ${cueColumns}, t.title AS trackTitle, r.id AS recordingId
       FROM cue_scenes cs JOIN cues c ON c.id = cs.cue_id JOIN tracks t ON t.id = c.track_id
       LEFT JOIN recordings r ON r.track_id = t.id
       WHERE cs.scene_id = ? ORDER BY t.position, c.start_ms, c.id`
    )
    .all(sceneId) as (CueRow & { trackTitle: string; recordingId: number | null })[];
  return rows.map((row) => ({ ...withScenes(db, row), trackTitle: row.trackTitle, recordingId: row.recordingId }));
}

/** The recording a track's cues are ranges of: its title and length. */
export interface RecordingLength {
  title: string;
  durationMs: number;
}

/** The track's recording, or undefined while it has none (then there is nothing to measure against). */
export function recordingLength(db: Database.Database, trackId: number): RecordingLength | undefined {
  return db
    .prepare('SELECT t.title, r.duration_ms AS durationMs FROM recordings r JOIN tracks t ON t.id = r.track_id WHERE r.track_id = ?')
    .get(trackId) as RecordingLength | undefined;
}

/**
 * What is wrong with a cue ending at `endMs`, or null when nothing is: a cue is a range of the
 * track's recording, so it cannot end after the recording does. The sentence names the recording's
 * length, so the person sees what would fit.
 */
export function endsAfterRecording(endMs: number, recording: RecordingLength | undefined): string | null {
  if (!recording || endMs <= recording.durationMs) return null;
  return `the cue ends at ${formatTrackTime(endMs)}, after the end of the recording of "${recording.title}", which is ${formatTrackTime(recording.durationMs)} long`;
}

function assertCueFits(db: Database.Database, trackId: number, endMs: number): void {
  const problem = endsAfterRecording(endMs, recordingLength(db, trackId));
  if (problem) throw new ReelnotesError('INVALID_INPUT', `Not saved: ${problem}.`);
}

export interface NewCue {
  trackId: number;
  label: string;
  startMs: number;
  endMs: number;
  colour?: string;
  sceneIds?: number[];
}

export function createCue(db: Database.Database, input: NewCue): Cue {
  return db.transaction(() => {
    const track = db.prepare('SELECT film_id AS filmId FROM tracks WHERE id = ?').get(input.trackId) as { filmId: number } | undefined;
    if (!track) throw notFound('track', input.trackId);
    assertCueFits(db, input.trackId, input.endMs);
    const count = db.prepare('SELECT count(*) FROM cues WHERE track_id = ?').pluck().get(input.trackId) as number;
    const cueId = Number(
      db
        .prepare('INSERT INTO cues (track_id, label, start_ms, end_ms, colour) VALUES (?, ?, ?, ?, ?)')
        .run(input.trackId, input.label, input.startMs, input.endMs, input.colour ?? CUE_COLOURS[count % CUE_COLOURS.length])
        .lastInsertRowid
    );
    for (const sceneId of new Set(input.sceneIds ?? [])) insertLink(db, cueId, track.filmId, sceneId);
    return getCue(db, cueId);
  })();
}

export interface CueChanges {
  cueId: number;
  label?: string;
  startMs?: number;
  endMs?: number;
  colour?: string;
}

export function updateCue(db: Database.Database, changes: CueChanges): Cue {
  const current = cueRow(db, changes.cueId);
  const startMs = changes.startMs ?? current.startMs;
  const endMs = changes.endMs ?? current.endMs;
  if (endMs < startMs) throw new ReelnotesError('INVALID_INPUT', `A cue cannot end (${endMs} ms) before it starts (${startMs} ms).`);
  assertCueFits(db, current.trackId, endMs);
  db.prepare(
    `UPDATE cues SET label = ?, start_ms = ?, end_ms = ?, colour = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`
  ).run(changes.label ?? current.label, startMs, endMs, changes.colour ?? current.colour, changes.cueId);
  return getCue(db, changes.cueId);
}

/** Deletes the cue, kept with its links, notes and tags so that the deletion can be undone. */
export function deleteCue(db: Database.Database, cueId: number): { cueId: number; deleted: number; deletionId: number } {
  const { deleted, deletionId } = deleteCuesUndoably(db, [cueId]);
  return { cueId, deleted, deletionId };
}

export function deleteCues(db: Database.Database, cueIds: number[]): { deleted: number; deletionId: number } {
  const { deleted, deletionId } = deleteCuesUndoably(db, cueIds);
  return { deleted, deletionId };
}

/**
 * Undoes a deletion of the track's cues (its latest, or the one named). A cue still has to fit the
 * track's recording, which may have been replaced by a shorter one since: then nothing comes back.
 */
export function restoreDeleted(db: Database.Database, trackId: number, deletionId?: number): { restored: Cue[] } {
  assertExists(db, 'track', trackId);
  const recording = recordingLength(db, trackId);
  const ids = restoreDeletedCues(db, trackId, deletionId, (cue) => {
    const problem = endsAfterRecording(cue.endMs, recording);
    if (problem) throw new ReelnotesError('CONFLICT', `Not restored: "${cue.label}" no longer fits: ${problem}.`);
  });
  return { restored: ids.map((id) => getCue(db, id)) };
}

/** The cues, each of them, by id: refuses the whole call if one is missing. */
function assertCuesExist(db: Database.Database, cueIds: number[]): void {
  const found = new Set(
    db.prepare('SELECT id FROM cues WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(cueIds)) as number[]
  );
  const missing = cueIds.find((cueId) => !found.has(cueId));
  if (missing !== undefined) throw notFound('cue', missing);
}

/** Gives several cues one colour, in one step. */
export function recolourCues(db: Database.Database, cueIds: number[], colour: string): Cue[] {
  return db.transaction(() => {
    assertCuesExist(db, cueIds);
    db.prepare(
      `UPDATE cues SET colour = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id IN (SELECT value FROM json_each(?))`
    ).run(colour, JSON.stringify(cueIds));
    return cueIds.map((cueId) => getCue(db, cueId));
  })();
}

/** Puts one tag on several cues, in one step; `tagged` counts the cues that did not carry it yet. */
export function tagCues(db: Database.Database, cueIds: number[], name: string): { tag: TagRef; tagged: number } {
  return db.transaction(() => {
    assertCuesExist(db, cueIds);
    const tag = findOrCreateTag(db, name);
    const tagged = db
      .prepare(`INSERT OR IGNORE INTO taggings (tag_id, target_kind, target_id) SELECT ?, 'cue', value FROM json_each(?)`)
      .run(tag.id, JSON.stringify([...new Set(cueIds)])).changes;
    return { tag, tagged };
  })();
}

/**
 * Settles the cues a replaced stand-in left on a track (marked by the attach, see recordings/recordings.ts):
 * removed in one statement, so in one step, with their scene links and the notes and tags on them
 * (by cascade and trigger, as for one cue); or kept, unmarked, as the person's own. Cues made since
 * the replacement are never marked, so never removed here.
 */
export function settleStandInCues(
  db: Database.Database,
  trackId: number,
  keep: boolean
): { trackId: number; removed: number; kept: number } {
  assertExists(db, 'track', trackId);
  if (keep)
    return {
      trackId,
      removed: 0,
      kept: db.prepare('UPDATE cues SET timed_for_stand_in = 0 WHERE track_id = ? AND timed_for_stand_in = 1').run(trackId).changes
    };
  return { trackId, removed: db.prepare('DELETE FROM cues WHERE track_id = ? AND timed_for_stand_in = 1').run(trackId).changes, kept: 0 };
}

function insertLink(db: Database.Database, cueId: number, filmId: number, sceneId: number): void {
  const scene = db.prepare('SELECT film_id AS filmId FROM scenes WHERE id = ?').get(sceneId) as { filmId: number } | undefined;
  if (!scene) throw notFound('scene', sceneId);
  if (scene.filmId !== filmId) throw new ReelnotesError('INVALID_INPUT', 'A cue can only be linked to a scene of its own film.');
  db.prepare('INSERT OR IGNORE INTO cue_scenes (cue_id, scene_id) VALUES (?, ?)').run(cueId, sceneId);
}

export function linkCue(db: Database.Database, cueId: number, sceneId: number): Cue {
  insertLink(db, cueId, cueRow(db, cueId).filmId, sceneId);
  return getCue(db, cueId);
}

export function unlinkCue(db: Database.Database, cueId: number, sceneId: number): Cue {
  cueRow(db, cueId);
  db.prepare('DELETE FROM cue_scenes WHERE cue_id = ? AND scene_id = ?').run(cueId, sceneId);
  return getCue(db, cueId);
}
