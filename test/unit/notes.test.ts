import { describe, expect, it } from 'vitest';
import {
  annotationsFor,
  createAnnotation,
  emptyTrash,
  getAnnotation,
  listAnnotations,
  listTrash,
  restoreAnnotation,
  trashAnnotation,
  updateAnnotation
} from '../../src/core/notes/notes';
import { createCue } from '../../src/core/cues/cues';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import { dispatch } from '../../src/core/dispatch';
import { listScenes } from '../../src/core/scenes/scenes';
import { search } from '../../src/core/search/search';
import { attachTag } from '../../src/core/tags/tags';
import { formatFilmTime, parseFilmTime } from '../../src/shared/time-format';
import { noteTargetName, type AnnotationSummary } from '../../src/shared/notes';
import { filmsDir, tempLibrary } from '../temp-library';

function redShoes() {
  const library = tempLibrary();
  seedDefaultLibrary(library, filmsDir);
  const scenes = listScenes(library.db, 1);
  return { library, db: library.db, filmId: 1, scenes };
}

describe('annotations', () => {
  it('are written on a scene or on the film, and a scene lists its own in film-time order', () => {
    const { db, filmId, scenes } = redShoes();
    const [audition, premiere] = scenes;
    const late = createAnnotation(db, { target: { kind: 'scene', id: audition.id }, body: 'late', filmTimeMs: 600_000 });
    const untimed = createAnnotation(db, { target: { kind: 'scene', id: audition.id }, body: 'untimed', filmTimeMs: null });
    const early = createAnnotation(db, { target: { kind: 'scene', id: audition.id }, body: 'early', filmTimeMs: 5_000 });
    createAnnotation(db, { target: { kind: 'scene', id: premiere.id }, body: 'elsewhere', filmTimeMs: 1 });
    const onFilm = createAnnotation(db, { target: { kind: 'film', id: filmId }, body: 'the whole film', filmTimeMs: null });

    expect(annotationsFor(db, { kind: 'scene', id: audition.id }).map((a) => a.id)).toEqual([early.id, late.id, untimed.id]);
    expect(annotationsFor(db, { kind: 'film', id: filmId }).map((a) => a.body)).toEqual(['the whole film']);
    expect(onFilm).toMatchObject({ filmId, sceneId: null, deletedAt: null, tags: [] });
    expect(late).toMatchObject({ filmId, sceneId: audition.id, filmTimeMs: 600_000 });
    expect(late.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('update the body and time, and leave an unchanged note (and its edit time) alone', () => {
    const { db, scenes } = redShoes();
    const note = createAnnotation(db, { target: { kind: 'scene', id: scenes[0].id }, body: 'first', filmTimeMs: null });
    db.prepare("UPDATE annotations SET updated_at = '2000-01-01T00:00:00.000Z' WHERE id = ?").run(note.id);
    expect(updateAnnotation(db, { id: note.id, body: 'first' }).updatedAt).toBe('2000-01-01T00:00:00.000Z');
    const edited = updateAnnotation(db, { id: note.id, body: 'second', filmTimeMs: 61_000 });
    expect(edited).toMatchObject({ body: 'second', filmTimeMs: 61_000 });
    expect(edited.updatedAt > '2000-01-01T00:00:00.000Z').toBe(true);
    expect(updateAnnotation(db, { id: note.id, filmTimeMs: null })).toMatchObject({ body: 'second', filmTimeMs: null });
  });

  it('go to the trash and come back, and emptying the trash deletes them with their tags', () => {
    const { db, filmId, scenes } = redShoes();
    const target = { kind: 'scene', id: scenes[1].id } as const;
    const keep = createAnnotation(db, { target, body: 'keep', filmTimeMs: null });
    const gone = createAnnotation(db, { target, body: 'gone', filmTimeMs: null });
    attachTag(db, { kind: 'annotation', id: gone.id }, { name: 'motif' });

    expect(trashAnnotation(db, gone.id).deletedAt).not.toBeNull();
    expect(annotationsFor(db, target).map((a) => a.id)).toEqual([keep.id]);
    expect(listTrash(db, filmId).map((a) => a.id)).toEqual([gone.id]);
    expect(() => updateAnnotation(db, { id: gone.id, body: 'edited in the trash' })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));

    restoreAnnotation(db, gone.id);
    expect(annotationsFor(db, target).map((a) => a.id)).toEqual([keep.id, gone.id]);
    expect(getAnnotation(db, gone.id).tags.map((t) => t.name)).toEqual(['motif']);

    trashAnnotation(db, gone.id);
    expect(emptyTrash(db, filmId)).toEqual({ removed: 1 });
    expect(listTrash(db, filmId)).toEqual([]);
    expect(() => getAnnotation(db, gone.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(db.prepare("SELECT count(*) FROM taggings WHERE target_kind = 'annotation'").pluck().get()).toBe(0);
    expect(getAnnotation(db, keep.id).body).toBe('keep');
  });

  it('list film-wide in scene order and film time, or by last edit, a page at a time', () => {
    const { db, filmId, scenes } = redShoes();
    const onLast = createAnnotation(db, { target: { kind: 'scene', id: scenes[8].id }, body: 'last scene', filmTimeMs: 10 });
    const onFirstLate = createAnnotation(db, { target: { kind: 'scene', id: scenes[0].id }, body: 'first, late', filmTimeMs: 900 });
    const onFirstEarly = createAnnotation(db, { target: { kind: 'scene', id: scenes[0].id }, body: 'first, early', filmTimeMs: 100 });
    const onFilm = createAnnotation(db, { target: { kind: 'film', id: filmId }, body: 'film', filmTimeMs: null });
    db.prepare("UPDATE annotations SET updated_at = '2030-01-01T00:00:00.000Z' WHERE id = ?").run(onFirstLate.id);

    const byFilm = listAnnotations(db, { filmId, order: 'film', tagIds: [], tagMatch: 'all', offset: 0, limit: 10 });
    expect(byFilm.total).toBe(4);
    expect(byFilm.items.map((a) => a.id)).toEqual([onFilm.id, onFirstEarly.id, onFirstLate.id, onLast.id]);
    expect(byFilm.items[1]).toMatchObject({ scenePosition: 1, sceneTitle: scenes[0].title, excerpt: 'first, early' });

    const byEdit = listAnnotations(db, { filmId, order: 'edited', tagIds: [], tagMatch: 'all', offset: 0, limit: 2 });
    expect(byEdit.total).toBe(4);
    expect(byEdit.items[0].id).toBe(onFirstLate.id);
    expect(byEdit.items).toHaveLength(2);
    const second = listAnnotations(db, { filmId, order: 'film', tagIds: [], tagMatch: 'all', offset: 3, limit: 2 });
    expect(second.items.map((a) => a.id)).toEqual([onLast.id]);
    // A page that starts among the film's own notes and runs on into the scenes' notes.
    const spanning = listAnnotations(db, { filmId, order: 'film', tagIds: [], tagMatch: 'all', offset: 0, limit: 2 });
    expect(spanning.items.map((a) => a.id)).toEqual([onFilm.id, onFirstEarly.id]);
    const afterFilm = listAnnotations(db, { filmId, order: 'film', tagIds: [], tagMatch: 'all', offset: 1, limit: 2 });
    expect(afterFilm.items.map((a) => a.id)).toEqual([onFirstEarly.id, onFirstLate.id]);
  });

  it('on a cue are named by their cue in the film-wide list, the trash and search', () => {
    const { db, filmId } = redShoes();
    const trackId = db.prepare('SELECT id FROM tracks WHERE film_id = ? ORDER BY position LIMIT 1').pluck().get(filmId) as number;
    const cue = createCue(db, { trackId, label: 'Overture', startMs: 0, endMs: 5_000 });
    const onCue = createAnnotation(db, { target: { kind: 'cue', id: cue.id }, body: 'The horns state the motif', filmTimeMs: null });
    const onFilm = createAnnotation(db, { target: { kind: 'film', id: filmId }, body: 'On the whole film', filmTimeMs: null });
    const names = (items: AnnotationSummary[]) => new Map(items.map((n) => [n.id, noteTargetName(n)]));
    const listed = names(listAnnotations(db, { filmId, order: 'film', tagIds: [], tagMatch: 'all', offset: 0, limit: 50 }).items);
    expect(listed.get(onCue.id)).toBe('Cue · Overture');
    expect(listed.get(onFilm.id)).toBe('The film');
    expect(search(db, { query: 'horns', filmId, limit: 10 }).hits[0]).toMatchObject({ id: onCue.id, label: 'Note · cue Overture' });
    trashAnnotation(db, onCue.id);
    expect(names(listTrash(db, filmId)).get(onCue.id)).toBe('Cue · Overture');
  });

  it('keep a 1 MB body and any Unicode byte for byte, and SQL or HTML as text', async () => {
    const { library, scenes } = redShoes();
    const odd =
      'e\u0301 (decomposed) é 👩‍👩‍👧 🇫🇷 \u200d\u200b زن 𝔘𝔫𝔦 \u{10FFFF} \uFEFF tab\tline\r\nend ' +
      "'); DROP TABLE annotations; -- <script>alert(1)</script> <b>bold</b>";
    const big = 'Ballet. '.repeat(131_072);
    expect(big.length).toBe(1024 * 1024);
    for (const body of [odd, big]) {
      const created = await dispatch(library, 'notes.create', { target: { kind: 'scene', id: scenes[2].id }, body });
      expect(created.ok).toBe(true);
      const id = (created as { result: { id: number } }).result.id;
      const read = await dispatch(library, 'notes.get', { id });
      const stored = (read as { result: { body: string } }).result.body;
      expect(Buffer.from(stored, 'utf8').equals(Buffer.from(body, 'utf8'))).toBe(true);
    }
    const tooBig = await dispatch(library, 'notes.create', { target: { kind: 'film', id: 1 }, body: big + 'x' });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('1 MB') } });
  });

  it('refuse bad input with a clear error and write nothing', async () => {
    const { library, db } = redShoes();
    const count = () => db.prepare('SELECT count(*) FROM annotations').pluck().get();
    const missingScene = await dispatch(library, 'notes.create', { target: { kind: 'scene', id: 999 }, body: 'x' });
    expect(missingScene).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('scene with id 999') } });
    const negative = await dispatch(library, 'notes.create', { target: { kind: 'film', id: 1 }, filmTimeMs: -5 });
    expect(negative).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('negative') } });
    const nothing = await dispatch(library, 'notes.update', { id: 1 });
    expect(nothing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('Nothing to update') } });
    expect(count()).toBe(0);
  });
});

describe('film times', () => {
  it('are shown as hh:mm:ss and read back from what a person types', () => {
    expect(formatFilmTime(0)).toBe('00:00:00');
    expect(formatFilmTime(3_723_999)).toBe('01:02:03');
    expect(parseFilmTime('1:02:03')).toBe(3_723_000);
    expect(parseFilmTime(' 02:03 ')).toBe(123_000);
    expect(parseFilmTime('75')).toBe(75_000);
    expect(parseFilmTime('')).toBeNull();
    for (const bad of ['1:60', 'abc', '1::2', '-1', '1:2:3:4']) expect(parseFilmTime(bad)).toBeUndefined();
    for (const ms of [0, 59_000, 3_599_000, 36_000_000]) expect(parseFilmTime(formatFilmTime(ms))).toBe(ms);
  });
});
