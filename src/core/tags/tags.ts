import type Database from 'better-sqlite3';
import { ReelnotesError } from '../../shared/errors';
import {
  DEFAULT_TAG_COLOUR,
  TAG_COLOURS,
  type SceneTags,
  type Tag,
  type TagMatch,
  type TagRef,
  type TagTarget,
  type TaggableKind
} from '../../shared/notes';
import { normaliseTagName, tagKey } from '../../shared/tag-names';
import { notFound } from '../errors';
import { getScene } from '../scenes/scenes';

/** New tags get a colour of their own from the palette, the same one for the same name. */
function colourFor(key: string): string {
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return TAG_COLOURS[hash % TAG_COLOURS.length] ?? DEFAULT_TAG_COLOUR;
}

export function getTag(db: Database.Database, tagId: number): TagRef {
  const tag = db.prepare('SELECT id, name, colour FROM tags WHERE id = ?').get(tagId) as TagRef | undefined;
  if (!tag) throw notFound('tag', tagId);
  return tag;
}

function tagByKey(db: Database.Database, key: string): (TagRef & { key: string }) | undefined {
  return db.prepare('SELECT id, name, colour, name_key AS key FROM tags WHERE name_key = ?').get(key) as
    (TagRef & { key: string }) | undefined;
}

/**
 * Every tag with how many of the film's scenes and live notes carry it, and how many carry it or a
 * tag nested under it (what filtering by it shows). The counts are gathered by walking the film's
 * own scenes and notes once (through the taggings_target index) and grouping, rather than counting
 * per tag over every tagging in the library: the cost follows the film's size, not the library's.
 * The nested counts are distinct items: a scene tagged both `music` and `music/leitmotif` is one.
 */
export function listTags(db: Database.Database, filmId?: number): Tag[] {
  const sceneFilm = filmId === undefined ? '' : 'WHERE s.film_id = @filmId';
  const noteFilm = filmId === undefined ? '' : 'AND a.film_id = @filmId';
  return db
    .prepare(
      // CROSS JOIN keeps the film's scenes and notes as the outer loop, each one range of
      // taggings_target; left to itself the planner walked every note tagging in the library and
      // looked up its note: the bench library's tags.list went from 41-110 ms to 7-15 ms (best of
      // three per film, on a busy machine). Materialized, because the own and nested counts both read it.
      `WITH carried AS MATERIALIZED (
         SELECT g.tag_id, g.target_kind AS kind, g.target_id FROM scenes s
         CROSS JOIN taggings g ON g.target_kind = 'scene' AND g.target_id = s.id
         ${sceneFilm}
         UNION ALL
         SELECT g.tag_id, g.target_kind, g.target_id FROM annotations a
         CROSS JOIN taggings g ON g.target_kind = 'annotation' AND g.target_id = a.id
         WHERE a.deleted_at IS NULL ${noteFilm}
       ), own AS (
         SELECT tag_id, sum(kind = 'scene') AS scenes, sum(kind = 'annotation') AS notes FROM carried GROUP BY tag_id
       ),
       -- Each tag in use with its own key and every ancestor's: 'a/b/c' gives 'a/b/c', 'a/b', 'a'.
       -- rtrim strips the last part (every character of the key but '/'), then the slash goes.
       lineage (tag_id, key) AS (
         SELECT t.id, t.name_key FROM tags t WHERE t.id IN (SELECT tag_id FROM own)
         UNION ALL
         SELECT tag_id, substr(rtrim(key, replace(key, '/', '')), 1, length(rtrim(key, replace(key, '/', ''))) - 1)
         FROM lineage WHERE instr(key, '/') > 0
       ), nested AS (
         SELECT l.key,
                count(DISTINCT CASE WHEN c.kind = 'scene' THEN c.target_id END) AS scenes,
                count(DISTINCT CASE WHEN c.kind = 'annotation' THEN c.target_id END) AS notes
         FROM lineage l JOIN carried c ON c.tag_id = l.tag_id GROUP BY l.key
       )
       SELECT t.id, t.name, t.colour,
              coalesce(o.scenes, 0) AS sceneCount, coalesce(o.notes, 0) AS annotationCount,
              coalesce(n.scenes, 0) AS nestedSceneCount, coalesce(n.notes, 0) AS nestedAnnotationCount
       FROM tags t
       LEFT JOIN own o ON o.tag_id = t.id
       LEFT JOIN nested n ON n.key = t.name_key
       ORDER BY t.name_key`
    )
    .all(filmId === undefined ? {} : { filmId }) as Tag[];
}

export function createTag(db: Database.Database, rawName: string, colour?: string): TagRef {
  const { name, key } = normaliseTagName(rawName);
  const existing = tagByKey(db, key);
  if (existing) throw new ReelnotesError('CONFLICT', `There is already a tag called "${existing.name}".`);
  const id = Number(
    db.prepare('INSERT INTO tags (name, name_key, colour) VALUES (?, ?, ?)').run(name, key, colour ?? colourFor(key)).lastInsertRowid
  );
  return getTag(db, id);
}

