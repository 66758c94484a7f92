import type { HandlersOf } from '../handler-types';
import {
  annotationsFor,
  createAnnotation,
  emptyTrash,
  getAnnotation,
  listAnnotations,
  listTrash,
  restoreAnnotation,
  trashAnnotation,
  updateAnnotation
} from './notes';
import { shiftAnnotationTimes } from './shift-film-times';

/** notes.*: annotations on a film, a scene or a cue, their trash and the shift of their film times. */
export const noteHandlers: HandlersOf<'notes'> = {
  'notes.create': (note, { db }) => createAnnotation(db, note),
  'notes.get': ({ id }, { db }) => getAnnotation(db, id),
  'notes.update': (changes, { db }) => updateAnnotation(db, changes),
  'notes.forTarget': ({ target }, { db }) => annotationsFor(db, target),
  'notes.list': (query, { db }) => listAnnotations(db, query),
  'notes.delete': ({ id }, { db }) => trashAnnotation(db, id),
  'notes.restore': ({ id }, { db }) => restoreAnnotation(db, id),
  'notes.trash': ({ filmId }, { db }) => listTrash(db, filmId),
  'notes.emptyTrash': ({ filmId }, { db }) => emptyTrash(db, filmId),
  'notes.shiftFilmTimes': ({ filmId, offsetMs }, { db }) => db.transaction(() => shiftAnnotationTimes(db, filmId, offsetMs))()
};
