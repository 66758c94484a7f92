import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { frameHashOf } from '../../shared/frames';
import type { Library } from '../library/library';
import { zipArchive } from '../zip';
import { exportFilmMarkdown, slugOf } from './study-export';
import { notesForStudy } from './study-notes';

/** The film's Markdown study and the frame grabs its notes show, each a file of the library. */
export interface StudyWithFrames {
  fileName: string;
  text: string;
  frames: { sha256: string; path: string }[];
}

/** Every `frames/<sha256>.png` the text names, once each, in the order they first appear. */
function framesNamedIn(text: string): string[] {
  const named = text.match(/frames\/[0-9a-f]{64}\.png/g) ?? [];
  return [...new Set(named.map((path) => frameHashOf(path)!))];
}

/**
 * The study as Markdown, with the grabs its notes show: a note keeps a grab as `frames/<sha256>.png`,
 * the very path the image has beside the exported study. A path the library holds no grab for (typed
 * by hand, or a grab of a library this note was merged from) stays as written.
 */
export function studyWithFrames(library: Library, filmId: number): StudyWithFrames {
  const { fileName, text } = exportFilmMarkdown(library.db, filmId, notesForStudy(library.db, filmId));
  const known = library.db.prepare('SELECT 1 FROM frame_grabs WHERE sha256 = ? LIMIT 1').pluck();
  const frames = framesNamedIn(text)
    .map((sha256) => ({ sha256, path: join(library.mediaDir, `${sha256}.png`) }))
    .filter((frame) => known.get(frame.sha256) !== undefined && existsSync(frame.path));
  return { fileName, text, frames };
}

/**
 * The study as one ZIP archive, for a browser's downloads: a folder named after the film holding the
 * Markdown and its frames/ beside it, so unpacking it gives a document whose images show.
 */
export function studyArchive(study: StudyWithFrames, modified = new Date()): { fileName: string; chunks: AsyncGenerator<Buffer> } {
  const folder = slugOf(study.fileName.replace(/\.md$/, ''));
  const entries = [
    { name: `${folder}/${study.fileName}`, read: () => Buffer.from(study.text, 'utf8') },
    ...study.frames.map((frame) => ({ name: `${folder}/frames/${frame.sha256}.png`, read: () => readFileSync(frame.path) }))
  ];
  return { fileName: `${folder}.zip`, chunks: zipArchive(entries, modified) };
}

/** Writes `bytes` at `path` through a temporary name, so `path` is either absent, as before, or whole. */
function writeWhole(path: string, bytes: Buffer | string): void {
  const partial = join(dirname(path), `.${basename(path)}.partial`);
  try {
    writeFileSync(partial, bytes);
    renameSync(partial, path);
  } finally {
    rmSync(partial, { force: true });
  }
}

/**
 * Writes the study where the person chose (`markdownPath`, from the desktop app's save dialog) and
 * its frames into a frames/ folder beside it. The frames go first, the document last, so a document
 * that exists shows every image it names; each file is written whole or not at all (a study saved
 * again over the first replaces its files, and leaves other files in the folder alone).
 */
export function writeStudyBeside(study: StudyWithFrames, markdownPath: string): void {
  if (study.frames.length) {
    const framesDir = join(dirname(markdownPath), 'frames');
    mkdirSync(framesDir, { recursive: true });
    for (const frame of study.frames) {
      writeWhole(join(framesDir, `${frame.sha256}.png`), readFileSync(frame.path));
    }
  }
  writeWhole(markdownPath, study.text);
}