export function findOrCreateTag(db: Database.Database, rawName: string): TagRef {
  const existing = tagByKey(db, normaliseTagName(rawName).key);
  return existing ? { id: existing.id, name: existing.name, colour: existing.colour } : createTag(db, rawName);
}

/**
 * Renames a tag and, with it, the tags nested under it (`music` → `score` makes `music/leitmotif`
 * `score/leitmotif`), so a branch of the tree moves as a whole. A name another tag already has is
 * refused: that is a merge, which the person asks for by name.
 */
export function updateTag(db: Database.Database, changes: { tagId: number; name?: string; colour?: string }): TagRef {
  return db.transaction(() => {
    const current = getTag(db, changes.tagId);
    if (changes.colour !== undefined) db.prepare('UPDATE tags SET colour = ? WHERE id = ?').run(changes.colour, changes.tagId);
    if (changes.name !== undefined) {
      const { name, key } = normaliseTagName(changes.name);
      const oldKey = tagKey(current.name);
      const renames = [{ id: current.id, name, key }];
      const children = db.prepare('SELECT id, name FROM tags WHERE substr(name_key, 1, ?) = ?').all(oldKey.length + 1, `${oldKey}/`) as {
        id: number;
        name: string;
      }[];
      if (key.startsWith(`${oldKey}/`) && children.length > 0) {
        throw new ReelnotesError('INVALID_INPUT', `"${current.name}" cannot be moved under itself while it has tags nested in it.`);
      }
      for (const child of children) {
        const childName = `${name}${child.name.slice(current.name.length)}`;
        renames.push({ id: child.id, name: childName, key: tagKey(childName) });
      }
      const moving = new Set(renames.map((r) => r.id));
      for (const rename of renames) {
        const clash = tagByKey(db, rename.key);
        if (clash && !moving.has(clash.id)) {
          throw new ReelnotesError('CONFLICT', `There is already a tag called "${clash.name}": merge the two tags instead of renaming.`);
        }
      }
      // Through a temporary key first, so that renames inside the branch never trip UNIQUE; no real
      // key starts with '/', since every part of a name must hold a word.
      const park = db.prepare("UPDATE tags SET name_key = '/parked/' || id WHERE id = ?");
      const write = db.prepare('UPDATE tags SET name = ?, name_key = ? WHERE id = ?');
      for (const rename of renames) park.run(rename.id);
      for (const rename of renames) write.run(rename.name, rename.key, rename.id);
    }
    return getTag(db, changes.tagId);
  })();
}

/** Checks that the item exists and may be tagged; a note in the trash may not. */
function assertTaggable(db: Database.Database, target: TagTarget): void {
  if (target.kind === 'scene') {
    getScene(db, target.id);
    return;
  }
  if (target.kind === 'cue') {
    if (!db.prepare('SELECT 1 FROM cues WHERE id = ?').get(target.id)) throw notFound('cue', target.id);
    return;
  }
  const note = db.prepare('SELECT deleted_at AS deletedAt FROM annotations WHERE id = ?').get(target.id) as
    { deletedAt: string | null } | undefined;
  if (!note) throw notFound('annotation', target.id);
  if (note.deletedAt) throw new ReelnotesError('CONFLICT', 'That annotation is in the trash: restore it before tagging it.');
}

export function attachTag(db: Database.Database, target: TagTarget, by: { tagId?: number; name?: string }): TagRef {
  return db.transaction(() => {
    assertTaggable(db, target);
    const tag = by.tagId !== undefined ? getTag(db, by.tagId) : findOrCreateTag(db, by.name ?? '');
    db.prepare('INSERT OR IGNORE INTO taggings (tag_id, target_kind, target_id) VALUES (?, ?, ?)').run(tag.id, target.kind, target.id);
    return tag;
  })();
}

export function detachTag(db: Database.Database, target: TagTarget, tagId: number): { removed: boolean } {
  getTag(db, tagId);
  const result = db
    .prepare('DELETE FROM taggings WHERE tag_id = ? AND target_kind = ? AND target_id = ?')
    .run(tagId, target.kind, target.id);
  return { removed: result.changes > 0 };
}

/**
 * Every item of the source tag ends up carrying the target tag, once; then the source is removed.
 * `moved` counts the items that did not already carry the target.
 */
export function mergeTags(db: Database.Database, sourceId: number, targetId: number): { tag: TagRef; moved: number } {
  return db.transaction(() => {
    getTag(db, sourceId);
    const tag = getTag(db, targetId);
    const moved = db
      .prepare(
        `INSERT OR IGNORE INTO taggings (tag_id, target_kind, target_id, created_at)
         SELECT ?, target_kind, target_id, created_at FROM taggings WHERE tag_id = ?`
      )
      .run(targetId, sourceId).changes;
    db.prepare('DELETE FROM tags WHERE id = ?').run(sourceId);
    return { tag, moved };
  })();
}

