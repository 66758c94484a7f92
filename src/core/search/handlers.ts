import type { HandlersOf } from '../handler-types';
import { search } from './search';

/** search.*: full-text search over a film's notes, scenes and cues. */
export const searchHandlers: HandlersOf<'search'> = {
  'search.query': ({ query, filmId, limit }, { db }) => search(db, { query, filmId, limit })
};
