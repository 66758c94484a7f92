import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import { dispatch } from '../../src/core/dispatch';
import { listFilms } from '../../src/core/films/films';
import { listTracks } from '../../src/core/tracks/tracks';
import { openLibrary, type Library } from '../../src/core/library/library';
import { createCue, listCues, cuesForScene } from '../../src/core/cues/cues';
import { attachFile, getPeaks, getRecording, levelsBuilt, listRecordings, recordingMedia } from '../../src/core/recordings/recordings';
import { seedStandIns } from '../../src/core/library/stand-ins';
import { ReelnotesError } from '../../src/shared/errors';
import type { PeakRange, Recording, UploadStatus } from '../../src/shared/score';
import { makeAudioFixtures, type AudioFixtures } from '../audio-fixtures';
import { filmsDir, tempLibrary } from '../temp-library';

let audio: AudioFixtures;
beforeAll(() => {
  audio = makeAudioFixtures();
});
afterAll(() => audio.remove());

function seeded(): { library: Library; trackIds: number[] } {
  const library = tempLibrary();
  seedDefaultLibrary(library, filmsDir);
  const film = listFilms(library.db)[0];
  return { library, trackIds: listTracks(library.db, film.id).map((t) => t.id) };
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

async function refusal(promise: Promise<unknown>): Promise<ReelnotesError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(ReelnotesError);
  return error as ReelnotesError;
}

describe('the waveform of a long recording', () => {
  it('is stored at several levels from the one decode, and served a range of one level at a time', async () => {
    const { library, trackIds } = seeded();
    const long = join(audio.dir, 'long-sine.wav');
    // 40 s: more finest buckets (about 6900) than the overview holds, so there are two levels.
    execFileSync('sox', [
      '-R',
      '-n',
      '-r',
      '44100',
      '-c',
      '1',
      '-b',
      '16',
      long,
      'synth',
      '40',
      'sine',
      '440',
      'vol',
      '0.5',
      'fade',
      't',
      '0',
      '40',
      '20'
    ]);
    const recording = await attachFile(library, trackIds[0], long);
    const peaks = getPeaks(library, recording.id);
    expect(peaks.levels.map((l) => [l.level, l.buckets])).toEqual([
      [0, Math.ceil((40 * 44100) / 256)],
      [1, Math.ceil((40 * 44100) / 1024)]
    ]);
    expect(peaks.levels[0].bucketMs).toBeCloseTo((256 / 44100) * 1000, 6);
    // The overview is the coarsest level.
    expect(peaks.bucketMs).toBeCloseTo(peaks.levels[1].bucketMs, 6);
    expect(peaks.max).toHaveLength(peaks.levels[1].buckets);

    const range = await dispatch(library, 'recordings.peakRange', { recordingId: recording.id, level: 0, fromBucket: 400, count: 40 });
    expect(range.ok).toBe(true);
    const fine = range.ok ? (range.result as PeakRange) : undefined;
    expect(fine).toMatchObject({ recordingId: recording.id, level: 0, fromBucket: 400 });
    expect(fine!.max).toHaveLength(40);
    // Each coarse bucket is the extremes of the four fine buckets under it.
    for (let b = 0; b < 10; b++) {
      expect(peaks.max[100 + b]).toBe(Math.max(...fine!.max.slice(4 * b, 4 * b + 4)));
      expect(peaks.min[100 + b]).toBe(Math.min(...fine!.min.slice(4 * b, 4 * b + 4)));
    }
    // The fade out: loud at the start of it, quiet near its end.
    expect(fine!.max[0]).toBeGreaterThan(0.45);
    const end = await dispatch(library, 'recordings.peakRange', { recordingId: recording.id, level: 0, fromBucket: 6880, count: 100 });
    const tail = (end.ok ? end.result : { max: [] }) as Pick<PeakRange, 'max'>;
    expect(tail.max.length).toBe(peaks.levels[0].buckets - 6880);
    expect(Math.max(...tail.max)).toBeLessThan(0.05);
    // Past the end: nothing; no such level, or too many at once: refused.
    const past = await dispatch(library, 'recordings.peakRange', { recordingId: recording.id, level: 1, fromBucket: 99_999, count: 10 });
    expect(past.ok && (past.result as PeakRange).max).toEqual([]);
    expect(
      await dispatch(library, 'recordings.peakRange', { recordingId: recording.id, level: 2, fromBucket: 0, count: 10 })
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'The waveform of this recording has no level 2.' }
    });
    expect(
      await dispatch(library, 'recordings.peakRange', { recordingId: recording.id, level: 0, fromBucket: 0, count: 100_000 })
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' }
    });

    // Replaced, the recording takes its levels with it.
    await attachFile(library, trackIds[0], audio.wav);
    expect(library.db.prepare('SELECT count(*) FROM peak_levels WHERE recording_id = ?').pluck().get(recording.id)).toBe(0);
  });

  it('of a recording attached before the levels existed, gets them on first asking, in the background, with progress', async () => {
    const { library, trackIds } = seeded();
    const long = join(audio.dir, 'long-sine-old.wav');
    execFileSync('sox', ['-R', '-n', '-r', '44100', '-c', '1', '-b', '16', long, 'synth', '40', 'sine', '440', 'vol', '0.5']);
    const recording = await attachFile(library, trackIds[0], long);
    const made = getPeaks(library, recording.id);
    // As a library from before migration 014 holds it: the overview alone.
    library.db.prepare('DELETE FROM peak_levels WHERE recording_id = ?').run(recording.id);

    const first = getPeaks(library, recording.id);
    expect(first.levels).toEqual([]);
    expect(first.levelsProgress).toBeGreaterThanOrEqual(0);
    expect(first.max).toEqual(made.max);
    // Asked again while under way: the same job, not a second one.
    expect(getPeaks(library, recording.id).levelsProgress).toBeDefined();
    await levelsBuilt(library, recording.id);

    const after = getPeaks(library, recording.id);
    expect(after.levelsProgress).toBeUndefined();
    expect(after).toEqual(made);
    const level0 = await dispatch(library, 'recordings.peakRange', { recordingId: recording.id, level: 0, fromBucket: 0, count: 100 });
    expect(level0).toMatchObject({ ok: true, result: { level: 0, fromBucket: 0 } });
  });
});

