import type Database from 'better-sqlite3';
import { ReelnotesError } from '../../shared/errors';
import type { Annotation, AnnotationOrder, AnnotationPage, AnnotationSummary, AnnotationTarget, TagMatch } from '../../shared/notes';
import { notFound } from '../errors';
import { getFilm } from '../films/films';
import { getScene } from '../scenes/scenes';
import { taggedItems, tagsOf } from '../tags/tags';

/** How much of a body a list row carries: enough for two lines, never a 1 MB essay. */
export const EXCERPT_CHARS = 280;

const columns = `a.id, a.film_id AS filmId, a.scene_id AS sceneId, a.film_time_ms AS filmTimeMs,
  a.created_at AS createdAt, a.updated_at AS updatedAt, a.deleted_at AS deletedAt`;
const summaryColumns = `${columns}, substr(a.body, 1, ${EXCERPT_CHARS}) AS excerpt,
  s.position AS scenePosition, s.title AS sceneTitle, (SELECT label FROM cues WHERE id = a.cue_id) AS cueLabel`;
const now = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
/**
 * Within a scene (or the film): by film time, untimed notes last, then as written. The index
 * annotations_scene (migration 006) holds exactly this order, so the list pages without sorting.
 */
const timeOrder = 'a.film_time_ms IS NULL, a.film_time_ms, a.created_at, a.id';

type AnnotationRow = Omit<Annotation, 'tags'>;
type SummaryRow = Omit<AnnotationSummary, 'tags'>;

export function getAnnotation(db: Database.Database, id: number): Annotation {
  const row = db.prepare(`SELECT ${columns}, a.body FROM annotations a WHERE a.id = ?`).get(id) as AnnotationRow | undefined;
  if (!row) throw notFound('annotation', id);
  return { ...row, tags: tagsOf(db, 'annotation', [id]).get(id) ?? [] };
}

function withTags<R extends { id: number }>(db: Database.Database, rows: R[]): (R & Pick<Annotation, 'tags'>)[] {
  const tags = tagsOf(
    db,
    'annotation',
    rows.map((r) => r.id)
  );
  return rows.map((row) => ({ ...row, tags: tags.get(row.id) ?? [] }));
}

function resolveTarget(db: Database.Database, target: AnnotationTarget): { filmId: number; sceneId: number | null; cueId: number | null } {
  if (target.kind === 'film') return { filmId: getFilm(db, target.id).id, sceneId: null, cueId: null };
  if (target.kind === 'cue') {
    // A note on a cue belongs to the film of the cue's track: film-wide views and search find it there.
    const cue = db
      .prepare('SELECT c.id, t.film_id AS filmId FROM cues c JOIN tracks t ON t.id = c.track_id WHERE c.id = ?')
      .get(target.id) as { id: number; filmId: number } | undefined;
    if (!cue) throw notFound('cue', target.id);
    return { filmId: cue.filmId, sceneId: null, cueId: cue.id };
  }
  const scene = getScene(db, target.id);
  return { filmId: scene.filmId, sceneId: scene.id, cueId: null };
}

export interface NewAnnotation {
  target: AnnotationTarget;
  body: string;
  filmTimeMs: number | null;
}

export function createAnnotation(db: Database.Database, note: NewAnnotation): Annotation {
  const { filmId, sceneId, cueId } = resolveTarget(db, note.target);
  const id = Number(
    db
      .prepare('INSERT INTO annotations (film_id, scene_id, cue_id, body, film_time_ms) VALUES (?, ?, ?, ?, ?)')
      .run(filmId, sceneId, cueId, note.body, note.filmTimeMs).lastInsertRowid
  );
  return getAnnotation(db, id);
}

export interface AnnotationChanges {
  id: number;
  body?: string;
  filmTimeMs?: number | null;
}

/**
 * Saves what the editor holds. Autosave sends the same text more than once, so an unchanged note
 * is left alone: its last-edited time stays the time of the last real edit.
 */
export function updateAnnotation(db: Database.Database, changes: AnnotationChanges): Annotation {
  return db.transaction(() => {
    const current = getAnnotation(db, changes.id);
    if (current.deletedAt) throw new ReelnotesError('CONFLICT', 'That annotation is in the trash: restore it before editing it.');
    const body = changes.body ?? current.body;
    const filmTimeMs = changes.filmTimeMs === undefined ? current.filmTimeMs : changes.filmTimeMs;
    if (body === current.body && filmTimeMs === current.filmTimeMs) return current;
    db.prepare(`UPDATE annotations SET body = ?, film_time_ms = ?, updated_at = ${now} WHERE id = ?`).run(body, filmTimeMs, changes.id);
    return getAnnotation(db, changes.id);
  })();
}

