import { z } from 'zod';
import type { BackupInfo } from '../safety';
import { method } from './define';
import { id, nothing } from './fields';

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
  'library.restoreArchive': method<ArchiveRestoreResult>()(
    z
      .object({
        fileName: z.string().min(1).max(255),
        text: z.string().max(MAX_ARCHIVE_BYTES, 'The backup is larger than 256 MB'),
        mode: z.enum(['replace', 'merge'])
      })
      .strict()
  )
};
