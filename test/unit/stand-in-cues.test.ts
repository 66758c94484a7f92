import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCue, listCues } from '../../src/main/library/cues';
import { seedDefaultLibrary } from '../../src/main/library/default-library';
import { dispatch } from '../../src/main/library/dispatch';
import { listFilms, listTracks } from '../../src/main/library/films';
import { attachFile } from '../../src/main/library/recordings';
import { seedStandIns } from '../../src/main/library/stand-ins';
import { makeAudioFixtures, type AudioFixtures } from '../audio-fixtures';
import { filmsDir, tempLibrary } from '../temp-library';

let audio: AudioFixtures;
beforeAll(() => {
  audio = makeAudioFixtures();
  execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'make-stand-ins.mjs')]);
});
afterAll(() => audio.remove());

/** The Red Shoes as on first launch: its stand-ins attached, with their cues. */
async function withStandIns() {
  const library = tempLibrary();
  seedDefaultLibrary(library, filmsDir);
  expect(await seedStandIns(library, join(__dirname, '..', '..', 'resources', 'stand-ins'))).toBe(true);
  const ballet = listTracks(library.db, listFilms(library.db)[0].id).find((t) => t.title === 'The Red Shoes Ballet')!;
  return { library, db: library.db, ballet };
}

describe('a real recording replacing a stand-in', () => {
  it("says how many of the stand-in's cues the track kept, and they are removed in one step", async () => {
    const { library, db, ballet } = await withStandIns();
    const standInCues = listCues(db, ballet.id).length;
    expect(standInCues).toBeGreaterThan(1);

    const attached = await attachFile(library, ballet.id, audio.wav);
    expect(attached).toMatchObject({ standIn: false, standInCues });
    // Kept until the person answers: nothing is removed behind their back.
    expect(listCues(db, ballet.id)).toHaveLength(standInCues);

    expect(await dispatch(library, 'cues.clearTrack', { trackId: ballet.id })).toEqual({ ok: true, result: { trackId: ballet.id, removed: standInCues } });
    expect(listCues(db, ballet.id)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM cue_scenes').pluck().get()).toBe(
      db.prepare('SELECT count(*) FROM cue_scenes cs JOIN cues c ON c.id = cs.cue_id WHERE c.track_id <> ?').pluck().get(ballet.id)
    );
    // The search index forgot them with the cues.
    expect(db.prepare("SELECT count(*) FROM cues_fts WHERE cues_fts MATCH 'dream'").pluck().get()).toBe(0);
  });

  it('asks nothing when the recording it replaces is not a stand-in, or when a stand-in left no cues', async () => {
    const { library, db, ballet } = await withStandIns();
    await dispatch(library, 'cues.clearTrack', { trackId: ballet.id });
    expect((await attachFile(library, ballet.id, audio.wav)).standInCues).toBe(0);
    createCue(db, { trackId: ballet.id, label: 'Mine', startMs: 0, endMs: 1_000 });
    expect((await attachFile(library, ballet.id, audio.formats[3].path)).standInCues).toBe(0);
    expect(listCues(db, ballet.id).map((c) => c.label)).toEqual(['Mine']);
  });

  it('refuses to clear a track that does not exist', async () => {
    const { library } = await withStandIns();
    expect(await dispatch(library, 'cues.clearTrack', { trackId: 9999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
