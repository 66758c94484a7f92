import { z } from 'zod';
import type { Scene } from '../domain';
import { method } from './define';
import { id } from './fields';

const sceneText = z.string().max(20_000);

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
  )
};
