import type Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive, replaceLibrary, serialiseArchive, type ArchiveFile, type LibraryArchive } from '../src/core/library/archive';
import { tempHome } from './temp-library';

/** Restores a library file as the app does: from a file on disk, checked whole, then written. */
export function restoreArchive<T>(
  db: Database.Database,
  content: string | LibraryArchive,
  write: (db: Database.Database, archive: ArchiveFile) => T = replaceLibrary as never,
  fileName = 'backup.json'
): T {
  const path = join(tempHome(), fileName);
  writeFileSync(path, typeof content === 'string' ? content : serialiseArchive(content));
  const archive = openArchive(db, path, fileName);
  try {
    return write(db, archive);
  } finally {
    archive.close();
  }
}
