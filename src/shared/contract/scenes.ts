import { z } from 'zod';
import type { Scene } from '../domain';
import { formatFilmTime } from '../time-format';
import { method } from './define';
import { filmTime, id } from './fields';

const sceneText = z.string().max(20_000);
const spanEdge = filmTime.nullable();

export const sceneMethods = {
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
  /**
   * A scene's span of film time, both edges given (null clears one). The end needs a start before it;
   * the library also refuses an end past the film's length when that is known.
   */
  'scenes.setSpan': method<Scene>()(
    z
      .object({ sceneId: id, startMs: spanEdge, endMs: spanEdge })
      .strict()
      .superRefine(({ startMs, endMs }, ctx) => {
        if (endMs === null) return;
        if (startMs === null) ctx.addIssue({ code: 'custom', path: ['endMs'], message: 'A scene needs a start before its end' });
        else if (endMs <= startMs)
          ctx.addIssue({
            code: 'custom',
            path: ['endMs'],
            message: `The end (${formatFilmTime(endMs)}) must come after the start (${formatFilmTime(startMs)})`
          });
      })
  )
};
