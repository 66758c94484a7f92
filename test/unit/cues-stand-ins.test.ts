import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCue, listCues } from '../../src/core/cues/cues';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import { dispatch } from '../../src/core/dispatch';
import { listFilms } from '../../src/core/films/films';
import { listTracks } from '../../src/core/tracks/tracks';
import { attachFile, getRecording, listRecordings } from '../../src/core/recordings/recordings';
import { seedStandIns } from '../../src/core/library/stand-ins';
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
  it("marks the stand-in's cues until the person answers, and removes exactly those in one step", async () => {
    const { library, db, ballet } = await withStandIns();
    const standInCues = listCues(db, ballet.id).length;
    expect(standInCues).toBeGreaterThan(1);

    const attached = await attachFile(library, ballet.id, audio.wav);
    expect(attached).toMatchObject({ standIn: false, standInCues });
    // Kept until the person answers, and the question outlives the connection (a reload, a restart).
    library.reopen(() => undefined);
    expect(listRecordings(library, ballet.filmId).find((r) => r.trackId === ballet.id)?.standInCues).toBe(standInCues);
    expect(listCues(library.db, ballet.id)).toHaveLength(standInCues);
    // A cue made against the real recording is the person's own: never counted, never removed.
    const mine = createCue(library.db, { trackId: ballet.id, label: 'Mine', startMs: 0, endMs: 1_000 });

    expect(await dispatch(library, 'cues.settleStandInCues', { trackId: ballet.id, keep: false })).toEqual({
      ok: true,
      result: { trackId: ballet.id, removed: standInCues, kept: 0 }
    });
    expect(listCues(library.db, ballet.id).map((c) => c.id)).toEqual([mine.id]);
    expect(getRecording(library, attached.id).standInCues).toBe(0);
    // Their scene links and their index entries went with them.
    expect(
      library.db.prepare('SELECT count(*) FROM cue_scenes cs JOIN cues c ON c.id = cs.cue_id WHERE c.track_id = ?').pluck().get(ballet.id)
    ).toBe(0);
    expect(library.db.prepare("SELECT count(*) FROM cues_fts WHERE cues_fts MATCH 'dream'").pluck().get()).toBe(0);
  });

  it("keeps them as the person's own when asked to, and asks no more", async () => {
    const { library, db, ballet } = await withStandIns();
    const before = listCues(db, ballet.id);
    const attached = await attachFile(library, ballet.id, audio.wav);
    expect(await dispatch(library, 'cues.settleStandInCues', { trackId: ballet.id, keep: true })).toEqual({
      ok: true,
      result: { trackId: ballet.id, removed: 0, kept: before.length }
    });
    expect(listCues(db, ballet.id)).toEqual(before);
    expect(getRecording(library, attached.id).standInCues).toBe(0);
    // Another real recording later replaces a real one: nothing to ask.
    expect((await attachFile(library, ballet.id, audio.formats[3].path)).standInCues).toBe(0);
  });

  it('asks nothing when a stand-in left no cues', async () => {
    const { library, ballet } = await withStandIns();
    library.db.prepare('DELETE FROM cues WHERE track_id = ?').run(ballet.id);
    expect((await attachFile(library, ballet.id, audio.wav)).standInCues).toBe(0);
  });

  it('refuses to settle the cues of a track that does not exist', async () => {
    const { library } = await withStandIns();
    expect(await dispatch(library, 'cues.settleStandInCues', { trackId: 9999, keep: false })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    });
  });
});