describe('attaching a recording', () => {
  it.each([0, 1, 2, 3, 4, 5])('reads the facts of a generated file in each accepted format (#%i)', async (index) => {
    const fixture = audio.formats[index];
    const { library, trackIds } = seeded();
    const recording = await attachFile(library, trackIds[0], fixture.path);
    expect(recording.container, fixture.name).toMatch(fixture.container);
    expect(recording.codec, fixture.name).toMatch(fixture.codec);
    expect(recording.sampleRate).toBe(fixture.sampleRate);
    expect(recording.channels).toBe(fixture.channels);
    // Lossy encoders pad a few milliseconds; the sine is two seconds long.
    expect(Math.abs(recording.durationMs - 2000), `${fixture.name}: ${recording.durationMs} ms`).toBeLessThan(80);
    expect(recording.available).toBe(true);
    expect(recording.standIn).toBe(false);
    const stored = readdirSync(library.mediaDir);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(new RegExp(`^${sha256(fixture.path)}\\.(ogg|opus|mp3|flac|wav|m4a)$`));
    // Two seconds is short enough for the overview to be the finest level: buckets of about 5 ms.
    const peaks = getPeaks(library, recording.id);
    expect(peaks.bucketMs).toBeLessThanOrEqual(10);
    expect(peaks.max.length).toBeGreaterThanOrEqual(recording.durationMs / 10);
    expect(peaks.levels).toEqual([{ level: 0, bucketMs: peaks.bucketMs, buckets: peaks.max.length }]);
  });

  it('refuses an empty file, a text file named .mp3 and truncated files, leaving the library unchanged', async () => {
    const { library, trackIds } = seeded();
    const cases = [
      { path: audio.empty, message: /empty/ },
      { path: audio.textAsMp3, message: /not an audio file|not a readable audio file/ },
      ...audio.truncated.map((t) => ({ path: t.path, message: /truncated|could not be decoded|not a readable|no audio/ }))
    ];
    for (const { path, message } of cases) {
      const error = await refusal(attachFile(library, trackIds[0], path));
      expect(error.code, path).toBe('UNSUPPORTED_AUDIO');
      expect(error.message, path).toMatch(message);
    }
    expect(library.db.prepare('SELECT count(*) FROM recordings').pluck().get()).toBe(0);
    expect(readdirSync(library.mediaDir)).toEqual([]);
  });

  it('replaces the recording of a track, keeping its cues and removing the unused file', async () => {
    const { library, trackIds } = seeded();
    const first = await attachFile(library, trackIds[0], audio.formats[0].path);
    createCue(library.db, { trackId: trackIds[0], label: 'Opening', startMs: 0, endMs: 500 });
    const second = await attachFile(library, trackIds[0], audio.formats[3].path);
    expect(second.id).not.toBe(first.id);
    expect(listRecordings(library, listFilms(library.db)[0].id).map((r) => r.id)).toEqual([second.id]);
    expect(listCues(library.db, trackIds[0]).map((c) => c.label)).toEqual(['Opening']);
    expect(readdirSync(library.mediaDir)).toEqual([`${sha256(audio.formats[3].path)}.flac`]);
  });

  it('shows a recording whose file went missing as missing, and relinks it when attached again', async () => {
    const { library, trackIds } = seeded();
    const recording = await attachFile(library, trackIds[1], audio.wav);
    rmSync(join(library.mediaDir, readdirSync(library.mediaDir)[0]));
    expect(getRecording(library, recording.id).available).toBe(false);
    expect(() => recordingMedia(library, recording.id)).toThrow(/missing/);
    const relinked = await attachFile(library, trackIds[1], audio.wav);
    expect(relinked.available).toBe(true);
    expect(recordingMedia(library, relinked.id).mimeType).toBe('audio/wav');
  });
});

