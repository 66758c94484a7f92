import { z } from 'zod';
import type { ImportResult } from '../domain';
import { MAX_ARCHIVE_BYTES, MAX_FILM_PAGE_BYTES } from '../limits';
import type { BackupInfo, LibraryStatus } from '../safety';
import { method } from './define';
import { filePath, nothing, uploadChunk, uploadId, type ExportedFile } from './fields';

export interface ArchiveRestoreResult {
  mode: 'replace' | 'merge';
  /** Rows written. */
  added: number;
  /** Rows of the backup the library already had (merge only). */
  matched: number;
  /** The library as it was before, kept as a backup. */
  saved: BackupInfo;
}

export const libraryMethods = {
  'library.importFilmPage': method<ImportResult>()(
    z
      .object({
        /** The file's name, only to name it in messages. */
        fileName: z.string().min(1).max(255),
        text: z.string().max(MAX_FILM_PAGE_BYTES, 'The film page is larger than 2 MB')
      })
      .strict()
  ),
  /** The desktop app's way in: the film page is read from where it lies (a dialog, a drop, a file opened with the app). */
  'library.importFilmPageFile': method<ImportResult>()(z.object({ path: filePath }).strict()),
  'library.status': method<LibraryStatus>()(nothing),
  'library.exportArchive': method<ExportedFile>()(nothing),
  /**
   * A library file travels as a file, as a recording does: the browser host streams it to
   * /upload/archive?uploadId=…, the desktop app sends it in chunks. Then it is restored from disk,
   * read row by row, so the library never holds the whole document in memory.
   */
  'library.beginArchiveUpload': method<{ uploadId: string }>()(
    z
      .object({
        fileName: z.string().trim().min(1).max(255),
        byteSize: z
          .number()
          .int()
          .min(1, 'The file is empty: there is no library in it.')
          .max(MAX_ARCHIVE_BYTES, 'The backup is larger than 256 MB')
      })
      .strict()
  ),
  'library.archiveChunk': method<{ receivedBytes: number }>()(uploadChunk),
  'library.cancelArchiveUpload': method<{ uploadId: string }>()(z.object({ uploadId }).strict()),
  'library.restoreArchive': method<ArchiveRestoreResult>()(z.object({ uploadId, mode: z.enum(['replace', 'merge']) }).strict()),
  /** The desktop app restores a library file where it lies, read row by row from there. */
  'library.restoreArchiveFile': method<ArchiveRestoreResult>()(z.object({ path: filePath, mode: z.enum(['replace', 'merge']) }).strict())
};
