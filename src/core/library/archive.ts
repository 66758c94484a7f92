import type Database from 'better-sqlite3';
import { z } from 'zod';
import { colour } from '../../shared/contract/fields';
import { ReelnotesError } from '../../shared/errors';
import { CUE_COLOURS } from '../../shared/score';
import { JsonScanner } from './json-scanner';
import { fromCell, polymorphicReferences, quote, toCell, type Cell } from './table-rows';
import { latestSchemaVersion } from './migrations';
import { rebuildSearchIndexesOrFail, withoutSearchTriggers } from '../search/search-indexes';

/**
 * The whole library as one versioned JSON document: every row of every table the person's study
 * lives in, keyed by column name, tables and rows in a fixed order. No export time is written, so
 * exporting, restoring and exporting again gives the same bytes.
 *
 * The archive is generic over the schema: new tables added by later migrations are carried without
 * changes here. Search indexes are not carried: every restore rebuilds and checks them at its end.
 */
export const ARCHIVE_FORMAT = 'reelnotes-library';
export const ARCHIVE_VERSION = 1;

type Row = Record<string, Cell>;

export interface LibraryArchive {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  schema: number;
  tables: Record<string, Row[]>;
}

/**
 * The envelope is checked by schema; the tables, which may hold hundreds of thousands of rows, are
 * read as a stream and each row checked by one plain loop (`tables` here is only its presence).
 */
const archiveSchema = z
  .object({
    format: z.literal(ARCHIVE_FORMAT, { error: 'This is not a Reelnotes library backup' }),
    version: z.literal(ARCHIVE_VERSION, { error: `Only version ${ARCHIVE_VERSION} backups can be read by this Reelnotes` }),
    schema: z.number().int().positive(),
    tables: z.object({})
  })
  .strict();

function isCell(value: unknown): value is Cell {
  if (value === null || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === 'base64' && typeof (value as { base64: unknown }).base64 === 'string';
}

interface TableInfo {
  name: string;
  columns: string[];
  /** The INTEGER PRIMARY KEY column, if the table has one. */
  key: string | null;
  /** The primary key's columns in key order, for a stable row order (rowid where there is none). */
  order: string;
}

/**
 * Columns a migration renamed after archives were first written. A row of an archive written before
 * the rename (an older `schema`) is read under the new name, with its value in the form the migration
 * left it in, so that replace and merge see only today's columns.
 */
const renamedColumns: { table: string; from: string; to: string; renamedIn: number; tidy: (value: unknown) => unknown }[] = [
  // As 008_cue_colour.sql does to the rows already in a library: lower-cased, or the palette's first.
  {
    table: 'cues',
    from: 'color',
    to: 'colour',
    renamedIn: 8,
    tidy: (value) => (typeof value === 'string' ? (colour.safeParse(value).data ?? CUE_COLOURS[0]) : value)
  }
];

/** The row as today's schema names it; a row that is not an object is left for checkRow to refuse. */
function upgradeRow(table: string, row: unknown, schema: number): unknown {
  const renames = renamedColumns.filter((r) => r.table === table && schema < r.renamedIn);
  if (renames.length === 0 || row === null || typeof row !== 'object' || Array.isArray(row)) return row;
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => {
      const rename = renames.find((r) => r.from === column);
      return rename ? [rename.to, rename.tidy(value)] : [column, value];
    })
  );
}

/**
 * The tables that hold the person's library: not SQLite's own, not the ledger, not search indexes,
 * and not the cue deletions kept for undo (their JSON names row ids that a merge would renumber; a
 * replace removes them with their tracks).
 */
function libraryTables(db: Database.Database): TableInfo[] {
  const tables = db
    .prepare(
      `SELECT name FROM pragma_table_list
       WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('schema_migrations', 'cue_deletions')
       ORDER BY name`
    )
    .pluck()
    .all() as string[];
  return tables.map((name) => {
    const columns = db.prepare('SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid').all(name) as {
      name: string;
      type: string;
      pk: number;
    }[];
    const keys = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const key = keys.length === 1 && keys[0].type.toUpperCase() === 'INTEGER' ? keys[0].name : null;
    const order = keys.length ? keys.map((c) => quote(c.name)).join(', ') : 'rowid';
    return { name, columns: columns.map((c) => c.name), key, order };
  });
}

export function exportLibrary(db: Database.Database): LibraryArchive {
  const tables: Record<string, Row[]> = {};
  const read = db.transaction(() => {
    for (const table of libraryTables(db)) {
      const rows = db
        .prepare(`SELECT ${table.columns.map(quote).join(', ')} FROM ${quote(table.name)} ORDER BY ${table.order}`)
        .all() as Record<string, unknown>[];
      tables[table.name] = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toCell(v)])));
    }
  });
  read();
  return { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, schema: latestSchemaVersion, tables };
}

