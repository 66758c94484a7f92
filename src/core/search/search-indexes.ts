import type Database from 'better-sqlite3';
import { ReelnotesError } from '../../shared/errors';
import type { SearchRepair } from '../../shared/safety';

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
 * Returns SQLite's reason, or null when the index is sound. Any other failure (a read-only
 * connection cannot run the check, which is written as an INSERT) is thrown, not taken for damage.
 */
export function searchIndexProblem(db: Database.Database, index: string): string | null {
  try {
    db.prepare(`INSERT INTO ${quote(index)} (${quote(index)}, rank) VALUES ('integrity-check', 1)`).run();
    return null;
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CORRUPT')) return error.message;
    throw error;
  }
}

/** Builds one index again from its content table. */
export function rebuildSearchIndex(db: Database.Database, index: string): void {
  db.prepare(`INSERT INTO ${quote(index)} (${quote(index)}) VALUES ('rebuild')`).run();
}

/**
 * SQLite's integrity checks look inside FTS5 indexes too (not at whether they match their tables).
 * True when every problem they report is one of ours: derived data that is rebuilt, not a reason
 * to set the whole library aside.
 */
export function onlySearchIndexesDamaged(db: Database.Database, problems: string[]): boolean {
  const indexes = new Set(searchIndexes(db));
  return problems.every((problem) => {
    const table = /^fts5: .*\btable "([^"]+)"/.exec(problem)?.[1];
    return table !== undefined && indexes.has(table);
  });
}

/** What each index lets a person find, in their words; a later index is named by its table. */
const indexContents: Record<string, string> = {
  scenes_fts: 'scenes',
  annotations_fts: 'annotations',
  film_lines_fts: 'dialogue and quotes',
  films_fts: 'synopses',
  cues_fts: 'cue labels'
};

/**
 * At launch: every index is checked, and a broken one is rebuilt from its table in a transaction
 * of its own. Returns what was repaired, to be told to the person once.
 */
export function repairSearchIndexes(db: Database.Database): SearchRepair[] {
  const repaired: SearchRepair[] = [];
  for (const index of searchIndexes(db)) {
    const problem = searchIndexProblem(db, index);
    if (problem === null) continue;
    db.transaction(() => rebuildSearchIndex(db, index))();
    const covers = indexContents[index] ?? index.replace(/_fts$/, '').replaceAll('_', ' ');
    repaired.push({ index, covers, problem, repairedAt: new Date().toISOString() });
  }
  return repaired;
}

/** True when every statement of a trigger writes to a search index, and nothing else. */
function onlyFeedsSearch(triggerSql: string, indexes: Set<string>): boolean {
  const body = /\bBEGIN\b([\s\S]*)\bEND\s*$/i.exec(triggerSql)?.[1] ?? '';
  const statements = body
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean);
  return statements.length > 0 && statements.every((statement) => indexes.has(/^INSERT\s+INTO\s+"?(\w+)"?/i.exec(statement)?.[1] ?? ''));
}

/**
 * Runs `write` with the triggers that only feed search indexes set aside, for a restore that
 * rebuilds every index whole at its end (rebuildSearchIndexesOrFail): indexing each row as it is
 * written would do that work twice. Must run inside the restore's transaction, so that a failure
 * rolls the dropped triggers back with everything else.
 */
export function withoutSearchTriggers<T>(db: Database.Database, write: () => T): T {
  if (!db.inTransaction) throw new Error('withoutSearchTriggers needs a transaction');
  const indexes = new Set(searchIndexes(db));
  const triggers = (
    db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all() as { name: string; sql: string }[]
  ).filter((trigger) => onlyFeedsSearch(trigger.sql, indexes));
  for (const trigger of triggers) db.exec(`DROP TRIGGER ${quote(trigger.name)}`);
  const result = write();
  for (const trigger of triggers) db.exec(trigger.sql);
  return result;
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
      throw new ReelnotesError(
        'INTERNAL',
        `${fileName}: the search index ${index} failed its check after the restore (${problem}); nothing was restored.`
      );
    }
  }
}