/** A scene's or a cue's live notes (or the film's own, for a film target), in film-time order. */
export function annotationsFor(db: Database.Database, target: AnnotationTarget): Annotation[] {
  const { filmId, sceneId, cueId } = resolveTarget(db, target);
  const rows = db
    .prepare(
      `SELECT ${columns}, a.body FROM annotations a
       WHERE a.film_id = ? AND a.scene_id IS ? AND a.cue_id IS ? AND a.deleted_at IS NULL
       ORDER BY ${timeOrder}`
    )
    .all(filmId, sceneId, cueId) as AnnotationRow[];
  return withTags(db, rows);
}

export interface AnnotationQuery {
  filmId: number;
  order: AnnotationOrder;
  tagIds: readonly number[];
  tagMatch: TagMatch;
  offset: number;
  limit: number;
}

/**
 * One page of the film's live notes, with the total, for a virtualised list. In film order the
 * notes on the film itself come first, then the scenes' notes: those are read scene by scene in
 * position order (scenes drive the join, so SQLite sorts one scene's notes at a time and stops at
 * the page's end instead of sorting all 100,000).
 */
export function listAnnotations(db: Database.Database, query: AnnotationQuery): AnnotationPage {
  getFilm(db, query.filmId);
  const tagged = query.tagIds.length ? taggedItems(db, 'annotation', query.tagIds, query.tagMatch) : null;
  const live = `a.deleted_at IS NULL${tagged ? ` AND a.id IN (${tagged.sql})` : ''}`;
  const tagParams = tagged?.params ?? [];
  const total = db
    .prepare(`SELECT count(*) FROM annotations a WHERE a.film_id = ? AND ${live}`)
    .pluck()
    .get(query.filmId, ...tagParams) as number;
  const rows: SummaryRow[] = [];
  if (query.order === 'edited') {
    rows.push(
      ...(db
        .prepare(
          `SELECT ${summaryColumns} FROM annotations a LEFT JOIN scenes s ON s.id = a.scene_id
           WHERE a.film_id = ? AND ${live} ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?`
        )
        .all(query.filmId, ...tagParams, query.limit, query.offset) as SummaryRow[])
    );
  } else {
    const onFilm = db
      .prepare(`SELECT count(*) FROM annotations a WHERE a.film_id = ? AND a.scene_id IS NULL AND ${live}`)
      .pluck()
      .get(query.filmId, ...tagParams) as number;
    if (query.offset < onFilm) {
      rows.push(
        ...(db
          .prepare(
            `SELECT ${summaryColumns} FROM annotations a LEFT JOIN scenes s ON s.id = a.scene_id
             WHERE a.film_id = ? AND a.scene_id IS NULL AND ${live} ORDER BY ${timeOrder} LIMIT ? OFFSET ?`
          )
          .all(query.filmId, ...tagParams, query.limit, query.offset) as SummaryRow[])
      );
    }
    const left = query.limit - rows.length;
    if (left > 0) {
      rows.push(
        ...(db
          .prepare(
            `SELECT ${summaryColumns} FROM scenes s CROSS JOIN annotations a ON a.scene_id = s.id
             WHERE s.film_id = ? AND ${live} ORDER BY s.position, ${timeOrder} LIMIT ? OFFSET ?`
          )
          .all(query.filmId, ...tagParams, left, Math.max(0, query.offset - onFilm)) as SummaryRow[])
      );
    }
  }
  return { total, offset: query.offset, items: withTags(db, rows) };
}

export function trashAnnotation(db: Database.Database, id: number): Annotation {
  getAnnotation(db, id);
  db.prepare(`UPDATE annotations SET deleted_at = ${now} WHERE id = ? AND deleted_at IS NULL`).run(id);
  return getAnnotation(db, id);
}

export function restoreAnnotation(db: Database.Database, id: number): Annotation {
  getAnnotation(db, id);
  db.prepare('UPDATE annotations SET deleted_at = NULL WHERE id = ?').run(id);
  return getAnnotation(db, id);
}

/** The film's trashed notes, most recently deleted first. */
export function listTrash(db: Database.Database, filmId: number): AnnotationSummary[] {
  getFilm(db, filmId);
  const rows = db
    .prepare(
      `SELECT ${summaryColumns} FROM annotations a LEFT JOIN scenes s ON s.id = a.scene_id
       WHERE a.film_id = ? AND a.deleted_at IS NOT NULL ORDER BY a.deleted_at DESC, a.id DESC`
    )
    .all(filmId) as SummaryRow[];
  return withTags(db, rows);
}

/** Deletes the film's trashed notes for good; their taggings and index entries go with them (triggers). */
export function emptyTrash(db: Database.Database, filmId: number): { removed: number } {
  getFilm(db, filmId);
  return db.transaction(() => ({
    removed: db.prepare('DELETE FROM annotations WHERE film_id = ? AND deleted_at IS NOT NULL').run(filmId).changes
  }))();
}
