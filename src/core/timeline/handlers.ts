import type { HandlersOf } from '../handler-types';
import { followMotif, setTypedRunningTime, timelineAxis, timelineRange } from './timeline';

/** timeline.*: the whole film on one axis, asked for a view (a range of film time) at a time. */
export const timelineHandlers: HandlersOf<'timeline'> = {
  'timeline.axis': ({ filmId }, { db }) => timelineAxis(db, filmId),
  'timeline.range': (query, { db }) => timelineRange(db, query),
  'timeline.motif': ({ filmId, tagId }, { db }) => followMotif(db, filmId, tagId),
  'timeline.setRunningTime': ({ filmId, runningTimeMs }, { db }) => setTypedRunningTime(db, filmId, runningTimeMs)
};
