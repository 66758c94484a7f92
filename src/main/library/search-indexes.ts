import type Database from 'better-sqlite3';
import { ReelnotesError } from '../../shared/errors';

/**
 * The search indexes are derived data: each FTS5 table indexes the rows of its content table, kept
 * right by triggers. A trigger that runs before the row it reads exists (a cue written before its
 * track) leaves the index short, and a later 'delete' of a row the index never had damages it for
 * good. Neither `integrity_check` nor `quick_check` looks inside FTS5, so these do.
 */

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** Every FTS5 table of the library, found in the schema so that a later migration's index is covered too. */
export function searchIndexes(db: Database.Database): string[] {
  const virtualTables = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
    .all() as { name: string; sql: string }[];
  return virtualTables.filter((table) => /\bUSING\s+fts5\b/i.test(table.sql)).map((table) => table.name);
}

/**
 * FTS5's own integrity check, with rank 1 so that the index is also compared with its content
 * table: an index that merely lacks rows is consistent in itself and would pass without it.
 * Returns SQLite's reason, or null when the index is sound.
 */
export function searchIndexProblem(db: Database.Database, index: string): string | null {
  try {
    db.prepare(`INSERT INTO ${quote(index)} (${quote(index)}, rank) VALUES ('integrity-check', 1)`).run();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Builds one index again from its content table. */
export function rebuildSearchIndex(db: Database.Database, index: string): void {
  db.prepare(`INSERT INTO ${quote(index)} (${quote(index)}) VALUES ('rebuild')`).run();
}

/**
 * At launch: every index is checked and a broken one rebuilt from its table, each in its own
 * transaction. Returns the names of the indexes that were repaired.
 */
export function repairSearchIndexes(db: Database.Database): string[] {
  const repaired: string[] = [];
  for (const index of searchIndexes(db)) {
    if (searchIndexProblem(db, index) === null) continue;
    db.transaction(() => {
      rebuildSearchIndex(db, index);
      const problem = searchIndexProblem(db, index);
      if (problem !== null) throw new Error(`The search index ${index} is still damaged after rebuilding it (${problem}).`);
    })();
    repaired.push(index);
  }
  return repaired;
}

/**
 * The end of every restore, inside its transaction: each index rebuilt from the rows just written
 * and checked against them. A check that fails throws, so the restore rolls back whole.
 */
export function rebuildSearchIndexesOrFail(db: Database.Database, fileName: string): void {
  for (const index of searchIndexes(db)) {
    rebuildSearchIndex(db, index);
    const problem = searchIndexProblem(db, index);
    if (problem !== null) {
      throw new ReelnotesError('INTERNAL', `${fileName}: the search index ${index} failed its check after the restore (${problem}); nothing was restored.`);
    }
  }
}
