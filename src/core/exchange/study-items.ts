import type Database from 'better-sqlite3';
import { MAX_FILM_TIME_MS, MAX_TAG_NAME, MAX_TRACK_TIME_MS } from '../../shared/limits';
import { ReelnotesError } from '../../shared/errors';
import { studyKindNames, type ImportCounts } from '../../shared/contract/exchange';
import { normaliseTagName } from '../../shared/tag-names';
import { CUE_COLOURS } from '../../shared/score';
import { endsAfterRecording, recordingLength } from '../cues/cues';
import { assertExists } from '../errors';
import { createTag } from '../tags/tags';
import { rebuildSearchIndexesOrFail, withoutSearchTriggers } from '../search/search-indexes';
import { hasColumn } from './schema-facts';

/** The kinds of a film's study that travel: scenes, the person's notes, and cues of the score. */
export const studyKinds = studyKindNames;
export type StudyKind = (typeof studyKinds)[number];

/**
 * One item of a film's study as every exchange format sees it. Scenes and notes are timed in the
 * film, cues in their track's recording; times are whole milliseconds, null where the item has none.
 */
export interface StudyItem {
  kind: StudyKind;
  startMs: number | null;
  endMs: number | null;
  /** A scene's title, a note's Markdown, a cue's label. */
  text: string;
  /** Tag names, in the order of their keys. */
  tags: string[];
  /** Scene numbers: a scene's own, the scene a note is on, the scenes a cue is linked to. */
  scenes: number[];
  /** A cue's track, or the track of the cue a note is on, by title. */
  track: string | null;
  /** The label of the cue a note is on. */
  cue: string | null;
}

/** An item read from a file, with where it was (line 4, annotation a12) for the error that refuses it. */
export interface ReadItem extends StudyItem {
  where: string;
}

/** Scene spans come with the film-study work's migration; where a library has none, scenes are untimed. */
const sceneSpans = (db: Database.Database) => hasColumn(db, 'scenes', 'start_ms') && hasColumn(db, 'scenes', 'end_ms');

const splitList = (value: string | null) => (value ? value.split('\n') : []);
const positions = (value: string | null) => splitList(value).map(Number);

/**
 * Every live item of a film's study, in an order that depends only on what they hold (scenes by
 * number, notes by scene and time, cues by track and time), so a file written, read into another
 * library and written again is the same file. Each kind is one query, its tags gathered by SQLite.
 */
export function readStudyItems(db: Database.Database, filmId: number): StudyItem[] {
  assertExists(db, 'film', filmId);
  const tagsOf = (kind: string, alias: string) =>
    `(SELECT group_concat(tg.name, char(10) ORDER BY tg.name_key) FROM taggings tt JOIN tags tg ON tg.id = tt.tag_id
      WHERE tt.target_kind = '${kind}' AND tt.target_id = ${alias}.id)`;
  const spans = sceneSpans(db);
  type Row = {
    startMs: number | null;
    endMs: number | null;
    text: string;
    tags: string | null;
    scenes: string | null;
    track: string | null;
    cue: string | null;
  };
  const toItem =
    (kind: StudyKind) =>
    (row: Row): StudyItem => ({
      kind,
      startMs: row.startMs,
      endMs: row.endMs,
      text: row.text,
      tags: splitList(row.tags),
      scenes: positions(row.scenes),
      track: row.track,
      cue: row.cue
    });
  const scenes = db
    .prepare(
      `SELECT ${spans ? 's.start_ms' : 'NULL'} AS startMs, ${spans ? 's.end_ms' : 'NULL'} AS endMs, s.title AS text,
         ${tagsOf('scene', 's')} AS tags, CAST(s.position AS TEXT) AS scenes, NULL AS track, NULL AS cue
       FROM scenes s WHERE s.film_id = ? ORDER BY s.position`
    )
    .all(filmId) as Row[];
  const notes = db
    .prepare(
      `SELECT a.film_time_ms AS startMs, NULL AS endMs, a.body AS text, ${tagsOf('annotation', 'a')} AS tags,
         CAST(s.position AS TEXT) AS scenes, t.title AS track, c.label AS cue
       FROM annotations a LEFT JOIN scenes s ON s.id = a.scene_id
         LEFT JOIN cues c ON c.id = a.cue_id LEFT JOIN tracks t ON t.id = c.track_id
       WHERE a.film_id = ? AND a.deleted_at IS NULL
       ORDER BY s.position NULLS FIRST, t.position NULLS FIRST, c.start_ms NULLS FIRST, c.id NULLS FIRST, a.film_time_ms NULLS FIRST, a.id`
    )
    .all(filmId) as Row[];
  const cues = db
    .prepare(
      `SELECT c.start_ms AS startMs, c.end_ms AS endMs, c.label AS text, ${tagsOf('cue', 'c')} AS tags,
         (SELECT group_concat(s.position, char(10) ORDER BY s.position) FROM cue_scenes cs JOIN scenes s ON s.id = cs.scene_id
          WHERE cs.cue_id = c.id) AS scenes,
         t.title AS track, NULL AS cue
       FROM cues c JOIN tracks t ON t.id = c.track_id WHERE t.film_id = ? ORDER BY t.position, c.start_ms, c.end_ms, c.id`
    )
    .all(filmId) as Row[];
  return [...scenes.map(toItem('scene')), ...notes.map(toItem('note')), ...cues.map(toItem('cue'))];
}

