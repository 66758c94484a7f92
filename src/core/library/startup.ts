import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { ReelnotesError } from '../../shared/errors';
import type { RecoveryReport } from '../../shared/safety';
import { createBackup, integrityProblem, listBackupFiles } from '../backups/backups';
import { seedDefaultLibrary } from './default-library';
import { LIBRARY_FILE, openLibrary, type Library, type LibraryOptions } from './library';
import { repairSearchIndexes } from '../search/search-indexes';

export interface StartOptions extends LibraryOptions {
  /** resources/films: the default library's pages, imported on the first launch. */
  filmsDir: string;
  /** Free space on a folder's disk (see createBackup); tests stand in a full disk with it. */
  spaceLeft?: (folder: string) => number;
}

/**
 * How both hosts open the library. A damaged library is moved aside (never deleted), a fresh one
 * is opened so the person can work, and the newest sound backup is offered through `recovery`.
 * A library written by a newer Reelnotes is never touched: that error goes to the host.
 */
export function startLibrary(options: StartOptions): Library {
  let library: Library;
  let recovery: RecoveryReport | null = null;
  try {
    library = openLibrary(options);
  } catch (error) {
    if (!(error instanceof ReelnotesError) || error.code !== 'LIBRARY_CORRUPT') throw error;
    const damagedFile = moveAside(options.home);
    library = openLibrary(options);
    recovery = { damagedFile, problem: error.message, newestGoodBackup: newestGoodBackup(library) };
  }
  library.recovery = recovery;
  // A library that cannot be written is shown as it is: nothing repaired, seeded or backed up.
  if (!library.readOnly) {
    // Derived data that integrity_check does not look into: checked before anything is written.
    library.searchRepairs = repairSearchIndexes(library.db);
    seedDefaultLibrary(library, options.filmsDir);
    takeLaunchBackup(library, options.spaceLeft);
  }
  return library;
}

/**
 * A start never depends on a backup it cannot write (a full disk, a backups folder it may not
 * write): the library opens without it, and the person is told why.
 */
function takeLaunchBackup(library: Library, spaceLeft?: (folder: string) => number): void {
  try {
    createBackup(library, 'launch', new Date(), spaceLeft);
  } catch (error) {
    if (!(error instanceof ReelnotesError)) console.error('[reelnotes] the launch backup failed:', error);
    const why = error instanceof ReelnotesError ? error.message : 'The backup could not be written.';
    library.launchBackupSkipped = `Reelnotes started without its launch backup. ${why}`;
  }
}

function moveAside(home: string): string {
  const damagedDir = join(home, 'damaged');
  mkdirSync(damagedDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:.]/g, '');
  const target = join(damagedDir, `library-${stamp}.sqlite`);
  const file = join(home, LIBRARY_FILE);
  renameSync(file, target);
  // The WAL and shared-memory files travel with it: they may hold the last commits.
  for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  return target;
}

function newestGoodBackup(library: Library) {
  return listBackupFiles(library).find((backup) => integrityProblem(join(library.backupsDir, backup.name)) === null) ?? null;
}

/**
 * Backs up every `intervalMs` while there are changes: SQLite's total_changes() counts this
 * connection's writes, so an idle library is not copied again and again.
 */
export function scheduleBackups(library: Library, intervalMs = 15 * 60_000): { tick(): boolean; stop(): void } {
  let connection = library.db;
  let changesAtLastBackup = totalChanges(library);
  const tick = () => {
    const changed = connection !== library.db || totalChanges(library) !== changesAtLastBackup;
    if (!changed) return false;
    createBackup(library, 'scheduled');
    connection = library.db;
    changesAtLastBackup = totalChanges(library);
    return true;
  };
  const timer = setInterval(() => {
    try {
      tick();
    } catch (error) {
      console.error('[reelnotes] scheduled backup failed:', error);
    }
  }, intervalMs);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}

function totalChanges(library: Library): number {
  return library.db.prepare('SELECT total_changes()').pluck().get() as number;
}
