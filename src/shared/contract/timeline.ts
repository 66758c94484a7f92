import { z } from 'zod';
import { MAX_TIMELINE_BUCKETS, MAX_TIMELINE_TAG_ROWS } from '../limits';
import type { Motif, TimelineAxis, TimelineRange } from '../timeline';
import { method } from './define';
import { filmTime, id } from './fields';

export const timelineMethods = {
  /** The axis of a film's timeline (its running time, and where it comes from) and the rows it offers. */
  'timeline.axis': method<TimelineAxis>()(z.object({ filmId: id }).strict()),
  /**
   * One view of the timeline: every row's items overlapping [fromMs, toMs), or counts per bucket of
   * `bucketMs` where they are denser than that (never the whole film's items at once).
   */
  'timeline.range': method<TimelineRange>()(
    z
      .object({
        filmId: id,
        fromMs: filmTime,
        toMs: filmTime,
        bucketMs: z.number().int().min(1),
        tagIds: z.array(id).max(MAX_TIMELINE_TAG_ROWS, `At most ${MAX_TIMELINE_TAG_ROWS} tag rows`).default([])
      })
      .strict()
      .refine((r) => r.toMs > r.fromMs, { message: 'A range ends after it starts', path: ['toMs'] })
      .refine((r) => (r.toMs - r.fromMs) / r.bucketMs <= MAX_TIMELINE_BUCKETS, {
        message: `A view holds at most ${MAX_TIMELINE_BUCKETS} buckets`,
        path: ['bucketMs']
      })
  ),
  /** A tag followed through the film: its scenes, notes and placed cues in film order, first and last, the time covered. */
  'timeline.motif': method<Motif>()(z.object({ filmId: id, tagId: id }).strict()),
  /** The running time typed for a film without its video (null forgets it); the video's own wins once attached. */
  'timeline.setRunningTime': method<TimelineAxis>()(
    z.object({ filmId: id, runningTimeMs: filmTime.min(1, 'A film runs for some time').nullable() }).strict()
  )
};