/** From how many items an import rebuilds the search indexes once rather than updating them per row. */
const BULK_IMPORT_ROWS = 2000;

/** A file's refusal: its name, where in it, and what is wrong; nothing has been written. */
export function itemError(fileName: string, where: string, problem: string): ReelnotesError {
  return new ReelnotesError('INVALID_INPUT', `${fileName}, ${where}: ${problem}; nothing was imported.`);
}

/**
 * Writes items read from a file into a film, all or nothing. Every item is checked against the
 * film first (scene numbers, track titles, the cue a note is on, tag names, times within a cue's
 * recording); then everything is written in one transaction by prepared statements, one row at a
 * time, never through the per-item handlers (a 100,000-note file is one pass).
 *
 * A scene item with the number of one of the film's scenes sets that scene's title (and span, where
 * the library keeps spans); one without a number becomes a new scene after the last. A note is added
 * on its scene, on the cue it names, or on the film. A cue is added to its track.
 */
export function writeStudyItems(db: Database.Database, filmId: number, fileName: string, items: readonly ReadItem[]): ImportCounts {
  assertExists(db, 'film', filmId);
  const fail = (item: ReadItem, problem: string) => itemError(fileName, item.where, problem);
  const sceneIds = new Map(
    (db.prepare('SELECT position, id FROM scenes WHERE film_id = ?').all(filmId) as { position: number; id: number }[]).map((s) => [
      s.position,
      s.id
    ])
  );
  const tracks = new Map(
    (db.prepare('SELECT title, id FROM tracks WHERE film_id = ?').all(filmId) as { title: string; id: number }[]).map((t) => [
      t.title.toLowerCase(),
      t.id
    ])
  );
  const recordings = new Map<number, ReturnType<typeof recordingLength>>();
  const cueKey = (track: string, label: string) => `${track.toLowerCase()}\n${label}`;
  // Cues the notes may name: those already on the film's tracks, and those the file adds.
  const existingCues = new Map<string, number>();
  for (const cue of db
    .prepare('SELECT t.title AS track, c.label, c.id FROM cues c JOIN tracks t ON t.id = c.track_id WHERE t.film_id = ? ORDER BY c.id DESC')
    .all(filmId) as { track: string; label: string; id: number }[]) {
    existingCues.set(cueKey(cue.track, cue.label), cue.id);
  }
  // The cues the file adds, which its notes may name wherever they stand in it.
  const fileCues = new Set(items.flatMap((i) => (i.kind === 'cue' && i.track !== null ? [cueKey(i.track, i.text.trim())] : [])));
  const tagKeys = new Map<string, string>();

  // Checking, before anything is written.
  for (const item of items) {
    if (item.startMs !== null && item.endMs !== null && item.endMs < item.startMs) throw fail(item, 'it ends before it starts');
    const limit = item.kind === 'cue' ? MAX_TRACK_TIME_MS : MAX_FILM_TIME_MS;
    if ((item.endMs ?? item.startMs ?? 0) > limit) throw fail(item, `the time is beyond ${limit / 3_600_000} hours`);
    for (const raw of item.tags) {
      if (raw.length > MAX_TAG_NAME) throw fail(item, `the tag "${raw.slice(0, 40)}…" is longer than ${MAX_TAG_NAME} characters`);
      try {
        const { name, key } = normaliseTagName(raw);
        if (!tagKeys.has(key)) tagKeys.set(key, name);
      } catch (error) {
        throw fail(item, (error as Error).message);
      }
    }
    for (const position of item.scenes) {
      if (!sceneIds.has(position)) throw fail(item, `the film has no scene ${position} (it has ${sceneIds.size})`);
    }
    if (item.kind === 'scene') {
      if (!item.text.trim()) throw fail(item, 'a scene needs a title');
      if (item.scenes.length > 1) throw fail(item, 'a scene has one number');
    } else if (item.kind === 'note') {
      if (item.scenes.length > 1) throw fail(item, 'a note is on one scene at most');
      if (item.cue !== null) {
        if (item.track === null) throw fail(item, `the note is on the cue "${item.cue}" but names no track`);
        const key = cueKey(item.track, item.cue);
        if (!fileCues.has(key) && !existingCues.has(key)) throw fail(item, `there is no cue "${item.cue}" on "${item.track}"`);
      }
    } else {
      if (item.startMs === null) throw fail(item, 'a cue needs a start time');
      if (!item.text.trim()) throw fail(item, 'a cue needs a label');
      if (item.track === null) throw fail(item, 'a cue needs its track');
      const trackId = tracks.get(item.track.toLowerCase());
      if (trackId === undefined) throw fail(item, `the film has no track "${item.track}"`);
      if (!recordings.has(trackId)) recordings.set(trackId, recordingLength(db, trackId));
      const problem = endsAfterRecording(item.endMs ?? item.startMs, recordings.get(trackId));
      if (problem) throw fail(item, problem);
    }
  }

  const spans = sceneSpans(db);
  const tagByKey = db.prepare('SELECT id FROM tags WHERE name_key = ?').pluck();
  const tag = db.prepare('INSERT OR IGNORE INTO taggings (tag_id, target_kind, target_id) VALUES (?, ?, ?)');
  const updateScene = db.prepare(
    spans ? 'UPDATE scenes SET title = ?, start_ms = ?, end_ms = ? WHERE id = ?' : 'UPDATE scenes SET title = ? WHERE id = ?'
  );
  const addScene = db.prepare(
    spans
      ? "INSERT INTO scenes (film_id, position, title, description, start_ms, end_ms) VALUES (?, ?, ?, '', ?, ?)"
      : "INSERT INTO scenes (film_id, position, title, description) VALUES (?, ?, ?, '')"
  );
  const addNote = db.prepare('INSERT INTO annotations (film_id, scene_id, cue_id, body, film_time_ms) VALUES (?, ?, ?, ?, ?)');
  const addCue = db.prepare('INSERT INTO cues (track_id, label, start_ms, end_ms, colour) VALUES (?, ?, ?, ?, ?)');
  const linkCue = db.prepare('INSERT OR IGNORE INTO cue_scenes (cue_id, scene_id) VALUES (?, ?)');
  const cueCount = db.prepare('SELECT count(*) FROM cues WHERE track_id = ?').pluck();

  const write = () => {
    const tagIds = new Map<string, number>();
    for (const [key, name] of tagKeys) tagIds.set(key, (tagByKey.get(key) as number | undefined) ?? createTag(db, name).id);
    const tagItem = (kind: string, id: number, names: string[]) => {
      for (const raw of names) tag.run(tagIds.get(normaliseTagName(raw).key), kind, id);
    };
    const counts: ImportCounts = { scenes: 0, notes: 0, cues: 0 };
    let lastPosition = Math.max(0, ...sceneIds.keys());
    const coloursUsed = new Map<number, number>();
    // Cues first, so the notes on them can be attached whatever the file's order.
    for (const item of items.filter((i) => i.kind === 'cue')) {
      const trackId = tracks.get(item.track!.toLowerCase())!;
      const used = coloursUsed.get(trackId) ?? (cueCount.get(trackId) as number);
      coloursUsed.set(trackId, used + 1);
      const label = item.text.trim();
      const id = Number(
        addCue.run(trackId, label, item.startMs, item.endMs ?? item.startMs, CUE_COLOURS[used % CUE_COLOURS.length]).lastInsertRowid
      );
      existingCues.set(cueKey(item.track!, label), id);
      for (const position of item.scenes) linkCue.run(id, sceneIds.get(position));
      tagItem('cue', id, item.tags);
      counts.cues++;
    }
    for (const item of items) {
      if (item.kind === 'scene') {
        const title = item.text.trim();
        let id = item.scenes.length ? sceneIds.get(item.scenes[0])! : undefined;
        if (id !== undefined) {
          updateScene.run(...(spans ? [title, item.startMs, item.endMs, id] : [title, id]));
        } else {
          lastPosition++;
          id = Number(
            addScene.run(...(spans ? [filmId, lastPosition, title, item.startMs, item.endMs] : [filmId, lastPosition, title]))
              .lastInsertRowid
          );
          sceneIds.set(lastPosition, id);
        }
        tagItem('scene', id, item.tags);
        counts.scenes++;
      } else if (item.kind === 'note') {
        const sceneId = item.scenes.length ? sceneIds.get(item.scenes[0])! : null;
        const cueId = item.cue !== null && sceneId === null ? existingCues.get(cueKey(item.track!, item.cue))! : null;
        const id = Number(addNote.run(filmId, sceneId, cueId, item.text, item.startMs).lastInsertRowid);
        tagItem('annotation', id, item.tags);
        counts.notes++;
      }
    }
    return counts;
  };
  // A large file is written as a restore is: search triggers off, the indexes rebuilt and checked
  // once at the end (one pass instead of an index update per row). A small one keeps the triggers,
  // since a rebuild reads every row of the library, not only the file's.
  const indexed = db.prepare('SELECT count(*) FROM annotations').pluck().get() as number;
  const bulk = items.length >= BULK_IMPORT_ROWS && items.length * 10 >= indexed;
  return db.transaction(() => {
    if (!bulk) return write();
    const counts = withoutSearchTriggers(db, write);
    rebuildSearchIndexesOrFail(db, fileName);
    return counts;
  })();
}
