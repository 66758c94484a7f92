import { ReelnotesError } from '../shared/errors';

/** The one wording for "no such row", shared by every domain that looks a row up by id. */
export function notFound(kind: string, id: number): ReelnotesError {
  return new ReelnotesError('NOT_FOUND', `There is no ${kind} with id ${id} in the library.`);
}
