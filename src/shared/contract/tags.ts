import { z } from 'zod';
import type { SceneTags, Tag, TagRef } from '../notes';
import { method } from './define';
import { colour, id, tagName } from './fields';

const tagTarget = z.object({ kind: z.enum(['scene', 'annotation', 'cue']), id }).strict();

/** Scenes and notes are both filtered by tags, the same way. */
export const tagFilter = {
  tagIds: z.array(id).max(50).default([]),
  tagMatch: z.enum(['all', 'any']).default('all')
};

export const tagMethods = {
  /** Every tag, with how many items carry it (counted within one film when filmId is given). */
  'tags.list': method<Tag[]>()(z.object({ filmId: id.optional() }).strict()),
  'tags.create': method<TagRef>()(z.object({ name: tagName, colour: colour.optional() }).strict()),
  'tags.update': method<TagRef>()(
    z
      .object({ tagId: id, name: tagName.optional(), colour: colour.optional() })
      .strict()
      .refine((v) => v.name !== undefined || v.colour !== undefined, { message: 'Nothing to update: give a name or a colour' })
  ),
  /** Puts a tag on an item, by id or by name; a name not yet in the library creates the tag. */
  'tags.attach': method<TagRef>()(
    z
      .object({ target: tagTarget, tagId: id.optional(), name: tagName.optional() })
      .strict()
      .refine((v) => (v.tagId === undefined) !== (v.name === undefined), { message: 'Give either a tagId or a name' })
  ),
  'tags.detach': method<{ removed: boolean }>()(z.object({ target: tagTarget, tagId: id }).strict()),
  /** Moves every tagging of `sourceId` onto `targetId` (no item ends up with it twice) and removes the source. */
  'tags.merge': method<{ tag: TagRef; moved: number }>()(
    z
      .object({ sourceId: id, targetId: id })
      .strict()
      .refine((v) => v.sourceId !== v.targetId, { message: 'A tag cannot be merged into itself' })
  ),
  'tags.delete': method<{ itemCount: number }>()(z.object({ tagId: id }).strict()),
  'tags.ofScenes': method<SceneTags[]>()(z.object({ filmId: id }).strict()),
  /** The ids of the film's scenes carrying all (or any) of the tags, or a descendant of each. */
  'tags.filterScenes': method<number[]>()(z.object({ filmId: id, tagIds: tagFilter.tagIds, tagMatch: tagFilter.tagMatch }).strict())
};
