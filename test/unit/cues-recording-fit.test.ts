import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCue, listCues, updateCue } from '../../src/core/cues/cues';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import { dispatch } from '../../src/core/dispatch';
import { listFilms } from '../../src/core/films/films';
import { listTracks } from '../../src/core/tracks/tracks';
import { attachFile } from '../../src/core/recordings/recordings';
import { formatTrackTime } from '../../src/shared/time-format';
import { makeAudioFixtures, type AudioFixtures } from '../audio-fixtures';
import { filmsDir, tempLibrary } from '../temp-library';

let audio: AudioFixtures;
beforeAll(() => {
  audio = makeAudioFixtures();
});
afterAll(() => audio.remove());

/** The Red Shoes with a two-second recording attached to its first track. */
async function trackWithRecording() {
  const library = tempLibrary();
  seedDefaultLibrary(library, filmsDir);
  const track = listTracks(library.db, listFilms(library.db)[0].id)[0];
  const recording = await attachFile(library, track.id, audio.wav);
  const length = formatTrackTime(recording.durationMs);
  return { library, db: library.db, track, recording, length };
}

describe('a cue on a track with a recording', () => {
  it('cannot be made or moved to end after the recording, and the refusal names its length', async () => {
    const { db, track, recording, length } = await trackWithRecording();
    const fits = createCue(db, { trackId: track.id, label: 'Whole', startMs: 0, endMs: recording.durationMs });
    expect(fits.endMs).toBe(recording.durationMs);

    expect(() => createCue(db, { trackId: track.id, label: 'Too long', startMs: 300_000, endMs: 5_940_000 })).toThrow(
      `Not saved: the cue ends at 1:39:00.000, after the end of the recording of "${track.title}", which is ${length} long.`
    );
    expect(() => updateCue(db, { cueId: fits.id, endMs: recording.durationMs + 1 })).toThrow(`which is ${length} long`);
    expect(listCues(db, track.id).map((c) => [c.label, c.endMs])).toEqual([['Whole', recording.durationMs]]);
  });

  it('is refused through the contract with INVALID_INPUT', async () => {
    const { library, track, recording } = await trackWithRecording();
    const outcome = await dispatch(library, 'cues.create', {
      trackId: track.id,
      label: 'x',
      startMs: 0,
      endMs: recording.durationMs + 500
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('from a cue file is refused with the file name and line, and nothing of the file is imported', async () => {
    const { library, db, track, length } = await trackWithRecording();
    for (const [format, fileName, text, line] of [
      ['audacity', 'labels.txt', '0.5\t1.0\tfits\n1.0\t600.0\ttoo long\n', 2],
      ['webvtt', 'cues.vtt', 'WEBVTT\n\n1\n00:00:00.500 --> 00:00:01.000\nfits\n\n2\n00:05:00.000 --> 01:39:00.000\ntoo long\n', 8]
    ] as const) {
      const outcome = await dispatch(library, 'cues.importFile', { trackId: track.id, fileName, text, format });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(outcome.ok ? '' : outcome.error.message).toMatch(
        new RegExp(
          `^${fileName.replace('.', '\\.')}, line ${line}: the cue ends at .*, which is ${length.replace('.', '\\.')} long; nothing was imported$`
        )
      );
    }
    expect(listCues(db, track.id)).toEqual([]);
  });

  it('is not shifted past the end of the recording either', async () => {
    const { library, db, track, recording, length } = await trackWithRecording();
    createCue(db, { trackId: track.id, label: 'Opening', startMs: 0, endMs: 1_000 });
    const outcome = await dispatch(library, 'cues.shiftTrack', { trackId: track.id, offsetMs: recording.durationMs });
    expect(outcome.ok ? '' : outcome.error.message).toMatch(
      new RegExp(`^Shifting by \\+.* is refused: the cue ends at .*, which is ${length.replace('.', '\\.')} long; nothing was changed\\.$`)
    );
    expect(listCues(db, track.id).map((c) => c.startMs)).toEqual([0]);
  });

  it('on a track without a recording has nothing to be measured against', () => {
    const library = tempLibrary();
    seedDefaultLibrary(library, filmsDir);
    const track = listTracks(library.db, listFilms(library.db)[0].id)[0];
    expect(createCue(library.db, { trackId: track.id, label: 'Late', startMs: 300_000, endMs: 5_940_000 }).endMs).toBe(5_940_000);
  });
});
