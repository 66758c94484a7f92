import { z } from 'zod';
import type { PlacedCue } from '../placements';
import { formatFilmTime } from '../time-format';
import { method } from './define';
import { filmTime, id } from './fields';

/** A span of film time whose end, when given, is not before its start. */
const spanChecked = <T extends { startMs: number; endMs?: number }>(span: T, ctx: z.RefinementCtx) => {
  if (span.endMs !== undefined && span.endMs < span.startMs)
    ctx.addIssue({
      code: 'custom',
      path: ['endMs'],
      message: `The end (${formatFilmTime(span.endMs)}) cannot come before the start (${formatFilmTime(span.startMs)})`
    });
};

export const placementMethods = {
  /** Every placement of one cue, in film order. */
  'placements.forCue': method<PlacedCue[]>()(z.object({ cueId: id }).strict()),
  /** The cues placed inside a scene's span (overlapping it), in film order; none while the scene has no span. */
  'placements.forScene': method<PlacedCue[]>()(z.object({ sceneId: id }).strict()),
  /** The placements of a film that overlap [fromMs, toMs): a point at fromMs counts, one ending at fromMs does not. */
  'placements.inRange': method<PlacedCue[]>()(
    z
      .object({ filmId: id, fromMs: filmTime, toMs: filmTime })
      .strict()
      .refine((r) => r.toMs > r.fromMs, { message: 'A range ends after it starts', path: ['toMs'] })
  ),
  /**
   * Places a cue in its film at startMs; the end defaults to the cue's own length. The library refuses
   * a span past the film's running time, or longer than the cue's recording has from the cue's start.
   */
  'placements.create': method<PlacedCue>()(
    z.object({ cueId: id, startMs: filmTime, endMs: filmTime.optional() }).strict().superRefine(spanChecked)
  ),
  /** Moves or resizes a placement (both edges given, as a drag on the timeline ends with both). */
  'placements.update': method<PlacedCue>()(
    z.object({ placementId: id, startMs: filmTime, endMs: filmTime }).strict().superRefine(spanChecked)
  ),
  'placements.delete': method<{ placementId: number }>()(z.object({ placementId: id }).strict())
};