export function serialiseArchive(archive: LibraryArchive): string {
  return `${JSON.stringify(archive, null, 1)}\n`;
}

/**
 * A library file on disk, checked whole: where each table's rows begin, so that they can be read
 * again, one row at a time, while they are written. Close it when done.
 */
export interface ArchiveFile {
  readonly fileName: string;
  readonly schema: number;
  /** The tables the file holds, with where their rows start and how many there are. */
  readonly tables: ReadonlyMap<string, { offset: number; rows: number }>;
  rows(table: string): Iterable<Row>;
  close(): void;
}

/**
 * Checks a library file completely before anything is written: its format, its version, that it
 * is not from a newer schema, and that every table, column and cell is one this library can hold.
 * The file is read as a stream, so its size in memory is a row's, never the file's.
 */
export function openArchive(db: Database.Database, path: string, fileName: string): ArchiveFile {
  const scanner = new JsonScanner(path, fileName);
  try {
    const { schema, tables } = checkArchive(db, scanner, fileName);
    return {
      fileName,
      schema,
      tables,
      *rows(table) {
        const found = tables.get(table);
        if (!found) return;
        scanner.seek(found.offset);
        for (const row of readRows(scanner)) yield upgradeRow(table, row, schema) as Row;
      },
      close: () => scanner.close()
    };
  } catch (error) {
    scanner.close();
    throw error;
  }
}

const envelopeFields = ['format', 'version', 'schema'];

/**
 * The document is an object whose members may come in any order. Its tables are checked once the
 * envelope is known, so a file that is not a Reelnotes library is refused as such, not for its rows:
 * when "tables" comes first it is passed over, then read again from where it starts.
 */
function checkArchive(
  db: Database.Database,
  scanner: JsonScanner,
  fileName: string
): { schema: number; tables: Map<string, { offset: number; rows: number }> } {
  const envelope: Record<string, unknown> = {};
  let tablesAt: number | undefined;
  let tables: Map<string, { offset: number; rows: number }> | undefined;
  scanner.expect('{');
  if (scanner.peek() === '}'.charCodeAt(0)) scanner.expect('}');
  else {
    do {
      const key = scanner.key();
      if (key in envelope) throw new ReelnotesError('INVALID_INPUT', `${fileName}: "${key}" appears twice.`);
      if (key !== 'tables') {
        envelope[key] = scanner.value();
        continue;
      }
      envelope.tables = {};
      tablesAt = scanner.offset;
      if (envelopeFields.every((field) => field in envelope)) {
        tables = checkTables(db, scanner, fileName, checkEnvelope(envelope, fileName));
      } else {
        scanner.skip();
      }
    } while (scanner.more('}'));
  }
  scanner.expectEnd();
  const schema = checkEnvelope(envelope, fileName);
  if (!tables) {
    scanner.seek(tablesAt ?? 0);
    tables = checkTables(db, scanner, fileName, schema);
  }
  return { schema, tables };
}

function checkEnvelope(envelope: Record<string, unknown>, fileName: string): number {
  const parsed = archiveSchema.safeParse(envelope);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new ReelnotesError('INVALID_INPUT', `${fileName}: ${issue.message}${where}.`);
  }
  const { schema } = parsed.data;
  if (schema > latestSchemaVersion) {
    throw new ReelnotesError(
      'LIBRARY_TOO_NEW',
      `${fileName} was written by a newer Reelnotes (schema ${schema}; this version knows up to ${latestSchemaVersion}). Update Reelnotes to restore it.`
    );
  }
  return schema;
}

function checkTables(
  db: Database.Database,
  scanner: JsonScanner,
  fileName: string,
  schema: number
): Map<string, { offset: number; rows: number }> {
  const known = new Map(libraryTables(db).map((t) => [t.name, new Set(t.columns)]));
  const found = new Map<string, { offset: number; rows: number }>();
  if (scanner.peek() !== '{'.charCodeAt(0)) throw new ReelnotesError('INVALID_INPUT', `${fileName}: "tables" is not an object of tables.`);
  scanner.expect('{');
  if (scanner.peek() === '}'.charCodeAt(0)) {
    scanner.expect('}');
    return found;
  }
  do {
    const table = scanner.key();
    const columns = known.get(table);
    if (!columns) throw new ReelnotesError('INVALID_INPUT', `${fileName}: unknown table "${table}".`);
    if (found.has(table)) throw new ReelnotesError('INVALID_INPUT', `${fileName}: table "${table}" appears twice.`);
    if (scanner.peek() !== '['.charCodeAt(0))
      throw new ReelnotesError('INVALID_INPUT', `${fileName}: table "${table}" is not a list of rows.`);
    const offset = scanner.offset;
    let index = 0;
    for (const row of readRows(scanner)) checkRow(upgradeRow(table, row, schema), columns, `${fileName}: ${table} row ${++index}`);
    found.set(table, { offset, rows: index });
  } while (scanner.more('}'));
  return found;
}

