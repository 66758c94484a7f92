import type { HandlersOf } from '../handler-types';
import { exportLibrary, mergeIntoLibrary, openArchive, replaceLibrary, serialiseArchive } from './archive';
import { beginArchiveUpload, cancelArchiveUpload, receiveArchiveChunk, takeArchiveUpload } from './archive-upload';
import { discardIncomingFile } from './incoming';
import { createBackup } from '../backups/backups';
import { importFilmPage } from '../films/films';
import { MAX_ARCHIVE_BYTES, MAX_FILM_PAGE_BYTES } from '../../shared/limits';
import { checkFileByPath, readTextByPath } from './file-by-path';
import type { Library } from './library';
import type { ArchiveRestoreResult } from '../../shared/contract/library';

/** library.*: the library as a whole: its status, film pages coming in, and archives out and in. */
export const libraryHandlers: HandlersOf<'library'> = {
  'library.status': (_input, library) => ({
    file: library.file,
    backupsDir: library.backupsDir,
    recovery: library.recovery,
    readOnly: library.readOnly,
    launchBackupSkipped: library.launchBackupSkipped,
    searchRepairs: library.searchRepairs
  }),
  'library.importFilmPage': ({ text, fileName }, { db }) => importFilmPage(db, text, fileName),
  'library.importFilmPageFile': ({ path }, { db }) => {
    const page = readTextByPath(path, MAX_FILM_PAGE_BYTES, 'larger than 2 MB, it is not a film page.');
    return importFilmPage(db, page.text, page.name);
  },
  'library.exportArchive': (_input, { db }) => ({
    fileName: `reelnotes-library-${new Date().toISOString().slice(0, 10)}.json`,
    text: serialiseArchive(exportLibrary(db))
  }),
  'library.beginArchiveUpload': (input, library) => beginArchiveUpload(library, input),
  'library.archiveChunk': ({ uploadId, offset, data }, library) =>
    receiveArchiveChunk(library, uploadId, offset, Buffer.from(data, 'base64')),
  'library.cancelArchiveUpload': ({ uploadId }, library) => cancelArchiveUpload(library, uploadId),
  'library.restoreArchive': ({ uploadId, mode }, library) => {
    const file = takeArchiveUpload(library, uploadId);
    try {
      return restoreArchiveFrom(library, file.path, file.fileName, mode);
    } finally {
      discardIncomingFile(file);
    }
  },
  'library.restoreArchiveFile': ({ path, mode }, library) => {
    const { name } = checkFileByPath(path, MAX_ARCHIVE_BYTES, 'larger than 256 MB, it is not a Reelnotes library file.');
    return restoreArchiveFrom(library, path, name, mode);
  }
};

/** Restores a library file read from disk where it lies (row by row, never whole in memory). */
function restoreArchiveFrom(library: Library, path: string, fileName: string, mode: 'replace' | 'merge'): ArchiveRestoreResult {
  // Checked whole before the safety backup is taken, so a bad file costs nothing at all.
  const archive = openArchive(library.db, path, fileName);
  try {
    const saved = createBackup(library, 'before-restore');
    if (mode === 'replace') return { mode, added: replaceLibrary(library.db, archive).rows, matched: 0, saved };
    return { mode, ...mergeIntoLibrary(library.db, archive), saved };
  } finally {
    archive.close();
  }
}
