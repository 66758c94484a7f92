import { describe, expect, it } from 'vitest';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import { dispatch } from '../../src/core/dispatch';
import { listFilms } from '../../src/core/films/films';
import { listScenes } from '../../src/core/scenes/scenes';
import { listTracks } from '../../src/core/tracks/tracks';
import { createCue, cuesForScene, deleteCue, deleteCues, listCues, recolourCues, restoreDeleted, tagCues } from '../../src/core/cues/cues';
import { KEPT_DELETIONS_PER_TRACK } from '../../src/core/cues/cue-deletions';
import { exportLibrary } from '../../src/core/library/archive';
import { search } from '../../src/core/search/search';
import { attachTag, deleteTag } from '../../src/core/tags/tags';
import { annotationsFor, createAnnotation, trashAnnotation } from '../../src/core/notes/notes';
import { filmsDir, tempLibrary } from '../temp-library';

function redShoes() {
  const library = tempLibrary();
  seedDefaultLibrary(library, filmsDir);
  const film = listFilms(library.db)[0];
  return { library, db: library.db, filmId: film.id, tracks: listTracks(library.db, film.id), scenes: listScenes(library.db, film.id) };
}

/** Two cues with everything a cue can carry: scene links, tags, notes (one trashed), a tag on a note. */
function studiedCues(setup: ReturnType<typeof redShoes>) {
  const { db, tracks, scenes } = setup;
  const horn = createCue(db, {
    trackId: tracks[0].id,
    label: 'Horn call',
    startMs: 1_000,
    endMs: 4_000,
    colour: '#123abc',
    sceneIds: [scenes[0].id, scenes[2].id]
  });
  const waltz = createCue(db, { trackId: tracks[0].id, label: 'Dream waltz', startMs: 5_000, endMs: 9_000, sceneIds: [scenes[1].id] });
  const kept = createCue(db, { trackId: tracks[0].id, label: 'Coda', startMs: 10_000, endMs: 12_000 });
  attachTag(db, { kind: 'cue', id: horn.id }, { name: 'motif/shoes' });
  attachTag(db, { kind: 'cue', id: waltz.id }, { name: 'waltz' });
  const note = createAnnotation(db, { target: { kind: 'cue', id: horn.id }, body: 'The oboe answers the horns.', filmTimeMs: null });
  attachTag(db, { kind: 'annotation', id: note.id }, { name: 'orchestration' });
  const trashed = createAnnotation(db, { target: { kind: 'cue', id: waltz.id }, body: 'A second thought.', filmTimeMs: null });
  trashAnnotation(db, trashed.id);
  return { horn, waltz, kept, note, trashed };
}

/** What a person can see of a track's cues: everything but the times they were last edited. */
const seen = (cues: ReturnType<typeof listCues>) => cues.map(({ updatedAt: _updatedAt, ...cue }) => cue);

