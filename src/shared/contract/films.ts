import { z } from 'zod';
import type { Film, FilmLine, FilmSummary, OpenFilm } from '../domain';
import { method } from './define';
import { filmTime, id, nothing, type ExportedFile } from './fields';

/** The film's study as Markdown, and the hashes of the frame grabs its notes show (`frames/<sha256>.png`). */
export interface ExportedStudy extends ExportedFile {
  frames: string[];
}

export const filmMethods = {
  'films.list': method<FilmSummary[]>()(nothing),
  /**
   * The first screen of a film in one call (when none is named, the film and scene the person left,
   * else the first film of the list): one round trip instead of a chain, and one query on the
   * library's connection ahead of the panels.
   */
  'films.open': method<OpenFilm>()(z.object({ filmId: id.optional() }).strict()),
  /** Where the person is on the desk, so that the next `films.open` without a film reopens it. */
  'films.rememberPlace': method<{ filmId: number; sceneId: number | null }>()(z.object({ filmId: id, sceneId: id.nullable() }).strict()),
  'films.get': method<Film>()(z.object({ filmId: id }).strict()),
  'films.lines': method<FilmLine[]>()(z.object({ filmId: id }).strict()),
  /** A dialogue or quote line's place in the film, from a subtitle line or typed; null takes it out. */
  'films.setLineTime': method<FilmLine>()(z.object({ lineId: id, filmTimeMs: filmTime.nullable() }).strict()),
  /**
   * The study as one Markdown document. Its frame grabs travel beside it as files: the browser host
   * serves the document and its frames as one ZIP (`/export/study/<filmId>.zip`), the desktop app
   * writes a frames/ folder beside the document where the person saves it.
   */
  'films.exportMarkdown': method<ExportedStudy>()(z.object({ filmId: id }).strict())
};
