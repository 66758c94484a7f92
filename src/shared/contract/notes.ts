import { z } from 'zod';
import { MAX_ANNOTATION_CHARS } from '../limits';
import type { Annotation, AnnotationPage, AnnotationSummary } from '../notes';
import { method } from './define';
import { filmTime, id, offsetMs } from './fields';
import { tagFilter } from './tags';

const body = z.string().max(MAX_ANNOTATION_CHARS, 'An annotation can hold at most 1 MB of text');

const target = z.object({ kind: z.enum(['film', 'scene', 'cue']), id }).strict();

export const noteMethods = {
  'notes.create': method<Annotation>()(
    z.object({ target, body: body.default(''), filmTimeMs: filmTime.nullable().default(null) }).strict()
  ),
  'notes.get': method<Annotation>()(z.object({ id }).strict()),
  'notes.update': method<Annotation>()(
    z
      .object({ id, body: body.optional(), filmTimeMs: filmTime.nullable().optional() })
      .strict()
      .refine((v) => v.body !== undefined || v.filmTimeMs !== undefined, { message: 'Nothing to update: give a body or a film time' })
  ),
  /** A scene's (or, with a filmId, the film's own) live notes, in film-time order. */
  'notes.forTarget': method<Annotation[]>()(z.object({ target }).strict()),
  'notes.list': method<AnnotationPage>()(
    z
      .object({
        filmId: id,
        order: z.enum(['film', 'edited']).default('film'),
        ...tagFilter,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200)
      })
      .strict()
  ),
  'notes.delete': method<Annotation>()(z.object({ id }).strict()),
  'notes.restore': method<Annotation>()(z.object({ id }).strict()),
  'notes.trash': method<AnnotationSummary[]>()(z.object({ filmId: id }).strict()),
  'notes.emptyTrash': method<{ removed: number }>()(z.object({ filmId: id }).strict()),
  'notes.shiftFilmTimes': method<{ shifted: number; offsetMs: number }>()(z.object({ filmId: id, offsetMs }).strict())
};
