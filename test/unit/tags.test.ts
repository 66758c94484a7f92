import { describe, expect, it } from 'vitest';
import { listAnnotations, trashAnnotation } from '../../src/core/notes/notes';
import { dispatch } from '../../src/core/dispatch';
import { exportLibrary, mergeIntoLibrary } from '../../src/core/library/archive';
import { restoreArchive } from '../archive-file';
import {
  attachTag,
  createTag,
  deleteTag,
  detachTag,
  filterScenes,
  listTags,
  mergeTags,
  sceneTags,
  updateTag
} from '../../src/core/tags/tags';
import { completeTagName, normaliseTagName, tagTree } from '../../src/shared/tag-names';
import { redShoesLibrary } from '../temp-library';

const redShoes = redShoesLibrary;

const names = (list: { name: string }[]) => list.map((t) => t.name);

describe('tags', () => {
  it('are unique whatever their case, nested with tidy slashes, and coloured', () => {
    const { db } = redShoes();
    const tag = createTag(db, '  Music /  Leitmotif  ', '#aa3300');
    expect(tag).toMatchObject({ name: 'Music/Leitmotif', colour: '#aa3300' });
    expect(() => createTag(db, 'music/LEITMOTIF')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    createTag(db, 'Émotion');
    expect(() => createTag(db, 'émotion')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => normaliseTagName('music//motif')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(createTag(db, 'colour').colour).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('go on scenes and notes by id or by name, creating the tag on the fly, and count their items', () => {
    const { db, scenes, note, filmId } = redShoes();
    const a = note('a');
    const b = note('b');
    const motif = attachTag(db, { kind: 'annotation', id: a.id }, { name: 'motif' });
    expect(attachTag(db, { kind: 'annotation', id: b.id }, { name: 'MOTIF' }).id).toBe(motif.id);
    attachTag(db, { kind: 'annotation', id: b.id }, { tagId: motif.id });
    attachTag(db, { kind: 'scene', id: scenes[3].id }, { tagId: motif.id });
    expect(listTags(db, filmId)).toEqual([expect.objectContaining({ name: 'motif', sceneCount: 1, annotationCount: 2 })]);
    expect(sceneTags(db, filmId)).toEqual([{ sceneId: scenes[3].id, tags: [motif] }]);

    trashAnnotation(db, b.id);
    expect(listTags(db, filmId)[0].annotationCount).toBe(1);
    expect(() => attachTag(db, { kind: 'annotation', id: b.id }, { name: 'x' })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(detachTag(db, { kind: 'annotation', id: a.id }, motif.id)).toEqual({ removed: true });
    expect(detachTag(db, { kind: 'annotation', id: a.id }, motif.id)).toEqual({ removed: false });
    expect(listTags(db, filmId)[0].annotationCount).toBe(0);
  });

  it('count, for a parent, each item carrying it or a tag nested in it once, as filtering by it shows', () => {
    const { db, scenes, note, filmId } = redShoes();
    const a = note('a');
    const music = attachTag(db, { kind: 'scene', id: scenes[0].id }, { name: 'music' });
    // The same scene under the parent and a nested tag counts once for the parent.
    attachTag(db, { kind: 'scene', id: scenes[0].id }, { name: 'music/leitmotif' });
    attachTag(db, { kind: 'scene', id: scenes[1].id }, { name: 'music/leitmotif' });
    attachTag(db, { kind: 'annotation', id: a.id }, { name: 'Music/Leitmotif/horns' });
    // 'musical' shares the letters, not the branch.
    attachTag(db, { kind: 'scene', id: scenes[2].id }, { name: 'musical' });
    // A parent no tag was made for still counts for the tags under it, nowhere else.
    attachTag(db, { kind: 'scene', id: scenes[3].id }, { name: 'visual/colour' });
    const counts = Object.fromEntries(
      listTags(db, filmId).map((t) => [t.name, [t.sceneCount, t.annotationCount, t.nestedSceneCount, t.nestedAnnotationCount]])
    );
    expect(counts).toEqual({
      music: [1, 0, 2, 1],
      'music/leitmotif': [2, 0, 2, 1],
      'Music/Leitmotif/horns': [0, 1, 0, 1],
      musical: [1, 0, 1, 0],
      'visual/colour': [1, 0, 1, 0]
    });
    expect(filterScenes(db, filmId, [music.id], 'all')).toHaveLength(counts.music[2]);
  });

  it("nest in the panel under their own parent, with a row for a parent that is not a tag, in the reader's alphabet", () => {
    const rows = tagTree([
      { name: 'Fantasy' },
      { name: 'music/leitmotif' },
      { name: 'score' },
      { name: 'visual/colour' },
      { name: 'émotion' },
      { name: 'Zeal' }
    ]);
    expect(rows.map((r) => [r.path, r.depth, r.tag === null, r.hasChildren])).toEqual([
      ['émotion', 0, false, false],
      ['Fantasy', 0, false, false],
      ['music', 0, true, true],
      ['music/leitmotif', 1, false, false],
      ['score', 0, false, false],
      ['visual', 0, true, true],
      ['visual/colour', 1, false, false],
      ['Zeal', 0, false, false]
    ]);
    // A parent that is a tag is that tag's row, however its children spell it.
    expect(tagTree([{ name: 'MUSIC/motif' }, { name: 'Music' }]).map((r) => [r.path, r.leaf, r.depth])).toEqual([
      ['Music', 'Music', 0],
      ['MUSIC/motif', 'motif', 1]
    ]);
  });

  it('complete a typed name with that name first, as the tag it is or one to create, accents and case aside', () => {
    const tags = [
      { id: 1, name: 'music/leitmotif' },
      { id: 2, name: 'émotion' },
      { id: 3, name: 'Emotional arc' },
      { id: 4, name: 'zeal/emotion-less' },
      { id: 5, name: 'Music box' }
    ];
    const names = (list: { name: string }[]) => list.map((t) => t.name);
    const music = completeTagName('music', tags);
    expect(music).toMatchObject({ first: undefined, creates: true });
    expect(names(music.others)).toEqual(['Music box', 'music/leitmotif']);
    // 'emotion' is 'émotion' but for its accent: that tag comes first (Enter takes it); creating
    // 'emotion' beside it stays on offer.
    const emotion = completeTagName('emotion', tags);
    expect(emotion).toMatchObject({ first: { id: 2 }, creates: true });
    // In the reader's alphabet: 'Emotional arc' sorts among the e's, not after 'z' nor before 'a'.
    expect(names(emotion.others)).toEqual(['Emotional arc', 'zeal/emotion-less']);
    expect(completeTagName('  MUSIC / Leitmotif ', tags)).toMatchObject({ first: { id: 1 }, creates: false });
    expect(completeTagName('music/', tags)).toMatchObject({ first: undefined, creates: false });
    expect(completeTagName('   ', tags)).toEqual({ first: undefined, creates: false, others: [] });
  });

  it('rename with their nested tags, and refuse a name another tag has', () => {
    const { db, note } = redShoes();
    const music = createTag(db, 'music');
    const leitmotif = createTag(db, 'music/leitmotif');
    createTag(db, 'musical');
    createTag(db, 'score/ballet');
    const n = note('n');
    attachTag(db, { kind: 'annotation', id: n.id }, { tagId: leitmotif.id });

    expect(updateTag(db, { tagId: music.id, name: 'Score ' })).toMatchObject({ id: music.id, name: 'Score' });
    expect(names(listTags(db))).toEqual(
      ['musical', 'Score', 'Score/leitmotif', 'score/ballet'].sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase()))
    );
    expect(() => updateTag(db, { tagId: leitmotif.id, name: 'score/BALLET' })).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('merge') })
    );
    // A change of case only is a rename, not a clash with itself.
    expect(updateTag(db, { tagId: music.id, name: 'SCORE', colour: '#123456' })).toMatchObject({ name: 'SCORE', colour: '#123456' });
    expect(listTags(db).find((t) => t.id === leitmotif.id)).toMatchObject({ name: 'SCORE/leitmotif', annotationCount: 1 });
  });

  it('merge, moving every tagging once and removing the source', () => {
    const { db, note, scenes } = redShoes();
    const [a, b, c] = [note('a'), note('b'), note('c')];
    const motif = createTag(db, 'motif');
    const theme = createTag(db, 'theme');
    for (const n of [a, b]) attachTag(db, { kind: 'annotation', id: n.id }, { tagId: motif.id });
    for (const n of [b, c]) attachTag(db, { kind: 'annotation', id: n.id }, { tagId: theme.id });
    attachTag(db, { kind: 'scene', id: scenes[0].id }, { tagId: motif.id });

    expect(mergeTags(db, motif.id, theme.id)).toEqual({ tag: theme, moved: 2 });
    expect(listTags(db)).toEqual([expect.objectContaining({ name: 'theme', annotationCount: 3, sceneCount: 1 })]);
    expect(db.prepare('SELECT count(*) FROM taggings').pluck().get()).toBe(4);
  });

  it('delete, saying how many items carried them', async () => {
    const { db, library, note, scenes } = redShoes();
    const motif = createTag(db, 'motif');
    attachTag(db, { kind: 'annotation', id: note('a').id }, { tagId: motif.id });
    attachTag(db, { kind: 'scene', id: scenes[1].id }, { tagId: motif.id });
    expect(deleteTag(db, motif.id)).toEqual({ itemCount: 2 });
    expect(db.prepare('SELECT count(*) FROM taggings').pluck().get()).toBe(0);
    expect(await dispatch(library, 'tags.delete', { tagId: motif.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch(library, 'tags.merge', { sourceId: 3, targetId: 3 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' }
    });
    expect(await dispatch(library, 'tags.update', { tagId: 1, colour: 'red' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('#rrggbb') }
    });
  });

  it('filter scenes and notes by all or any of several tags, nested tags included', () => {
    const { db, note, scenes, filmId } = redShoes();
    const [a, b, c] = [note('a'), note('b'), note('c')];
    const tag = (id: number, name: string, kind: 'annotation' | 'scene' = 'annotation') => attachTag(db, { kind, id }, { name });
    const music = tag(a.id, 'music');
    tag(b.id, 'music/leitmotif');
    const dance = tag(b.id, 'dance');
    tag(c.id, 'dance');
    tag(scenes[2].id, 'music/leitmotif', 'scene');
    tag(scenes[2].id, 'dance', 'scene');
    tag(scenes[4].id, 'dance', 'scene');
    // Names that start like "music" without being nested under it stay out of its family.
    tag(scenes[6].id, 'musical', 'scene');
    tag(scenes[7].id, 'music-hall', 'scene');

    const ids = (tagIds: number[], tagMatch: 'all' | 'any') =>
      listAnnotations(db, { filmId, order: 'film', tagIds, tagMatch, offset: 0, limit: 50 }).items.map((n) => n.id);
    expect(ids([music.id], 'all')).toEqual([a.id, b.id]);
    expect(ids([music.id, dance.id], 'all')).toEqual([b.id]);
    expect(ids([music.id, dance.id], 'any')).toEqual([a.id, b.id, c.id]);
    expect(filterScenes(db, filmId, [music.id, dance.id], 'all')).toEqual([scenes[2].id]);
    expect(filterScenes(db, filmId, [music.id, dance.id], 'any')).toEqual([scenes[2].id, scenes[4].id]);
    expect(filterScenes(db, filmId, [music.id], 'any')).toEqual([scenes[2].id]);
    expect(filterScenes(db, filmId, [], 'all')).toHaveLength(9);
  });

  it('leave no tagging behind when their scene is deleted', () => {
    const { db, scenes } = redShoes();
    attachTag(db, { kind: 'scene', id: scenes[0].id }, { name: 'gone' });
    db.prepare('DELETE FROM scenes WHERE id = ?').run(scenes[0].id);
    expect(db.prepare('SELECT count(*) FROM taggings').pluck().get()).toBe(0);
  });
});

describe('tags in a library backup', () => {
  it('follow their notes and scenes when a backup is merged into a library whose ids differ', () => {
    const source = redShoes();
    const noted = source.note('the staircase', 2);
    attachTag(source.db, { kind: 'annotation', id: noted.id }, { name: 'motif/stairs' });
    attachTag(source.db, { kind: 'scene', id: source.scenes[2].id }, { name: 'motif/stairs' });
    const archive = exportLibrary(source.db);

    const target = redShoes();
    target.note('already here, so the ids shift', 0);
    target.note('and another', 0);
    restoreArchive(target.db, archive, mergeIntoLibrary);
    const rows = target.db
      .prepare(
        `SELECT t.name, a.body, s.title FROM taggings g JOIN tags t ON t.id = g.tag_id
         LEFT JOIN annotations a ON g.target_kind = 'annotation' AND a.id = g.target_id
         LEFT JOIN scenes s ON g.target_kind = 'scene' AND s.id = g.target_id
         ORDER BY g.target_kind`
      )
      .all();
    expect(rows).toEqual([
      { name: 'motif/stairs', body: 'the staircase', title: null },
      { name: 'motif/stairs', body: null, title: source.scenes[2].title }
    ]);
  });
});
