import type Database from 'better-sqlite3';
import { ReelnotesError } from '../../shared/errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The numbered SQL files beside this module, bundled into the build as text. Adding a file
 * `NNN_name.sql` is all it takes to add a migration.
 */
const files = import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true });

export const migrations: Migration[] = Object.entries(files)
  .map(([path, sql]) => {
    const match = /\/(\d{3})_([\w-]+)\.sql$/.exec(path);
    if (!match) throw new Error(`Migration file name must look like 001_name.sql: ${path}`);
    return { version: Number(match[1]), name: match[2], sql };
  })
  .sort((a, b) => a.version - b.version);

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;

/**
 * Refuses a library written by a newer Reelnotes before anything is written to it: we cannot know
 * what its newer tables mean, so even opening it in WAL mode would be a risk to the person's work.
 */
export function assertSchemaNotNewer(db: Database.Database, file: string, known = latestSchemaVersion): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > known) {
    throw new ReelnotesError(
      'LIBRARY_TOO_NEW',
      `The library at ${file} was written by a newer version of Reelnotes (schema ${version}; this version knows up to ${known}). ` +
        'Update Reelnotes to open it. The file has not been changed.'
    );
  }
}

/** Applies every migration the ledger lacks, each in its own transaction, and records it. */
export function migrate(db: Database.Database, list: Migration[] = migrations): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  )`);
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .pluck()
      .all()
      .map((v) => Number(v))
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)');
  const done: number[] = [];
  let highest = Math.max(0, ...applied);
  for (const migration of list) {
    if (applied.has(migration.version)) continue;
    highest = Math.max(highest, migration.version);
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name);
      // user_version mirrors the ledger's highest version so that a newer schema can be spotted without
      // reading tables. Branches land out of order: a library may take 011 before 010 reaches it, and
      // applying 010 then must not lower the version it declares.
      db.pragma(`user_version = ${highest}`);
    })();
    done.push(migration.version);
  }
  return done;
}