describe('deleting cues, undoably', () => {
  it('removes two cues with their links, tags and notes, and undo brings all of it back in one step', () => {
    const setup = redShoes();
    const { db, tracks, scenes, filmId } = setup;
    const { horn, waltz, kept, note, trashed } = studiedCues(setup);
    const before = seen(listCues(db, tracks[0].id));

    const deletion = deleteCues(db, [horn.id, waltz.id]);
    expect(deletion.deleted).toBe(2);
    expect(listCues(db, tracks[0].id).map((c) => c.id)).toEqual([kept.id]);
    expect(cuesForScene(db, scenes[0].id)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM annotations WHERE cue_id IS NOT NULL').pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM taggings WHERE target_kind IN ('cue', 'annotation')").pluck().get()).toBe(0);
    expect(search(db, { query: 'oboe', filmId, limit: 20 }).hits).toEqual([]);
    expect(search(db, { query: 'waltz', filmId, limit: 20 }).hits.filter((h) => h.kind === 'cue')).toEqual([]);

    const { restored } = restoreDeleted(db, tracks[0].id);
    expect(restored.map((c) => c.id).sort()).toEqual([horn.id, waltz.id].sort());
    expect(seen(listCues(db, tracks[0].id))).toEqual(before);
    expect(cuesForScene(db, scenes[2].id).map((c) => c.id)).toEqual([horn.id]);
    const notes = annotationsFor(db, { kind: 'cue', id: horn.id });
    expect(notes.map((n) => [n.id, n.body, n.tags.map((t) => t.name)])).toEqual([[note.id, note.body, ['orchestration']]]);
    expect(db.prepare('SELECT deleted_at IS NOT NULL FROM annotations WHERE id = ?').pluck().get(trashed.id)).toBe(1);
    // Search finds them again: their index entries came back with them.
    expect(search(db, { query: 'oboe', filmId, limit: 20 }).hits.map((h) => h.kind)).toContain('annotation');
    expect(search(db, { query: 'waltz', filmId, limit: 20 }).hits.some((h) => h.kind === 'cue')).toBe(true);
    // The deletion is used up.
    expect(() => restoreDeleted(db, tracks[0].id)).toThrow(/Nothing to undo/);
  });

  it('undoes the latest deletion of the track first, or the one named', () => {
    const { db, tracks } = redShoes();
    const [a, b, c] = ['A', 'B', 'C'].map((label, i) =>
      createCue(db, { trackId: tracks[0].id, label, startMs: i * 1000, endMs: i * 1000 + 500 })
    );
    const first = deleteCue(db, a.id);
    deleteCue(db, b.id);
    deleteCue(db, c.id);
    expect(restoreDeleted(db, tracks[0].id).restored.map((cue) => cue.label)).toEqual(['C']);
    expect(restoreDeleted(db, tracks[0].id, first.deletionId).restored.map((cue) => cue.label)).toEqual(['A']);
    expect(listCues(db, tracks[0].id).map((cue) => cue.label)).toEqual(['A', 'C']);
    expect(() => restoreDeleted(db, tracks[0].id, first.deletionId)).toThrow(/can no longer be undone/);
    // A deletion belongs to its track: another track has nothing to undo.
    expect(() => restoreDeleted(db, tracks[1].id)).toThrow(/Nothing to undo/);
  });

  it('leaves out what went since (a scene link whose scene is gone, a tag deleted) and renumbers a note whose id was taken', () => {
    const setup = redShoes();
    const { db, tracks, scenes, filmId } = setup;
    const { horn, waltz, note } = studiedCues(setup);
    deleteCues(db, [horn.id, waltz.id]);
    db.prepare('DELETE FROM scenes WHERE id = ?').run(scenes[0].id);
    deleteTag(db, db.prepare("SELECT id FROM tags WHERE name = 'motif/shoes'").pluck().get() as number);
    // The newest notes were the deleted ones, so a new note takes the first one's id.
    const squatter = createAnnotation(db, { target: { kind: 'scene', id: scenes[3].id }, body: 'Meanwhile.', filmTimeMs: null });
    expect(squatter.id).toBe(note.id);

    const back = restoreDeleted(db, tracks[0].id).restored.find((c) => c.id === horn.id)!;
    expect(back.scenes.map((s) => s.id)).toEqual([scenes[2].id]);
    expect(back.tags).toEqual([]);
    const notes = annotationsFor(db, { kind: 'cue', id: horn.id });
    expect(notes).toHaveLength(1);
    expect(notes[0].id).not.toBe(note.id);
    // The note's tag followed it to its new id, and the squatter kept its own text and no tag.
    expect(notes[0].tags.map((t) => t.name)).toEqual(['orchestration']);
    expect(annotationsFor(db, { kind: 'scene', id: scenes[3].id }).find((n) => n.id === squatter.id)).toMatchObject({
      body: 'Meanwhile.',
      tags: []
    });
    expect(db.prepare('SELECT count(*) FROM pragma_foreign_key_check').pluck().get()).toBe(0);
    expect(search(db, { query: 'oboe', filmId, limit: 20 }).hits).toHaveLength(1);
  });

  it('refuses cues of two tracks, unknown cues, and a restore that no longer fits the recording, changing nothing', async () => {
    const { library, db, tracks } = redShoes();
    const one = createCue(db, { trackId: tracks[0].id, label: 'One', startMs: 0, endMs: 1000 });
    const two = createCue(db, { trackId: tracks[1].id, label: 'Two', startMs: 0, endMs: 1000 });
    expect(() => deleteCues(db, [one.id, two.id])).toThrow(/one track at a time/);
    expect(() => deleteCues(db, [one.id, 999_999])).toThrow(/no cue with id 999999/);
    expect(await dispatch(library, 'cues.deleteSeveral', { cueIds: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(listCues(db, tracks[0].id)).toHaveLength(1);

    const late = createCue(db, { trackId: tracks[0].id, label: 'Late', startMs: 50_000, endMs: 60_000 });
    deleteCue(db, late.id);
    // The track's recording is replaced by one that ends before the cue did.
    db.prepare(
      `INSERT INTO recordings (track_id, media_file, sha256, original_name, byte_size, mime_type, container, codec, duration_ms,
         sample_rate, channels, peaks, samples_per_bucket) VALUES (?, 'x.flac', 'x', 'short.flac', 1, 'audio/flac', 'flac', 'flac', 30000, 44100, 2, x'', 1)`
    ).run(tracks[0].id);
    expect(await dispatch(library, 'cues.restoreDeleted', { trackId: tracks[0].id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/"Late" no longer fits.*0:30/) }
    });
    expect(listCues(db, tracks[0].id).map((c) => c.label)).toEqual(['One']);
    expect(db.prepare('SELECT count(*) FROM cue_deletions').pluck().get()).toBe(1);
  });

  it('keeps the latest deletions of a track, goes with the track, and stays out of the library archive', () => {
    const { db, tracks } = redShoes();
    for (let i = 0; i <= KEPT_DELETIONS_PER_TRACK; i++) {
      const cue = createCue(db, { trackId: tracks[0].id, label: `Cue ${i}`, startMs: i, endMs: i });
      deleteCue(db, cue.id);
    }
    expect(db.prepare('SELECT count(*) FROM cue_deletions').pluck().get()).toBe(KEPT_DELETIONS_PER_TRACK);
    expect(Object.keys(exportLibrary(db).tables)).not.toContain('cue_deletions');
    db.prepare('DELETE FROM tracks WHERE id = ?').run(tracks[0].id);
    expect(db.prepare('SELECT count(*) FROM cue_deletions').pluck().get()).toBe(0);
  });
});

describe('several cues at once', () => {
  it('are recoloured and tagged in one step each', async () => {
    const setup = redShoes();
    const { library, db, tracks } = setup;
    const { horn, waltz, kept } = studiedCues(setup);
    expect(recolourCues(db, [horn.id, waltz.id], '#abcdef').map((c) => c.colour)).toEqual(['#abcdef', '#abcdef']);
    expect(listCues(db, tracks[0].id).find((c) => c.id === kept.id)!.colour).not.toBe('#abcdef');
    expect(tagCues(db, [horn.id, waltz.id, kept.id], 'waltz')).toMatchObject({ tag: { name: 'waltz' }, tagged: 2 });
    expect(listCues(db, tracks[0].id).map((c) => c.tags.map((t) => t.name))).toEqual([['motif/shoes', 'waltz'], ['waltz'], ['waltz']]);
    // An unknown cue refuses the whole call.
    expect(await dispatch(library, 'cues.recolour', { cueIds: [horn.id, 999_999], colour: '#D1495B' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    });
    expect(await dispatch(library, 'cues.tag', { cueIds: [horn.id, 999_999], name: 'never' })).toMatchObject({ ok: false });
    expect(db.prepare("SELECT count(*) FROM tags WHERE name = 'never'").pluck().get()).toBe(0);
    expect(listCues(db, tracks[0].id)[0].colour).toBe('#abcdef');
  });
});
