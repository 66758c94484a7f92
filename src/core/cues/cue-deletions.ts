import type Database from 'better-sqlite3';
import { ReelnotesError } from '../../shared/errors';
import { notFound } from '../errors';
import { fromCell, polymorphicReferences, quote, toCell, type Cell } from '../library/table-rows';

/**
 * Deleting cues so that the deletion can be undone. A cue is really deleted (every list, search,
 * export and timeline stays free of it without knowing about deletions), but first every row the
 * deletion will remove is copied into `cue_deletions` (migration 020): the cues, then, level by level,
 * the rows that hang from them by a cascading foreign key (scene links, notes on the cue, and any
 * later table that points at a cue or a note the same way), then the tags on all of those, which
 * are removed by trigger since a tag's target is not a foreign key. Undoing writes them back in the
 * same order, in one transaction.
 */

interface TableRows {
  table: string;
  columns: string[];
  rows: Cell[][];
}

interface Removed {
  tables: TableRows[];
}

/** How many deletions of one track stay undoable; an older one is let go when a newer one is made. */
export const KEPT_DELETIONS_PER_TRACK = 50;

interface Reference {
  table: string;
  from: string;
  to: string;
}

/** Every table whose rows are deleted with a row of `parent` (ON DELETE CASCADE), and by which columns. */
function cascadingReferences(db: Database.Database, parent: string): Reference[] {
  return db
    .prepare(
      `SELECT m.name AS "table", f."from" AS "from", coalesce(f."to", 'rowid') AS "to"
       FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
       WHERE m.type = 'table' AND f."table" = ? AND f.on_delete = 'CASCADE' AND m.name <> 'cue_deletions'
       ORDER BY m.name, f.id`
    )
    .all(parent) as Reference[];
}

function columnsOf(db: Database.Database, table: string): string[] {
  return db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all(table) as string[];
}

/** The table's INTEGER PRIMARY KEY column (its rowid), if it has one: undo may have to give such a row a new id. */
function integerKey(db: Database.Database, table: string): string | null {
  const keys = db.prepare('SELECT name, type FROM pragma_table_info(?) WHERE pk > 0').all(table) as { name: string; type: string }[];
  return keys.length === 1 && keys[0].type.toUpperCase() === 'INTEGER' ? keys[0].name : null;
}

