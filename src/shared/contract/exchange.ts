import { z } from 'zod';
import type { BackupInfo } from '../safety';
import { method } from './define';
import { id, nothing, uploadChunk, uploadId } from './fields';

/** A document leaving or entering the library: its suggested file name and its text. */
export interface ExportedFile {
  fileName: string;
  text: string;
}

/** A whole library of 100,000 annotations is about 60 MB of JSON; this leaves room to grow. */
export const MAX_ARCHIVE_BYTES = 256 * 1024 * 1024;

export interface ArchiveRestoreResult {
  mode: 'replace' | 'merge';
  /** Rows written. */
  added: number;
  /** Rows of the backup the library already had (merge only). */
  matched: number;
  /** The library as it was before, kept as a backup. */
  saved: BackupInfo;
}

/** How far to move times: up to a day either way (a person re-syncs to another cut, not another film). */
const offsetMs = z.number().int().min(-86_400_000).max(86_400_000).refine((v) => v !== 0, 'An offset of 0 changes nothing');

/** The formats cues travel in: Audacity label files, WebVTT and SRT. */
export const cueFileFormats = ['audacity', 'webvtt', 'srt'] as const;
export type CueFileFormat = (typeof cueFileFormats)[number];

export const exchangeMethods = {
  'cues.exportFile': method<ExportedFile>()(z.object({ trackId: id, format: z.enum(cueFileFormats) }).strict()),
  'cues.importFile': method<{ added: number }>()(
    z
      .object({
        trackId: id,
        fileName: z.string().min(1).max(255),
        text: z.string().max(8 * 1024 * 1024, 'A label file larger than 8 MB is not a label file'),
        format: z.enum(cueFileFormats)
      })
      .strict()
  ),
  'cues.shiftTrack': method<{ shifted: number; offsetMs: number }>()(z.object({ trackId: id, offsetMs }).strict()),
  'notes.shiftFilmTimes': method<{ shifted: number; offsetMs: number }>()(z.object({ filmId: id, offsetMs }).strict()),
  'films.exportMarkdown': method<ExportedFile>()(z.object({ filmId: id }).strict()),
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
        byteSize: z.number().int().min(1, 'The file is empty: there is no library in it.').max(MAX_ARCHIVE_BYTES, 'The backup is larger than 256 MB')
      })
      .strict()
  ),
  'library.archiveChunk': method<{ receivedBytes: number }>()(uploadChunk),
  'library.cancelArchiveUpload': method<{ uploadId: string }>()(z.object({ uploadId }).strict()),
  'library.restoreArchive': method<ArchiveRestoreResult>()(z.object({ uploadId, mode: z.enum(['replace', 'merge']) }).strict())
};