/** Removes the tag from every item and from the library; says how many items carried it. */
export function deleteTag(db: Database.Database, tagId: number): { itemCount: number } {
  return db.transaction(() => {
    getTag(db, tagId);
    const itemCount = db.prepare('SELECT count(*) FROM taggings WHERE tag_id = ?').pluck().get(tagId) as number;
    db.prepare('DELETE FROM tags WHERE id = ?').run(tagId);
    return { itemCount };
  })();
}

/** The tags of many items at once, for a page of a list: one query, not one per row. */
export function tagsOf(db: Database.Database, kind: TaggableKind, ids: readonly number[]): Map<number, TagRef[]> {
  const byItem = new Map<number, TagRef[]>();
  if (ids.length === 0) return byItem;
  const rows = db
    .prepare(
      `SELECT g.target_id AS itemId, t.id, t.name, t.colour
       FROM taggings g JOIN tags t ON t.id = g.tag_id
       WHERE g.target_kind = ? AND g.target_id IN (SELECT value FROM json_each(?))
       ORDER BY t.name_key`
    )
    .all(kind, JSON.stringify(ids)) as (TagRef & { itemId: number })[];
  for (const { itemId, ...tag } of rows) {
    const list = byItem.get(itemId) ?? [];
    list.push(tag);
    byItem.set(itemId, list);
  }
  return byItem;
}

export function sceneTags(db: Database.Database, filmId: number): SceneTags[] {
  const ids = db.prepare('SELECT id FROM scenes WHERE film_id = ? ORDER BY position').pluck().all(filmId) as number[];
  const tags = tagsOf(db, 'scene', ids);
  return ids.filter((id) => tags.has(id)).map((sceneId) => ({ sceneId, tags: tags.get(sceneId)! }));
}

/**
 * SQL that picks the ids of items of one kind carrying all (or any) of the tags, where carrying a
 * tag includes carrying one nested under it: filtering by `music` finds `music/leitmotif` too.
 * Each chosen tag is a group of tag ids; an item matches a group when it carries any id in it.
 */
export function taggedItems(
  db: Database.Database,
  kind: TaggableKind,
  tagIds: readonly number[],
  match: TagMatch
): { sql: string; params: unknown[] } {
  const groups = tagGroups(db, tagIds);
  return {
    // CROSS JOIN keeps the wanted tags as the outer loop, so each is one primary-key range of
    // taggings. Left to itself the planner walked every tagging of the kind (25 ms at 200,000).
    sql: `SELECT g.target_id
          FROM (SELECT json_extract(value, '$[0]') AS grp, json_extract(value, '$[1]') AS tag_id FROM json_each(?)) f
          CROSS JOIN taggings g ON g.tag_id = f.tag_id AND g.target_kind = ?
          GROUP BY g.target_id HAVING count(DISTINCT f.grp) >= ?`,
    params: [JSON.stringify(groups), kind, match === 'all' ? tagIds.length : 1]
  };
}

function tagGroups(db: Database.Database, tagIds: readonly number[]): [number, number][] {
  // The tags nested under t are the keys from 't/' up to 't0' ('0' follows '/'): a range of the
  // name_key index rather than a comparison with every tag.
  const family = db.prepare(
    `SELECT id FROM tags WHERE id = @tagId
     UNION ALL
     SELECT d.id FROM tags t JOIN tags d ON d.name_key > t.name_key || '/' AND d.name_key < t.name_key || '0' WHERE t.id = @tagId`
  );
  return tagIds.flatMap((tagId, group) => {
    const ids = family.pluck().all({ tagId }) as number[];
    if (ids.length === 0) throw notFound('tag', tagId);
    return ids.map((id): [number, number] => [group, id]);
  });
}

/** Tag ids by name, each with the tags nested under it; unknown names give an empty list. */
export function tagIdsByName(db: Database.Database, names: readonly string[]): (number | undefined)[] {
  return names.map((name) => {
    try {
      return tagByKey(db, normaliseTagName(name).key)?.id;
    } catch {
      return undefined;
    }
  });
}

export function filterScenes(db: Database.Database, filmId: number, tagIds: readonly number[], match: TagMatch): number[] {
  if (tagIds.length === 0) return db.prepare('SELECT id FROM scenes WHERE film_id = ? ORDER BY position').pluck().all(filmId) as number[];
  const tagged = taggedItems(db, 'scene', tagIds, match);
  return db
    .prepare(`SELECT id FROM scenes WHERE film_id = ? AND id IN (${tagged.sql}) ORDER BY position`)
    .pluck()
    .all(filmId, ...tagged.params) as number[];
}
