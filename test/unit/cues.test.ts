import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import { dispatch } from '../../src/core/dispatch';
import { importFilmPage, listFilms } from '../../src/core/films/films';
import { listScenes } from '../../src/core/scenes/scenes';
import { listTracks } from '../../src/core/tracks/tracks';
import { createCue, cuesForScene, deleteCue, linkCue, listCues, unlinkCue, updateCue } from '../../src/core/cues/cues';
import { migrate, migrations } from '../../src/core/library/migrations';
import { search } from '../../src/core/search/search';
import { attachTag } from '../../src/core/tags/tags';
import { createAnnotation, trashAnnotation } from '../../src/core/notes/notes';
import { CUE_COLOURS } from '../../src/shared/score';
import { filmsDir, tempHome, tempLibrary } from '../temp-library';

function redShoes() {
  const library = tempLibrary();
  seedDefaultLibrary(library, filmsDir);
  const film = listFilms(library.db)[0];
  return { library, db: library.db, tracks: listTracks(library.db, film.id), scenes: listScenes(library.db, film.id) };
}

describe('cues', () => {
  it('are created, listed in time order, updated and deleted', () => {
    const { db, tracks } = redShoes();
    const late = createCue(db, { trackId: tracks[0].id, label: 'Coda', startMs: 90_000, endMs: 95_500 });
    const early = createCue(db, { trackId: tracks[0].id, label: 'Opening bars', startMs: 1_250, endMs: 4_000, colour: '#123abc' });
    expect(late.colour).toBe(CUE_COLOURS[0]);
    expect(listCues(db, tracks[0].id).map((c) => [c.label, c.startMs, c.endMs, c.colour])).toEqual([
      ['Opening bars', 1_250, 4_000, '#123abc'],
      ['Coda', 90_000, 95_500, CUE_COLOURS[0]]
    ]);
    expect(listCues(db, tracks[1].id)).toEqual([]);
    const moved = updateCue(db, { cueId: early.id, startMs: 2_000, label: 'Opening' });
    expect([moved.label, moved.startMs, moved.endMs]).toEqual(['Opening', 2_000, 4_000]);
    expect(() => updateCue(db, { cueId: early.id, startMs: 5_000 })).toThrow(/cannot end/);
    expect(deleteCue(db, late.id)).toMatchObject({ cueId: late.id, deleted: 1 });
    expect(listCues(db, tracks[0].id).map((c) => c.id)).toEqual([early.id]);
    expect(() => deleteCue(db, late.id)).toThrow(/no cue/);
  });

  it('are listed with their tags and the count of their notes, a note in the trash not counted', () => {
    const { db, tracks } = redShoes();
    const cue = createCue(db, { trackId: tracks[0].id, label: 'Horn call', startMs: 0, endMs: 1_000 });
    expect(listCues(db, tracks[0].id).find((c) => c.id === cue.id)).toMatchObject({ tags: [], noteCount: 0 });
    attachTag(db, { kind: 'cue', id: cue.id }, { name: 'motif/shoes' });
    attachTag(db, { kind: 'cue', id: cue.id }, { name: 'horns' });
    createAnnotation(db, { target: { kind: 'cue', id: cue.id }, body: 'The motif, stated.', filmTimeMs: null });
    const trashed = createAnnotation(db, { target: { kind: 'cue', id: cue.id }, body: 'A second thought.', filmTimeMs: null });
    trashAnnotation(db, trashed.id);
    const listed = listCues(db, tracks[0].id).find((c) => c.id === cue.id)!;
    expect(listed.tags.map((t) => t.name)).toEqual(['horns', 'motif/shoes']);
    expect(listed.noteCount).toBe(1);
    // Every cue of the list has its own, none another's.
    expect(
      listCues(db, tracks[0].id)
        .filter((c) => c.id !== cue.id)
        .every((c) => c.tags.length === 0 && c.noteCount === 0)
    ).toBe(true);
  });

  it('are validated by the contract: labels, times in order, colours, known tracks', async () => {
    const { library, tracks } = redShoes();
    const bad = [
      { trackId: tracks[0].id, label: ' ', startMs: 0, endMs: 1 },
      { trackId: tracks[0].id, label: 'x', startMs: 2000, endMs: 1000 },
      { trackId: tracks[0].id, label: 'x', startMs: -1, endMs: 1000 },
      { trackId: tracks[0].id, label: 'x', startMs: 0.5, endMs: 1000 },
      { trackId: tracks[0].id, label: 'x', startMs: 0, endMs: 1, colour: 'red' }
    ];
    for (const input of bad)
      expect(await dispatch(library, 'cues.create', input), JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' }
      });
    expect(await dispatch(library, 'cues.create', { trackId: 9999, label: 'x', startMs: 0, endMs: 1 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    });
    expect(await dispatch(library, 'cues.update', { cueId: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(library.db.prepare('SELECT count(*) FROM cues').pluck().get()).toBe(0);
    const marker = await dispatch(library, 'cues.create', { trackId: tracks[0].id, label: 'Marker', startMs: 3000, endMs: 3000 });
    expect(marker).toMatchObject({ ok: true, result: { startMs: 3000, endMs: 3000 } });
  });

  it('link to scenes, shown on both sides, and unlink', () => {
    const { db, tracks, scenes } = redShoes();
    const dream = scenes.find((s) => s.title === 'The Dream Sequence')!;
    const fall = scenes.find((s) => s.title === 'The Tragic Fall')!;
    const cue = createCue(db, { trackId: tracks[0].id, label: 'Dream waltz', startMs: 0, endMs: 10_000, sceneIds: [fall.id] });
    expect(cue.scenes.map((s) => s.title)).toEqual(['The Tragic Fall']);
    const linked = linkCue(db, cue.id, dream.id);
    expect(linked.scenes.map((s) => s.title)).toEqual(['The Dream Sequence', 'The Tragic Fall']);
    expect(linkCue(db, cue.id, dream.id).scenes).toHaveLength(2);
    expect(cuesForScene(db, dream.id)).toMatchObject([
      { id: cue.id, label: 'Dream waltz', trackTitle: 'The Red Shoes Ballet', recordingId: null }
    ]);
    expect(unlinkCue(db, cue.id, fall.id).scenes.map((s) => s.id)).toEqual([dream.id]);
    expect(cuesForScene(db, fall.id)).toEqual([]);
    deleteCue(db, cue.id);
    expect(cuesForScene(db, dream.id)).toEqual([]);
  });

  it('refuse a link to a scene of another film, writing nothing', () => {
    const { db, tracks } = redShoes();
    const other = importFilmPage(
      db,
      readFileSync(join(__dirname, '..', '..', 'e2e', 'fixtures', 'the-archers-notebook.txt'), 'utf8'),
      'archers.txt'
    );
    const otherScene = listScenes(db, other.film.id)[0];
    expect(() => createCue(db, { trackId: tracks[0].id, label: 'x', startMs: 0, endMs: 1, sceneIds: [otherScene.id] })).toThrow(
      /its own film/
    );
    expect(listCues(db, tracks[0].id)).toEqual([]);
  });
});

describe('cues and the annotations and tags of 002', () => {
  it('take their annotations and taggings with them when deleted', () => {
    const { db, tracks } = redShoes();
    const cue = createCue(db, { trackId: tracks[0].id, label: 'Leitmotif', startMs: 0, endMs: 1000 });
    const filmId = db.prepare('SELECT film_id FROM tracks WHERE id = ?').pluck().get(tracks[0].id) as number;
    db.prepare('INSERT INTO annotations (film_id, cue_id, body) VALUES (?, ?, ?)').run(filmId, cue.id, 'The horns answer the strings');
    const tagId = Number(
      db.prepare("INSERT INTO tags (name, name_key, colour) VALUES ('motif', 'motif', '#336699')").run().lastInsertRowid
    );
    db.prepare("INSERT INTO taggings (tag_id, target_kind, target_id) VALUES (?, 'cue', ?)").run(tagId, cue.id);
    deleteCue(db, cue.id);
    expect(db.prepare('SELECT count(*) FROM annotations WHERE cue_id IS NOT NULL').pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM taggings WHERE target_kind = 'cue'").pluck().get()).toBe(0);
  });
});

describe('cue colours', () => {
  it('are checked and lower-cased as tag colours are, on create and on update', async () => {
    const { library, db, tracks } = redShoes();
    const created = await dispatch(library, 'cues.create', {
      trackId: tracks[0].id,
      label: 'Waltz',
      startMs: 0,
      endMs: 1,
      colour: '#ABCDEF'
    });
    expect(created).toMatchObject({ ok: true, result: { colour: '#abcdef' } });
    const cueId = db.prepare('SELECT id FROM cues').pluck().get() as number;
    expect(await dispatch(library, 'cues.update', { cueId, colour: '#00798C' })).toMatchObject({ ok: true, result: { colour: '#00798c' } });
    for (const colour of ['blue', '#abc', '#00798c0', ''])
      expect(await dispatch(library, 'cues.update', { cueId, colour }), colour).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' }
      });
    // Below the contract, the library itself refuses a colour in another form.
    expect(() => createCue(db, { trackId: tracks[0].id, label: 'x', startMs: 0, endMs: 1, colour: '#ABCDEF' })).toThrow(/#rrggbb/);
    expect(() => updateCue(db, { cueId, colour: 'red' })).toThrow(/#rrggbb/);
    expect(listCues(db, tracks[0].id).map((c) => c.colour)).toEqual(['#00798c']);
  });

  it('are kept, as colour, when a library at schema 7 is migrated', () => {
    const db = new Database(join(tempHome(), 'schema-7.sqlite'));
    migrate(
      db,
      migrations.filter((m) => m.version < 8)
    );
    db.exec(`
      INSERT INTO films (id, title, synopsis, source_name) VALUES (1, 'Old', '', 'old.txt');
      INSERT INTO tracks (id, film_id, position, title, credit, description) VALUES (1, 1, 1, 'Overture', 'x', '');
      INSERT INTO cues (track_id, label, start_ms, end_ms, color) VALUES
        (1, 'Heron fanfare', 0, 1, '#123abc'), (1, 'Upper case', 2, 3, '#D1495B'), (1, 'Hand-edited', 4, 5, 'red');`);
    migrate(db);
    const columns = db.prepare("SELECT name FROM pragma_table_info('cues')").pluck().all();
    expect(columns).toContain('colour');
    expect(columns).not.toContain('color');
    expect(db.prepare('SELECT label, colour FROM cues ORDER BY id').raw().all()).toEqual([
      ['Heron fanfare', '#123abc'],
      ['Upper case', '#d1495b'],
      ['Hand-edited', CUE_COLOURS[0]]
    ]);
    // The search view and triggers over cues still work on the renamed table.
    expect(search(db, { query: 'heron', limit: 10 }).hits.map((h) => h.kind)).toEqual(['cue']);
    db.prepare("UPDATE cues SET label = 'Egret fanfare' WHERE label = 'Heron fanfare'").run();
    expect(search(db, { query: 'egret', limit: 10 }).hits.map((h) => h.kind)).toEqual(['cue']);
    expect(() => db.prepare("INSERT INTO cues (track_id, label, start_ms, end_ms, colour) VALUES (1, 'x', 0, 1, 'red')").run()).toThrow(
      /#rrggbb/
    );
    db.close();
  });
});
