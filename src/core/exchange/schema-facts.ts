import type Database from 'better-sqlite3';

/*
 * Exchange formats carry what a library holds, and some of it comes with migrations other work adds
 * (scene spans, placements, videos). They are read only where the library has them, so a format
 * works on every schema it may meet rather than waiting for one.
 */

export function hasTable(db: Database.Database, table: string): boolean {
  return db.prepare("SELECT 1 FROM pragma_table_list WHERE schema = 'main' AND name = ?").get(table) !== undefined;
}

export function hasColumn(db: Database.Database, table: string, column: string): boolean {
  return db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(table, column) !== undefined;
}
