import type { HandlersOf } from '../handler-types';
import { attachTag, createTag, deleteTag, detachTag, filterScenes, listTags, mergeTags, sceneTags, updateTag } from './tags';

/** tags.*: a film's tags and what carries them. */
export const tagHandlers: HandlersOf<'tags'> = {
  'tags.list': ({ filmId }, { db }) => listTags(db, filmId),
  'tags.create': ({ name, colour }, { db }) => createTag(db, name, colour),
  'tags.update': (changes, { db }) => updateTag(db, changes),
  'tags.attach': ({ target, tagId, name }, { db }) => attachTag(db, target, { tagId, name }),
  'tags.detach': ({ target, tagId }, { db }) => detachTag(db, target, tagId),
  'tags.merge': ({ sourceId, targetId }, { db }) => mergeTags(db, sourceId, targetId),
  'tags.delete': ({ tagId }, { db }) => deleteTag(db, tagId),
  'tags.ofScenes': ({ filmId }, { db }) => sceneTags(db, filmId),
  'tags.filterScenes': ({ filmId, tagIds, tagMatch }, { db }) => filterScenes(db, filmId, tagIds, tagMatch)
};