function selectRows(db: Database.Database, table: string, column: string, values: unknown[]): TableRows {
  const columns = columnsOf(db, table);
  const rows = db
    .prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)} WHERE ${quote(column)} IN (SELECT value FROM json_each(?))`)
    .raw()
    .all(JSON.stringify(values)) as unknown[][];
  return { table, columns, rows: rows.map((row) => row.map(toCell)) };
}

/** Every row a deletion of these cues removes, parents before children. */
function rowsRemovedWith(db: Database.Database, cueIds: number[]): Removed {
  const tables: TableRows[] = [selectRows(db, 'cues', 'id', cueIds)];
  for (let level = 0; level < tables.length; level++) {
    const parent = tables[level];
    if (parent.rows.length === 0) continue;
    for (const reference of cascadingReferences(db, parent.table)) {
      const at =
        reference.to === 'rowid' ? parent.columns.indexOf(integerKey(db, parent.table) ?? '') : parent.columns.indexOf(reference.to);
      if (at < 0) continue;
      const found = selectRows(
        db,
        reference.table,
        reference.from,
        parent.rows.map((row) => row[at])
      );
      if (found.rows.length > 0) tables.push(found);
    }
  }
  for (const reference of polymorphicReferences) {
    for (const [kind, target] of Object.entries(reference.targets)) {
      const ids = tables.filter((t) => t.table === target).flatMap((t) => t.rows.map((row) => row[t.columns.indexOf('id')]));
      if (ids.length === 0) continue;
      const columns = columnsOf(db, reference.table);
      const rows = db
        .prepare(
          `SELECT ${columns.map(quote).join(', ')} FROM ${quote(reference.table)}
           WHERE ${quote(reference.kindColumn)} = ? AND ${quote(reference.idColumn)} IN (SELECT value FROM json_each(?))`
        )
        .raw()
        .all(kind, JSON.stringify(ids)) as unknown[][];
      if (rows.length > 0) tables.push({ table: reference.table, columns, rows: rows.map((row) => row.map(toCell)) });
    }
  }
  return { tables };
}

/**
 * Deletes the cues (all of one track) and keeps what they took with them, so that
 * `restoreDeletedCues` can bring it all back. One transaction: nothing is deleted unless it is kept.
 */
export function deleteCuesUndoably(db: Database.Database, cueIds: number[]): { deleted: number; deletionId: number; trackId: number } {
  return db.transaction(() => {
    const ids = [...new Set(cueIds)];
    const found = db
      .prepare('SELECT id, track_id AS trackId FROM cues WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)) as { id: number; trackId: number }[];
    const missing = ids.find((id) => !found.some((cue) => cue.id === id));
    if (missing !== undefined) throw notFound('cue', missing);
    const trackIds = new Set(found.map((cue) => cue.trackId));
    if (trackIds.size !== 1)
      throw new ReelnotesError('INVALID_INPUT', 'Cues are deleted one track at a time: these belong to several tracks.');
    const [trackId] = trackIds;
    const removed = rowsRemovedWith(db, ids);
    const deletionId = Number(
      db
        .prepare('INSERT INTO cue_deletions (track_id, cue_count, removed) VALUES (?, ?, ?)')
        .run(trackId, ids.length, JSON.stringify(removed)).lastInsertRowid
    );
    db.prepare('DELETE FROM cues WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));
    db.prepare(
      `DELETE FROM cue_deletions WHERE track_id = ? AND id NOT IN (SELECT id FROM cue_deletions WHERE track_id = ? ORDER BY id DESC LIMIT ?)`
    ).run(trackId, trackId, KEPT_DELETIONS_PER_TRACK);
    return { deleted: ids.length, deletionId, trackId };
  })();
}

const isForeignKeyFailure = (error: unknown) => (error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY';

/**
 * Writes a deletion's rows back and forgets the deletion: by default the track's latest, or the one
 * named. A row whose other parent has gone since (a scene deleted after the cue was, a tag removed)
 * stays out, as it would have gone with that parent; a row whose id has been taken since is written
 * under a new one, and the rows pointing at it follow. `check` sees each cue before it is written and
 * may refuse it. Returns the ids of the cues written back.
 */
export function restoreDeletedCues(
  db: Database.Database,
  trackId: number,
  deletionId: number | undefined,
  check: (cue: { label: string; endMs: number }) => void
): number[] {
  return db.transaction(() => {
    const deletion = db
      .prepare(`SELECT id, removed FROM cue_deletions WHERE track_id = ? AND (? IS NULL OR id = ?) ORDER BY id DESC LIMIT 1`)
      .get(trackId, deletionId ?? null, deletionId ?? null) as { id: number; removed: string } | undefined;
    if (!deletion) {
      throw new ReelnotesError(
        'NOT_FOUND',
        deletionId === undefined ? 'Nothing to undo: no cue of this track has been deleted.' : 'That deletion can no longer be undone.'
      );
    }
    const removed = JSON.parse(deletion.removed) as Removed;
    // The ids each table's rows had when deleted, and old id → id written (absent: it stayed out).
    const heldIds = new Map<string, Set<number>>();
    for (const { table, columns, rows } of removed.tables) {
      const key = integerKey(db, table);
      if (key === null) continue;
      const at = columns.indexOf(key);
      heldIds.set(table, new Set([...(heldIds.get(table) ?? []), ...rows.map((row) => row[at] as number)]));
    }
    const written = new Map<string, Map<number, number>>();
    const kinds = new Map(
      polymorphicReferences.flatMap((r) => Object.entries(r.targets).map(([kind, table]) => [`${r.table}:${kind}`, table]))
    );
    for (const { table, columns, rows } of removed.tables) {
      const key = integerKey(db, table);
      const keyAt = key === null ? -1 : columns.indexOf(key);
      const references = db.prepare('SELECT "from", "table" FROM pragma_foreign_key_list(?)').all(table) as {
        from: string;
        table: string;
      }[];
      const polymorphic = polymorphicReferences.find((r) => r.table === table);
      const ids = written.get(table) ?? new Map<number, number>();
      written.set(table, ids);
      const insert = db.prepare(
        `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
      );
      for (const cells of rows) {
        const values = cells.map(fromCell);
        if (table === 'cues') check({ label: String(values[columns.indexOf('label')]), endMs: Number(values[columns.indexOf('end_ms')]) });
        // References to rows this deletion held follow them (and a row whose parent stayed out stays out).
        const dropped = references.some(({ from, table: parent }) => {
          const at = columns.indexOf(from);
          const parentIds = written.get(parent);
          if (at < 0 || parentIds === undefined || !heldIds.get(parent)?.has(values[at] as number)) return false;
          const id = parentIds.get(values[at] as number);
          if (id !== undefined) values[at] = id;
          return id === undefined;
        });
        if (dropped) continue;
        if (polymorphic) {
          const target = kinds.get(`${table}:${values[columns.indexOf(polymorphic.kindColumn)]}`);
          const at = columns.indexOf(polymorphic.idColumn);
          if (target !== undefined && heldIds.get(target)?.has(values[at] as number)) {
            const id = written.get(target)?.get(values[at] as number);
            if (id === undefined) continue;
            values[at] = id;
          }
        }
        if (keyAt >= 0 && db.prepare(`SELECT 1 FROM ${quote(table)} WHERE ${quote(key!)} = ?`).get(values[keyAt])) values[keyAt] = null;
        try {
          const result = insert.run(values);
          if (keyAt >= 0) ids.set(cells[keyAt] as number, Number(result.lastInsertRowid));
        } catch (error) {
          if (!isForeignKeyFailure(error)) throw error;
        }
      }
    }
    db.prepare('DELETE FROM cue_deletions WHERE id = ?').run(deletion.id);
    return [...(written.get('cues')?.values() ?? [])];
  })();
}
