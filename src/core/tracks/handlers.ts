import type { HandlersOf } from '../handler-types';
import { listTracks } from './tracks';

/** tracks.*: the soundtrack listing of a film page. */
export const trackHandlers: HandlersOf<'tracks'> = {
  'tracks.list': ({ filmId }, { db }) => listTracks(db, filmId)
};
