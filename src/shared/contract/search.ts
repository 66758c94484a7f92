import { z } from 'zod';
import { MAX_QUERY_CHARS } from '../limits';
import type { SearchResult } from '../notes';
import { method } from './define';
import { id } from './fields';

export const searchMethods = {
  'search.query': method<SearchResult>()(
    z
      .object({
        query: z.string().max(MAX_QUERY_CHARS, `A search can be at most ${MAX_QUERY_CHARS} characters`),
        filmId: id.optional(),
        limit: z.number().int().min(1).max(200).default(50)
      })
      .strict()
  )
};
