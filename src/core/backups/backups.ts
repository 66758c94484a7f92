import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ReelnotesError } from '../../shared/errors';
import type { BackupInfo, BackupReason } from '../../shared/safety';
import { diskFull, freeBytes } from '../library/disk-space';
import { assertWritable, whyNotWritable, type Library } from '../library/library';

/** library-20261124T035012345Z-launch.sqlite: the time sorts as text, the reason is for people. */
const NAME = /^library-(\d{8}T\d{9}Z)-(launch|scheduled|manual|before-restore)\.sqlite$/;

/** How many backups are kept: the most recent ones, plus the newest of each of the last days. */
export const RETENTION = { recent: 8, days: 14 };

export function backupName(date: Date, reason: BackupReason): string {
  const stamp = date.toISOString().replace(/[-:.]/g, '');
  return `library-${stamp}-${reason}.sqlite`;
}

function stampToIso(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp)!;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

export function listBackupFiles(library: Library): BackupInfo[] {
  if (!existsSync(library.backupsDir)) return [];
  return readdirSync(library.backupsDir)
    .map((name) => ({ name, match: NAME.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => ({
      name,
      createdAt: stampToIso(match[1]),
      reason: match[2] as BackupReason,
      bytes: statSync(join(library.backupsDir, name)).size
    }))
    .sort((a, b) => b.name.localeCompare(a.name));
}

/**
 * A consistent copy of the library: VACUUM INTO writes a compact snapshot of one read transaction,
 * into a temporary name; only a copy that passes integrity_check is renamed into place, so a
 * backup that exists is a backup that opens. A folder that cannot be written, or a disk without
 * room for the copy, is refused before anything is written; `spaceLeft` measures the disk.
 */
export function createBackup(library: Library, reason: BackupReason, now = new Date(), spaceLeft = freeBytes): BackupInfo {
  // A restore into a library that cannot be written would fail after this copy: refuse it first.
  if (reason === 'before-restore') assertWritable(library);
  assertBackupsWritable(library);
  const needed = backupBytes(library);
  const free = spaceLeft(library.backupsDir);
  if (free < needed) throw diskFull('no backup was made, and the previous backups are kept', free, needed);
  let name = backupName(now, reason);
  // Two backups in the same millisecond (a restore right after a launch) must not collide.
  for (let i = 1; existsSync(join(library.backupsDir, name)); i++) name = backupName(new Date(now.getTime() + i), reason);
  const target = join(library.backupsDir, name);
  const temporary = `${target}.partial`;
  rmSync(temporary, { force: true });
  try {
    try {
      library.db.prepare('VACUUM INTO ?').run(temporary);
    } catch (error) {
      // The space measured above can be taken by another program meanwhile.
      if ((error as { code?: unknown }).code === 'SQLITE_FULL')
        throw diskFull('no backup was made, and the previous backups are kept', spaceLeft(library.backupsDir), needed);
      throw error;
    }
    const problem = integrityProblem(temporary);
    if (problem) throw new ReelnotesError('INTERNAL', `The backup failed its integrity check (${problem}); the previous backups are kept.`);
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
  rotateBackups(library, now);
  return listBackupFiles(library).find((b) => b.name === name)!;
}

/** The backups folder is the library's, so a message about it names it: the person must fix it. */
function assertBackupsWritable(library: Library): void {
  let problem: string | null;
  try {
    mkdirSync(library.backupsDir, { recursive: true });
    problem = whyNotWritable(library.backupsDir);
  } catch {
    problem = whyNotWritable(library.home) ?? 'it cannot be made';
  }
  if (problem) {
    throw new ReelnotesError(
      'LIBRARY_READ_ONLY',
      `The backups folder ${library.backupsDir} cannot be written (${problem}), so no backup was made.`
    );
  }
}

/** VACUUM INTO writes the pages in use: the file's size without its free pages. */
function backupBytes(library: Library): number {
  const pages =
    (library.db.pragma('page_count', { simple: true }) as number) - (library.db.pragma('freelist_count', { simple: true }) as number);
  return pages * (library.db.pragma('page_size', { simple: true }) as number);
}

/** What integrity_check says is wrong with a database file, or null when it is sound. */
export function integrityProblem(file: string): string | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const result = db.pragma('integrity_check', { simple: true });
    return result === 'ok' ? null : String(result);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}

/** Keeps the newest `recent` backups and the newest backup of each of the last `days` days. */
export function backupsToKeep(backups: BackupInfo[], now: Date, retention = RETENTION): Set<string> {
  const keep = new Set(backups.slice(0, retention.recent).map((b) => b.name));
  const oldest = now.getTime() - retention.days * 86_400_000;
  const daysSeen = new Set<string>();
  for (const backup of backups) {
    const day = backup.createdAt.slice(0, 10);
    if (Date.parse(backup.createdAt) < oldest || daysSeen.has(day)) continue;
    daysSeen.add(day);
    keep.add(backup.name);
  }
  return keep;
}

export function rotateBackups(library: Library, now = new Date()): string[] {
  const backups = listBackupFiles(library);
  const keep = backupsToKeep(backups, now);
  const removed = backups.filter((b) => !keep.has(b.name)).map((b) => b.name);
  for (const name of removed) rmSync(join(library.backupsDir, name), { force: true });
  return removed;
}

/**
 * Replaces the library with a backup. The current state is first saved as a backup of its own,
 * so a restore can itself be undone; the chosen backup is checked before anything is replaced.
 */
export function restoreBackup(library: Library, name: string): { restored: BackupInfo; saved: BackupInfo } {
  assertWritable(library);
  const chosen = listBackupFiles(library).find((b) => b.name === name);
  if (!chosen) throw new ReelnotesError('NOT_FOUND', `There is no backup called "${name}".`);
  const source = join(library.backupsDir, chosen.name);
  const problem = integrityProblem(source);
  if (problem) throw new ReelnotesError('LIBRARY_CORRUPT', `The backup ${chosen.name} is damaged (${problem}); nothing was restored.`);
  const saved = createBackup(library, 'before-restore');
  replaceLibraryFile(library, source);
  return { restored: chosen, saved };
}

/** Swaps the library file for a copy of `source`, written beside it first and renamed into place. */
export function replaceLibraryFile(library: Library, source: string): void {
  library.reopen(() => {
    const incoming = `${library.file}.incoming`;
    copyFileSync(source, incoming);
    // The old WAL belongs to the old file: left behind, SQLite would replay it into the new one.
    for (const suffix of ['-wal', '-shm']) rmSync(library.file + suffix, { force: true });
    renameSync(incoming, library.file);
  });
}
