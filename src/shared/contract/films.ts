import { z } from 'zod';
import type { Film, FilmLine, FilmSummary, ImportResult, OpenFilm, Scene, Track } from '../domain';
import { method } from './define';
import { id, nothing } from './fields';

/** The largest film page we accept: the seed page is 10 KB, so this leaves room for any real one. */
export const MAX_FILM_PAGE_BYTES = 2 * 1024 * 1024;

const sceneText = z.string().max(20_000);

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
  'scenes.list': method<Scene[]>()(z.object({ filmId: id }).strict()),
  'scenes.get': method<Scene>()(z.object({ sceneId: id }).strict()),
  'scenes.update': method<Scene>()(
    z
      .object({
        sceneId: id,
        title: sceneText.trim().min(1, 'A scene needs a title').max(500).optional(),
        description: sceneText.optional(),
        context: sceneText.nullable().optional()
      })
      .strict()
      .refine((v) => v.title !== undefined || v.description !== undefined || v.context !== undefined, {
        message: 'Nothing to update: give a title, description or context'
      })
  ),
  'tracks.list': method<Track[]>()(z.object({ filmId: id }).strict()),
  'library.importFilmPage': method<ImportResult>()(
    z
      .object({
        /** The file's name, only to name it in messages. */
        fileName: z.string().min(1).max(255),
        text: z.string().max(MAX_FILM_PAGE_BYTES, 'The film page is larger than 2 MB')
      })
      .strict()
  )
};
