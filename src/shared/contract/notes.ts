import { z } from 'zod';
import { MAX_FILM_TIME_MS } from '../film-time';
import type { Annotation, AnnotationPage, AnnotationSummary, SceneTags, SearchResult, Tag, TagRef } from '../notes';
import { method } from './define';
import { id } from './fields';

/** A note may be long (a whole essay, pasted sources): 1 MB of text, counted in UTF-16 units. */
export const MAX_ANNOTATION_CHARS = 1024 * 1024;
export const MAX_TAG_NAME = 120;
export const MAX_QUERY_CHARS = 500;

const body = z.string().max(MAX_ANNOTATION_CHARS, 'An annotation can hold at most 1 MB of text');
const filmTimeMs = z.number().int().min(0, 'A film time cannot be negative').max(MAX_FILM_TIME_MS, 'That film time is past 100 hours');

const target = z.object({ kind: z.enum(['film', 'scene', 'cue']), id }).strict();

const tagTarget = z.object({ kind: z.enum(['scene', 'annotation', 'cue']), id }).strict();

/** The name as typed; the library tidies the '/' segments and refuses empty ones. */
const tagName = z.string().trim().min(1, 'A tag needs a name').max(MAX_TAG_NAME, `A tag name can be at most ${MAX_TAG_NAME} characters`);
const colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'A colour is written #rrggbb')
  .transform((c) => c.toLowerCase());

const tagFilter = {
  tagIds: z.array(id).max(50).default([]),
  tagMatch: z.enum(['all', 'any']).default('all')
};

export const noteMethods = {
  'notes.create': method<Annotation>()(
    z.object({ target, body: body.default(''), filmTimeMs: filmTimeMs.nullable().default(null) }).strict()
  ),
  'notes.get': method<Annotation>()(z.object({ id }).strict()),
  'notes.update': method<Annotation>()(
    z
      .object({ id, body: body.optional(), filmTimeMs: filmTimeMs.nullable().optional() })
      .strict()
      .refine((v) => v.body !== undefined || v.filmTimeMs !== undefined, { message: 'Nothing to update: give a body or a film time' })
  ),
  /** A scene's (or, with a filmId, the film's own) live notes, in film-time order. */
  'notes.forTarget': method<Annotation[]>()(z.object({ target }).strict()),
  'notes.list': method<AnnotationPage>()(
    z
      .object({
        filmId: id,
        order: z.enum(['film', 'edited']).default('film'),
        ...tagFilter,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200)
      })
      .strict()
  ),
  'notes.delete': method<Annotation>()(z.object({ id }).strict()),
  'notes.restore': method<Annotation>()(z.object({ id }).strict()),
  'notes.trash': method<AnnotationSummary[]>()(z.object({ filmId: id }).strict()),
  'notes.emptyTrash': method<{ removed: number }>()(z.object({ filmId: id }).strict())
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
