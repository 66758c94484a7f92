import { describe, expect, it } from 'vitest';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import { dispatch } from '../../src/core/dispatch';
import { listFilms } from '../../src/core/films/films';
import { listTracks } from '../../src/core/tracks/tracks';
import { formatTrackTime } from '../../src/shared/time-format';
import { filmsDir, tempLibrary } from '../temp-library';

async function ballet() {
  const library = tempLibrary();
  seedDefaultLibrary(library, filmsDir);
  const track = listTracks(library.db, listFilms(library.db)[0].id)[0];
  const call = async (method: string, input: unknown) => {
    const outcome = await dispatch(library, method, input);
    if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { code: outcome.error.code });
    return outcome.result as never;
  };
  const startTimes = () => library.db.prepare('SELECT start_ms FROM cues WHERE track_id = ? ORDER BY start_ms, id').pluck().all(track.id);
  return { library, track, call, startTimes };
}

describe("a track's cues in other tools' files", () => {
  it('exports Audacity labels that import back as the same cues', async () => {
    const { track, call, startTimes } = await ballet();
    const before = startTimes().length;
    await call('cues.create', { trackId: track.id, label: 'Shoes theme', startMs: 1_500, endMs: 9_250 });
    await call('cues.create', { trackId: track.id, label: 'Marker', startMs: 12_000, endMs: 12_000 });
    const file: { fileName: string; text: string } = await call('cues.exportFile', { trackId: track.id, format: 'audacity' });
    expect(file.fileName).toBe('the-red-shoes-ballet-cues.txt');
    expect(file.text).toContain('1.500000\t9.250000\tShoes theme\n12.000000\t12.000000\tMarker\n');

    const result: { added: number } = await call('cues.importFile', {
      trackId: track.id,
      fileName: file.fileName,
      text: file.text,
      format: 'audacity'
    });
    expect(result.added).toBe(before + 2);
    expect(startTimes().filter((t) => t === 1_500)).toHaveLength(2);
  });

  it('exports WebVTT and SRT', async () => {
    const { track, call } = await ballet();
    await call('cues.create', { trackId: track.id, label: 'Entrance', startMs: 61_001, endMs: 62_000 });
    const vtt: { text: string } = await call('cues.exportFile', { trackId: track.id, format: 'webvtt' });
    expect(vtt.text.startsWith('WEBVTT\n')).toBe(true);
    expect(vtt.text).toContain('00:01:01.001 --> 00:01:02.000\nEntrance');
    const srt: { text: string } = await call('cues.exportFile', { trackId: track.id, format: 'srt' });
    expect(srt.text).toContain('00:01:01,001 --> 00:01:02,000\nEntrance');
  });

  it('refuses a bad label file with its line number and writes none of it', async () => {
    const { track, call, startTimes } = await ballet();
    const before = startTimes();
    await expect(
      call('cues.importFile', {
        trackId: track.id,
        fileName: 'labels.txt',
        text: '1\t2\tfine\n3\t4\talso fine\nbroken line\n',
        format: 'audacity'
      })
    ).rejects.toThrow('labels.txt, line 3: expected "start<TAB>end<TAB>label"');
    expect(startTimes()).toEqual(before);
  });

  it("shifts a track's cues in one undoable step, never below zero", async () => {
    const { track, call, startTimes } = await ballet();
    await call('cues.create', { trackId: track.id, label: 'a', startMs: 4_000, endMs: 5_000 });
    const before = startTimes();
    const shifted: { shifted: number } = await call('cues.shiftTrack', { trackId: track.id, offsetMs: 1_000 });
    expect(shifted.shifted).toBe(before.length);
    expect(startTimes()).toEqual(before.map((t) => (t as number) + 1_000));
    await call('cues.shiftTrack', { trackId: track.id, offsetMs: -1_000 });
    expect(startTimes()).toEqual(before);
    const earliest = Math.min(...(before as number[]));
    await expect(call('cues.shiftTrack', { trackId: track.id, offsetMs: -600_000 })).rejects.toThrow(
      `Shifting by −00:10:00 would move the cue at ${formatTrackTime(earliest)} to before the start of the recording; nothing was changed.`
    );
    await expect(call('cues.shiftTrack', { trackId: track.id, offsetMs: -(earliest + 1) })).rejects.toThrow(
      'before the start of the recording'
    );
    expect(startTimes()).toEqual(before);
  });
});

describe('notes and tags on cues', () => {
  it('writes a note on a cue, lists it under the cue and not under the film, and tags the cue', async () => {
    const { library, track, call } = await ballet();
    const cue: { id: number } = await call('cues.create', { trackId: track.id, label: 'Horn call', startMs: 1_000, endMs: 2_000 });
    const film = listFilms(library.db)[0];
    await call('notes.create', { target: { kind: 'cue', id: cue.id }, body: 'The horns answer the strings.', filmTimeMs: null });
    await call('notes.create', { target: { kind: 'film', id: film.id }, body: 'On the whole film.', filmTimeMs: null });
    const onCue: { body: string; filmId: number }[] = await call('notes.forTarget', { target: { kind: 'cue', id: cue.id } });
    expect(onCue.map((n) => n.body)).toEqual(['The horns answer the strings.']);
    expect(onCue[0].filmId).toBe(film.id);
    const onFilm: { body: string }[] = await call('notes.forTarget', { target: { kind: 'film', id: film.id } });
    expect(onFilm.map((n) => n.body)).toEqual(['On the whole film.']);

    await call('tags.attach', { target: { kind: 'cue', id: cue.id }, name: 'music/horns' });
    const tagged = library.db.prepare("SELECT count(*) FROM taggings WHERE target_kind = 'cue' AND target_id = ?").pluck().get(cue.id);
    expect(tagged).toBe(1);
    await expect(call('tags.attach', { target: { kind: 'cue', id: 999_999 }, name: 'x' })).rejects.toThrow(
      'There is no cue with id 999999'
    );

    await call('cues.delete', { cueId: cue.id });
    expect(library.db.prepare("SELECT count(*) FROM taggings WHERE target_kind = 'cue'").pluck().get()).toBe(0);
  });
});