function* readRows(scanner: JsonScanner): Generator<unknown> {
  scanner.expect('[');
  if (scanner.peek() === ']'.charCodeAt(0)) {
    scanner.expect(']');
    return;
  }
  do yield scanner.value();
  while (scanner.more(']'));
}

function checkRow(row: unknown, columns: Set<string>, which: string): void {
  const problem = (what: string) => new ReelnotesError('INVALID_INPUT', `${which} ${what}.`);
  if (row === null || typeof row !== 'object' || Array.isArray(row)) throw problem('is not an object');
  for (const [column, value] of Object.entries(row)) {
    if (!columns.has(column)) throw problem(`has an unknown column "${column}"`);
    if (!isCell(value)) throw problem(`has a value of "${column}" that is not text, a number, null or {"base64"}`);
  }
}

/**
 * Replaces the whole library with the archive's rows, in one transaction. Foreign keys are checked
 * at the end: an archive whose rows do not hold together is refused and nothing changes.
 */
export function replaceLibrary(db: Database.Database, archive: ArchiveFile): { rows: number } {
  // Parents before children, as a trigger that reads a row's parent expects (a cue's search trigger
  // reads its track's film: a cue written before its track was missing from search). Deleting goes
  // the other way, so each trigger still finds the parent it reads.
  const tables = orderByDependency(db, libraryTables(db));
  let rows = 0;
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    withoutSearchTriggers(db, () => {
      for (const table of [...tables].reverse()) db.prepare(`DELETE FROM ${quote(table.name)}`).run();
      for (const table of tables) rows += insertRows(db, table.name, archive.rows(table.name), archive.fileName);
    });
    assertForeignKeysHold(db, archive.fileName);
    rebuildSearchIndexesOrFail(db, archive.fileName);
  })();
  return { rows };
}