describe('uploading through the contract (as the desktop app does)', () => {
  it('receives chunks in order, reports progress and attaches the file', async () => {
    const { library, trackIds } = seeded();
    const bytes = readFileSync(audio.formats[2].path);
    const begun = await dispatch(library, 'recordings.beginUpload', { trackId: trackIds[0], fileName: 'sine.mp3', byteSize: bytes.length });
    expect(begun.ok).toBe(true);
    const { uploadId } = (begun as { result: UploadStatus }).result;
    const half = Math.floor(bytes.length / 2);
    const outOfOrder = await dispatch(library, 'recordings.uploadChunk', {
      uploadId,
      offset: half,
      data: bytes.subarray(half).toString('base64')
    });
    expect(outOfOrder).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    for (const [offset, end] of [
      [0, half],
      [half, bytes.length]
    ]) {
      const sent = await dispatch(library, 'recordings.uploadChunk', {
        uploadId,
        offset,
        data: bytes.subarray(offset, end).toString('base64')
      });
      expect(sent).toMatchObject({ ok: true, result: { receivedBytes: end, phase: 'receiving' } });
    }
    const finished = await dispatch(library, 'recordings.finishUpload', { uploadId });
    expect(finished).toMatchObject({ ok: true, result: { trackId: trackIds[0], codec: 'MPEG 1 Layer 3', originalName: 'sine.mp3' } });
    expect(await dispatch(library, 'recordings.uploadStatus', { uploadId })).toMatchObject({
      ok: true,
      result: { phase: 'done', progress: 1 }
    });
  });

  it('refuses an empty file before any byte is sent, and a file that is not audio after it is received', async () => {
    const { library, trackIds } = seeded();
    const empty = await dispatch(library, 'recordings.beginUpload', { trackId: trackIds[0], fileName: 'x.mp3', byteSize: 0 });
    expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/empty/) } });
    const text = readFileSync(audio.textAsMp3);
    const begun = (await dispatch(library, 'recordings.beginUpload', {
      trackId: trackIds[0],
      fileName: 'notes.mp3',
      byteSize: text.length
    })) as {
      result: UploadStatus;
    };
    await dispatch(library, 'recordings.uploadChunk', { uploadId: begun.result.uploadId, offset: 0, data: text.toString('base64') });
    const finished = await dispatch(library, 'recordings.finishUpload', { uploadId: begun.result.uploadId });
    expect(finished).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_AUDIO' } });
    expect(readdirSync(join(library.home, 'incoming'))).toEqual([]);
    expect(readdirSync(library.mediaDir)).toEqual([]);
  });

  it('refuses more bytes than announced', async () => {
    const { library, trackIds } = seeded();
    const begun = (await dispatch(library, 'recordings.beginUpload', { trackId: trackIds[0], fileName: 'a.wav', byteSize: 4 })) as {
      result: UploadStatus;
    };
    const sent = await dispatch(library, 'recordings.uploadChunk', {
      uploadId: begun.result.uploadId,
      offset: 0,
      data: Buffer.from('123456').toString('base64')
    });
    expect(sent).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/larger than announced/) } });
  });
});

