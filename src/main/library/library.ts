import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ReelnotesError } from '../../shared/errors';
import type { RecoveryReport, SearchRepair } from '../../shared/safety';
import { assertSchemaNotNewer, migrate } from './migrations';
import { onlySearchIndexesDamaged } from './search-indexes';

export const LIBRARY_FILE = 'library.sqlite';

export interface LibraryOptions {
  /** The folder that holds the database and the media; REELNOTES_HOME in tests. */
  home: string;
  /**
   * The compiled better-sqlite3 addon to load. Electron needs one built against its own ABI, kept
   * apart from the one Node uses for the tests (see scripts/native-sqlite.mjs).
   */
  nativeBinding?: string;
}

export interface Library {
  /** The open connection. It changes only when a backup is restored (see `reopen`). */
  readonly db: Database.Database;
  readonly home: string;
  readonly file: string;
  readonly mediaDir: string;
  readonly backupsDir: string;
  /** Set at start-up when a damaged library had to be moved aside (see startup.ts). */
  recovery: RecoveryReport | null;
  /** Set at start-up: the search indexes found damaged and rebuilt (see startup.ts). */
  searchRepairs: SearchRepair[];
  /**
   * Closes the connection, lets `replaceFile` swap the file underneath, and opens it again:
   * how a backup is restored without restarting either host.
   */
  reopen(replaceFile: () => void): void;
  close(): void;
}

/** SQLite's own words for a file that is not a usable database. */
const corruptMessages = /file is not a database|database disk image is malformed|file is encrypted|malformed database schema/i;

export function openLibrary({ home, nativeBinding }: LibraryOptions): Library {
  mkdirSync(home, { recursive: true });
  const mediaDir = join(home, 'media');
  const backupsDir = join(home, 'backups');
  mkdirSync(mediaDir, { recursive: true });
  mkdirSync(backupsDir, { recursive: true });
  const file = join(home, LIBRARY_FILE);

  let db = openConnection(file, nativeBinding);
  return {
    get db() {
      return db;
    },
    home,
    file,
    mediaDir,
    backupsDir,
    recovery: null,
    searchRepairs: [],
    reopen(replaceFile) {
      db.close();
      try {
        replaceFile();
      } finally {
        db = openConnection(file, nativeBinding);
      }
    },
    close: () => db.close()
  };
}

function openConnection(file: string, nativeBinding?: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, nativeBinding ? { nativeBinding } : {});
  } catch (error) {
    throw asLibraryError(error, file);
  }
  try {
    assertSchemaNotNewer(db, file);
    // A damaged file must be noticed now, before the person writes into it for hours.
    const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
    // Damage inside a search index alone is not a damaged library: startLibrary rebuilds the index.
    if (problems[0] !== 'ok' && !onlySearchIndexesDamaged(db, problems)) {
      throw new ReelnotesError('LIBRARY_CORRUPT', `The library at ${file} is damaged (${problems[0]}).`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // NORMAL is durable in WAL mode across application crashes; only power loss may drop the last
    // commits, which is the trade every desktop SQLite app makes for fast autosave.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    db.close();
    throw asLibraryError(error, file);
  }
  return db;
}

function asLibraryError(error: unknown, file: string): Error {
  if (error instanceof ReelnotesError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (corruptMessages.test(message)) {
    return new ReelnotesError('LIBRARY_CORRUPT', `The library at ${file} is damaged and cannot be opened (${message}).`);
  }
  return error instanceof Error ? error : new Error(message);
}
