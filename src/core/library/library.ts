import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ReelnotesError } from '../../shared/errors';
import type { RecoveryReport, SearchRepair } from '../../shared/safety';
import { describeBytes, freeBytes } from './disk-space';
import { acquireLibraryLock, type LibraryHolder, type LibraryLock } from './library-lock';
import { assertSchemaNotNewer, migrate } from './migrations';
import { onlySearchIndexesDamaged } from '../search/search-indexes';

export const LIBRARY_FILE = 'library.sqlite';

export interface LibraryOptions {
  /** The folder that holds the database and the media; REELNOTES_HOME in tests. */
  home: string;
  /**
   * The compiled better-sqlite3 addon to load. Electron needs one built against its own ABI, kept
   * apart from the one Node uses for the tests (see scripts/native-sqlite.mjs).
   */
  nativeBinding?: string;
  /** Who opens it, named to a second opener that is refused (see library-lock.ts). */
  holder?: LibraryHolder;
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
   * Why the library was opened read-only, for the person (null when it can be written): every
   * write is refused with LIBRARY_READ_ONLY, and reading, search and export work as usual.
   */
  readonly readOnly: string | null;
  /** Why the launch backup was not made, for the person (see startup.ts); null when it was. */
  launchBackupSkipped: string | null;
  /**
   * Closes the connection, lets `replaceFile` swap the file underneath, and opens it again:
   * how a backup is restored without restarting either host.
   */
  reopen(replaceFile: () => void): void;
  close(): void;
}

/** SQLite's own words for a file that is not a usable database. */
const corruptMessages = /file is not a database|database disk image is malformed|file is encrypted|malformed database schema/i;

export function openLibrary({ home, nativeBinding, holder = 'tool' }: LibraryOptions): Library {
  mkdirSync(home, { recursive: true });
  const mediaDir = join(home, 'media');
  const backupsDir = join(home, 'backups');
  const file = join(home, LIBRARY_FILE);
  let readOnly = readOnlyReason(home, file);

  // A folder this process cannot write cannot hold its lock; reading from memory, it writes nothing there.
  let lock: LibraryLock | null = null;
  if (!readOnly?.folder) {
    try {
      mkdirSync(mediaDir, { recursive: true });
      mkdirSync(backupsDir, { recursive: true });
      lock = acquireLibraryLock(home, holder);
    } catch (error) {
      // Without room for the lock nothing can be written, by this process or another: read only.
      if (!isDiskFull(error)) throw error;
      readOnly = onFullDisk(home);
    }
  }
  if (lock) {
    // Only the lock's holder may clear what an earlier process left: uploads die with their process.
    rmSync(join(home, 'incoming'), { recursive: true, force: true });
    if (!readOnly) clearUnwritableLeftovers(file);
  }

  const connect = () => openConnection(file, nativeBinding, readOnly !== null);
  let db: Database.Database;
  try {
    db = connect();
  } catch (error) {
    // SQLite cannot even open a WAL library on a full disk (its -shm cannot grow); a person must
    // still be able to read their library, so it is read from memory until there is room again.
    if (readOnly || !isDiskFull(error)) {
      lock?.release();
      throw error;
    }
    readOnly = onFullDisk(home);
    db = connect();
  }
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
    readOnly: readOnly?.message ?? null,
    launchBackupSkipped: null,
    reopen(replaceFile) {
      db.close();
      try {
        replaceFile();
      } finally {
        db = connect();
      }
    },
    close: () => {
      db.close();
      lock?.release();
    }
  };
}

function onFullDisk(home: string): { message: string; folder: boolean } {
  return {
    message:
      `Reelnotes opened your library read-only because the disk holding it is full (${describeBytes(freeBytes(home))} free). ` +
      'You can read, search and export; changes cannot be saved. Free some space and start Reelnotes again.',
    folder: false
  };
}

/** A write that failed for want of room on the disk, as SQLite or Node report it. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE' || code === 'ENOSPC';
}

/** Refuses a write to a library opened read-only, before anything is touched. */
export function assertWritable(library: Library): void {
  if (library.readOnly) throw readOnlyRefusal();
}

export function readOnlyRefusal(): ReelnotesError {
  return new ReelnotesError(
    'LIBRARY_READ_ONLY',
    'Your library is open read-only, so this change cannot be saved; the library sidebar says why.'
  );
}

/** Why a path cannot be written, in words, or null when it can (or is not there yet). */
export function whyNotWritable(path: string): string | null {
  try {
    accessSync(path, constants.W_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EROFS') return 'it is on a read-only disk';
    if (code === 'EPERM') return 'it is locked against changes';
    if (code === 'ENOENT') return null;
    return 'you do not have permission to write to it';
  }
}

function readOnlyReason(home: string, file: string): { message: string; folder: boolean } | null {
  const folderProblem = whyNotWritable(home);
  const fileProblem = existsSync(file) ? whyNotWritable(file) : null;
  if (!folderProblem && !fileProblem) return null;
  if (!existsSync(file)) {
    throw new ReelnotesError(
      'LIBRARY_READ_ONLY',
      `The library folder ${home} cannot be written (${folderProblem}), so no library can be made in it.`
    );
  }
  const what = fileProblem ? `the library file ${file}` : `the library folder ${home}`;
  // Changes SQLite had not yet moved into the file wait in its -wal; they are kept, not shown.
  const waiting = statSync(file + '-wal', { throwIfNoEntry: false })?.size
    ? ' Its latest changes wait beside it and will show once it can be written.'
    : '';
  return {
    message:
      `Reelnotes opened your library read-only because ${what} cannot be written (${fileProblem ?? folderProblem}). ` +
      `You can read, search and export; changes cannot be saved. Make it writable and start Reelnotes again.${waiting}`,
    folder: folderProblem !== null
  };
}

/**
 * SQLite creates a WAL library's -shm (and an empty -wal) with the library file's own permissions:
 * after a read-only spell, a read-only -shm would keep the library read-only once the file is
 * writable again. With the lock held no other connection uses them, and SQLite rebuilds the -shm
 * from the -wal, so one that cannot be written is removed; a -wal only when it holds nothing.
 */
function clearUnwritableLeftovers(file: string): void {
  if (whyNotWritable(file + '-shm')) rmSync(file + '-shm', { force: true });
  if (whyNotWritable(file + '-wal') && statSync(file + '-wal', { throwIfNoEntry: false })?.size === 0)
    rmSync(file + '-wal', { force: true });
}

/**
 * A library that cannot be written is read from memory: opening the file read-only would still
 * make SQLite create its -shm beside it (which outlives the cause, see above), and in a folder that
 * cannot be written SQLite cannot open a WAL library at all. The copy is migrated in memory, so this
 * version's queries read it, and `query_only` refuses every write.
 */
function inMemoryCopy(file: string): Buffer {
  const bytes = readFileSync(file);
  // Bytes 18-19 of the header say "WAL"; in memory there is no -wal to look for.
  if (bytes.length >= 20 && bytes[18] === 2) bytes.fill(1, 18, 20);
  return bytes;
}

function openConnection(file: string, nativeBinding: string | undefined, readOnly: boolean): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(readOnly ? inMemoryCopy(file) : file, nativeBinding ? { nativeBinding } : {});
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
    if (!readOnly) {
      db.pragma('journal_mode = WAL');
      // NORMAL is durable in WAL mode across application crashes; only power loss may drop the last
      // commits, which is the trade every desktop SQLite app makes for fast autosave.
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
    }
    db.pragma('foreign_keys = ON');
    migrate(db);
    if (readOnly) db.pragma('query_only = ON');
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