describe('the stand-ins', () => {
  it('are attached to The Red Shoes on first launch, marked, with cues linked to the ballet scenes', async () => {
    execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'make-stand-ins.mjs')]);
    const standIns = join(__dirname, '..', '..', 'resources', 'stand-ins');
    const { library, trackIds } = seeded();
    expect(await seedStandIns(library, standIns)).toBe(true);
    const recordings: Recording[] = listRecordings(library, listFilms(library.db)[0].id);
    // Written by the project's own code as 16-bit PCM WAV, long enough for the cues that follow their sections.
    expect(recordings.map((r) => [r.trackId, r.standIn, r.mimeType, r.sampleRate, r.channels, r.durationMs])).toEqual([
      [trackIds[0], true, 'audio/wav', 22050, 1, 40_500],
      [trackIds[1], true, 'audio/wav', 22050, 1, 16_200]
    ]);
    for (const [r, file] of recordings.map((r, i) => [r, ['the-red-shoes-ballet.wav', 'entracte.wav'][i]] as const)) {
      // The 44-byte header and two bytes a sample: nothing else in the file.
      expect(r.byteSize).toBe(statSync(join(standIns, file)).size);
      expect(r.byteSize).toBe(44 + (r.durationMs / 1000) * 22050 * 2);
    }
    const dream = library.db.prepare("SELECT id FROM scenes WHERE title = 'The Dream Sequence'").pluck().get() as number;
    expect(cuesForScene(library.db, dream).map((c) => [c.label, c.trackTitle, c.recordingId])).toEqual([
      ['The dream', 'The Red Shoes Ballet', recordings[0].id]
    ]);
    // Once only: a person who removes them does not get them back.
    expect(await seedStandIns(library, standIns)).toBe(false);
  });
});

describe('the incoming folder', () => {
  it('is emptied of what an earlier process left behind when the library is opened (its lock held)', async () => {
    const { library: first, trackIds } = seeded();
    first.close();
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(join(first.home, 'incoming'), { recursive: true });
    writeFileSync(join(first.home, 'incoming', 'left-by-a-crash.upload'), 'partial');
    const library = openLibrary({ home: first.home });
    try {
      expect(existsSync(join(library.home, 'incoming'))).toBe(false);
      const begun = await dispatch(library, 'recordings.beginUpload', { trackId: trackIds[0], fileName: 'a.wav', byteSize: 10 });
      expect(begun.ok).toBe(true);
      expect(readdirSync(join(library.home, 'incoming'))).toEqual([`${(begun as { result: UploadStatus }).result.uploadId}.upload`]);
    } finally {
      library.close();
    }
  });
});