function insertRows(db: Database.Database, table: string, rows: Iterable<Row>, fileName: string): number {
  // Rows from an export all have the same columns in the same order: one statement serves them all.
  let columns: string[] = [];
  let insert: Database.Statement | undefined;
  let index = 0;
  for (const row of rows) {
    const keys = Object.keys(row);
    if (!insert || keys.length !== columns.length || keys.some((k, i) => k !== columns[i])) {
      columns = keys;
      insert = db.prepare(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    }
    const statement = insert;
    const values = columns.map((c) => fromCell(row[c]));
    storeRow(() => statement.run(values), fileName, table, index++);
  }
  return index;
}

/** A row SQLite refuses (a missing title, a duplicate, a wrong kind) names itself; the transaction then rolls back. */
function storeRow(write: () => Database.RunResult, fileName: string, table: string, index: number): Database.RunResult {
  try {
    return write();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ReelnotesError('INVALID_INPUT', `${fileName}: ${table} row ${index + 1} cannot be stored (${reason}); nothing was restored.`);
  }
}

function assertForeignKeysHold(db: Database.Database, fileName: string): void {
  const broken = db.prepare('SELECT "table", parent FROM pragma_foreign_key_check LIMIT 1').get() as
    { table: string; parent: string } | undefined;
  if (broken) {
    throw new ReelnotesError(
      'INVALID_INPUT',
      `${fileName}: a row of ${broken.table} points to a ${broken.parent} row that is not in the backup; nothing was restored.`
    );
  }
  const tables = new Set(db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main'").pluck().all() as string[]);
  for (const reference of polymorphicReferences.filter((r) => tables.has(r.table))) {
    for (const [kind, target] of Object.entries(reference.targets).filter(([, t]) => tables.has(t))) {
      const dangling = db
        .prepare(
          `SELECT 1 FROM ${quote(reference.table)} WHERE ${quote(reference.kindColumn)} = ?
           AND ${quote(reference.idColumn)} NOT IN (SELECT id FROM ${quote(target)}) LIMIT 1`
        )
        .get(kind);
      if (dangling) {
        throw new ReelnotesError(
          'INVALID_INPUT',
          `${fileName}: a row of ${reference.table} points to a ${target} row that is not in the backup; nothing was restored.`
        );
      }
    }
  }
}

interface ForeignKey {
  from: string;
  table: string;
}

/**
 * Adds the archive's rows to the library. A row that matches an existing row on one of its table's
 * unique keys, or in every column but its id, is the same row: it is not added again, and rows that
 * point to it are pointed at the existing one. Every other row gets a new id, and the references
 * to it are renumbered.
 */
export function mergeIntoLibrary(db: Database.Database, archive: ArchiveFile): { added: number; matched: number } {
  const { fileName } = archive;
  const tables = orderByDependency(db, libraryTables(db));
  const idMaps = new Map<string, Map<number, number>>();
  let added = 0;
  let matched = 0;
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    withoutSearchTriggers(db, () => {
      for (const table of tables) {
        const foreignKeys = db.prepare('SELECT "from", "table" FROM pragma_foreign_key_list(?)').all(table.name) as ForeignKey[];
        const uniqueKeys = uniqueColumnSets(db, table.name).filter((set) => !(set.length === 1 && set[0] === table.key));
        const ids = new Map<number, number>();
        idMaps.set(table.name, ids);
        let index = 0;
        for (const row of archive.rows(table.name)) {
          index++;
          for (const fk of foreignKeys) {
            const value = row[fk.from];
            if (typeof value !== 'number') continue;
            const mapped = idMaps.get(fk.table)?.get(value);
            if (mapped === undefined) {
              throw new ReelnotesError(
                'INVALID_INPUT',
                `${fileName}: a ${table.name} row points to ${fk.table} ${value}, which is not in the backup.`
              );
            }
            row[fk.from] = mapped;
          }
          for (const reference of polymorphicReferences.filter((r) => r.table === table.name)) {
            const target = reference.targets[String(row[reference.kindColumn])];
            const value = row[reference.idColumn];
            if (!target || typeof value !== 'number') continue;
            const mapped = idMaps.get(target)?.get(value);
            if (mapped === undefined) {
              throw new ReelnotesError(
                'INVALID_INPUT',
                `${fileName}: a ${table.name} row points to ${target} ${value}, which is not in the backup.`
              );
            }
            row[reference.idColumn] = mapped;
          }
          const oldId = table.key ? row[table.key] : null;
          if (table.key) delete row[table.key];
          const existing = findSameRow(db, table, row, uniqueKeys);
          if (existing !== undefined) {
            matched++;
            if (typeof oldId === 'number' && typeof existing === 'number') ids.set(oldId, existing);
            continue;
          }
          const columns = Object.keys(row);
          const insert = db.prepare(
            `INSERT INTO ${quote(table.name)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
          );
          const result = storeRow(() => insert.run(...columns.map((c) => fromCell(row[c]))), fileName, table.name, index - 1);
          added++;
          if (typeof oldId === 'number') ids.set(oldId, Number(result.lastInsertRowid));
        }
      }
    });
    assertForeignKeysHold(db, fileName);
    rebuildSearchIndexesOrFail(db, fileName);
  })();
  return { added, matched };
}

function uniqueColumnSets(db: Database.Database, table: string): string[][] {
  const indexes = db.prepare('SELECT name FROM pragma_index_list(?) WHERE "unique" = 1').pluck().all(table) as string[];
  return indexes
    .map((index) => db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(index) as (string | null)[])
    .filter((columns): columns is string[] => columns.every((c) => c !== null));
}

/** The id of the row the library already has for `row` (true for a table without ids), if any. */
function findSameRow(db: Database.Database, table: TableInfo, row: Row, uniqueKeys: string[][]): number | true | undefined {
  const candidates = [...uniqueKeys.filter((set) => set.every((c) => c in row)), Object.keys(row)];
  const selected = table.key ? quote(table.key) : '1';
  for (const columns of candidates) {
    if (columns.length === 0) continue;
    const where = columns.map((c) => `${quote(c)} IS ?`).join(' AND ');
    const found = db
      .prepare(`SELECT ${selected} FROM ${quote(table.name)} WHERE ${where} LIMIT 1`)
      .pluck()
      .get(...columns.map((c) => fromCell(row[c])));
    if (found !== undefined) return table.key ? Number(found) : true;
  }
  return undefined;
}

/** Parents before children, so that every reference can be renumbered when its row is written. */
function orderByDependency(db: Database.Database, tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  const visiting = new Set<string>();
  const visit = (table: TableInfo) => {
    if (ordered.includes(table) || visiting.has(table.name)) return;
    visiting.add(table.name);
    const parents = [
      ...(db.prepare('SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)').pluck().all(table.name) as string[]),
      ...polymorphicReferences.filter((r) => r.table === table.name).flatMap((r) => Object.values(r.targets))
    ];
    for (const parent of parents) {
      const info = byName.get(parent);
      if (info && info !== table) visit(info);
    }
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}
