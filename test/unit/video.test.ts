import { appendFileSync, copyFileSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../src/core/dispatch';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import { mediaFile } from '../../src/core/media-files';
import { answerMediaRequest } from '../../src/core/recordings/media-range';
import { fingerprintFile } from '../../src/core/video/video';
import { parseMediaPath } from '../../src/shared/media-url';
import type { AudioConversion, FilmVideo } from '../../src/shared/video';
import { startWebHost } from '../../src/web/server';
import { filmsDir, tempHome, tempLibrary } from '../temp-library';
import { makeVideoFixtures, writeTestFilm, type VideoFixtures } from '../video-fixtures';

let films: VideoFixtures;
beforeAll(() => {
  films = makeVideoFixtures();
});
afterAll(() => films.remove());

function redShoes() {
  const library = tempLibrary();
  seedDefaultLibrary(library, filmsDir);
  return library;
}

type Library = ReturnType<typeof redShoes>;

async function call<R>(library: Library, method: string, input: unknown): Promise<R> {
  const outcome = await dispatch(library, method, input);
  if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { code: outcome.error.code });
  return outcome.result as R;
}

async function refusal(library: Library, method: string, input: unknown): Promise<{ code: string; message: string }> {
  const outcome = await dispatch(library, method, input);
  if (outcome.ok) throw new Error(`${method} was not refused`);
  return outcome.error;
}

/** A copy of a fixture in a folder of its own, which a test may move or change. */
function ownCopy(source: string, name = 'the-red-shoes.mp4'): string {
  const path = join(tempHome(), name);
  copyFileSync(source, path);
  return path;
}

describe('attaching the film', () => {
  it('reads an H.264/AAC MP4 from its container: running time, frame rate, picture size, tracks', async () => {
    const library = redShoes();
    const video = await call<FilmVideo>(library, 'video.attach', { filmId: 1, path: films.mp4 });
    expect(video).toMatchObject({
      filmId: 1,
      path: films.mp4,
      fileName: 'film.mp4',
      container: 'MP4',
      mimeType: 'video/mp4',
      videoCodec: 'avc',
      durationMs: films.seconds * 1000,
      frameRate: films.fps,
      width: 320,
      height: 180,
      status: 'ready',
      subtitleTracks: []
    });
    expect(video.audioTracks).toEqual([{ number: 1, codec: 'aac', language: 'und', channels: 1, sampleRate: 48000, playable: true }]);
    expect(video.fingerprint).toBe(fingerprintFile(films.mp4));
    expect(await call(library, 'video.get', { filmId: 1 })).toEqual(video);
  });

  it('reads VP9/Opus WebM, and AC-3 in Matroska as a picture that plays with a sound that does not', async () => {
    const library = redShoes();
    const webm = await call<FilmVideo>(library, 'video.attach', { filmId: 1, path: films.webm });
    expect(webm).toMatchObject({ container: 'WebM', videoCodec: 'vp9', frameRate: films.fps });
    expect(webm.audioTracks.map((t) => [t.codec, t.playable])).toEqual([['opus', true]]);
    // Attaching again replaces the film's video.
    const mkv = await call<FilmVideo>(library, 'video.attach', { filmId: 1, path: films.ac3Mkv });
    expect(mkv).toMatchObject({ container: 'Matroska', videoCodec: 'avc' });
    // The running time is where the last packets end, as ffprobe reads them, to the frame.
    for (const video of [webm, mkv]) {
      const probed = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', video.path]);
      expect(Math.abs(video.durationMs - Number(probed.toString()) * 1000)).toBeLessThanOrEqual(1000 / films.fps);
    }
    expect(mkv.audioTracks).toEqual([{ number: 1, codec: 'ac3', language: 'und', channels: 2, sampleRate: 48000, playable: false }]);
    expect(library.db.prepare('SELECT count(*) FROM film_videos').pluck().get()).toBe(1);
  });

  it.each([
    ['HEVC', () => films.hevcMp4, /film-hevc\.mp4: its picture is HEVC \(H\.265\), which Chromium .* cannot decode.*libx264/],
    ['a file cut short', () => films.truncatedMp4, /film-cut\.mp4: the file is cut short/],
    ['a Matroska file cut short', () => films.truncatedMkv, /film-cut\.mkv: the file is cut short/],
    ['text named .mp4', () => films.textAsMp4, /notes\.mp4: this is not a film file Reelnotes can read/]
  ])('refuses %s with a message naming the file and the cause, and writes nothing', async (_name, path, message) => {
    const library = redShoes();
    await call(library, 'video.attach', { filmId: 1, path: films.mp4 });
    const before = library.db.prepare('SELECT * FROM film_videos').all();
    const error = await refusal(library, 'video.attach', { filmId: 1, path: path() });
    expect(error.code).toBe('UNSUPPORTED_VIDEO');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/Nothing was attached\.$/);
    expect(library.db.prepare('SELECT * FROM film_videos').all()).toEqual(before);
  });

  it('refuses a relative path, a path with no file and an empty file, by name', async () => {
    const library = redShoes();
    expect(await refusal(library, 'video.attach', { filmId: 1, path: 'films/red-shoes.mp4' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/films\/red-shoes\.mp4: give the film's full path/)
    });
    expect(await refusal(library, 'video.attach', { filmId: 1, path: '/nowhere/red-shoes.mp4' })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no file at /nowhere/red-shoes.mp4 that Reelnotes can read.'
    });
    const empty = join(tempHome(), 'empty.mp4');
    writeFileSync(empty, '');
    expect(await refusal(library, 'video.attach', { filmId: 1, path: empty })).toMatchObject({ code: 'UNSUPPORTED_VIDEO' });
    expect(await refusal(library, 'video.attach', { filmId: 99, path: films.mp4 })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await call(library, 'video.get', { filmId: 1 })).toBeNull();
  });
});

describe('a film that moves or changes', () => {
  it('is found missing when moved, relinked to its new place, and playable again', async () => {
    const library = redShoes();
    const path = ownCopy(films.mp4);
    await call(library, 'video.attach', { filmId: 1, path });
    const moved = join(tempHome(), 'moved.mp4');
    renameSync(path, moved);
    expect(await call<FilmVideo>(library, 'video.get', { filmId: 1 })).toMatchObject({ status: 'missing', path });
    expect(() => mediaFile(library, { kind: 'film-video', filmId: 1 })).toThrow(/relink it/);
    const relinked = await call<FilmVideo>(library, 'video.relink', { filmId: 1, path: moved });
    expect(relinked).toMatchObject({ status: 'ready', path: moved, fileName: 'moved.mp4', durationMs: films.seconds * 1000 });
    expect(mediaFile(library, { kind: 'film-video', filmId: 1 })).toEqual({ path: moved, mimeType: 'video/mp4' });
  });

  it('will not relink to another file, and says so', async () => {
    const library = redShoes();
    await call(library, 'video.attach', { filmId: 1, path: ownCopy(films.mp4) });
    const error = await refusal(library, 'video.relink', { filmId: 1, path: films.webm });
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^film\.webm is not the file that was attached/) });
  });

  it('is found changed when its bytes change, even at the same size', async () => {
    const library = redShoes();
    const path = ownCopy(films.mp4);
    await call(library, 'video.attach', { filmId: 1, path });
    const bytes = readFileSync(path);
    // One byte in the middle: the fingerprint reads the head, the middle and the tail.
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle] ^ 0xff;
    writeFileSync(path, bytes);
    expect(await call<FilmVideo>(library, 'video.get', { filmId: 1 })).toMatchObject({ status: 'changed' });
    appendFileSync(path, 'more');
    expect(await call<FilmVideo>(library, 'video.get', { filmId: 1 })).toMatchObject({ status: 'changed' });
  });

  it('is forgotten on detach, the file left where it lies', async () => {
    const library = redShoes();
    const path = ownCopy(films.mp4);
    await call(library, 'video.attach', { filmId: 1, path });
    expect(await call(library, 'video.detach', { filmId: 1 })).toEqual({ filmId: 1 });
    expect(await call(library, 'video.get', { filmId: 1 })).toBeNull();
    expect(readFileSync(path).equals(readFileSync(films.mp4))).toBe(true);
  });
});

describe('the film served by id', () => {
  it('reads media addresses of both hosts and nothing else', () => {
    expect(parseMediaPath('film/3/video')).toEqual({ kind: 'film-video', filmId: 3 });
    expect(parseMediaPath('recording/7')).toEqual({ kind: 'recording', recordingId: 7 });
    expect(parseMediaPath('7')).toEqual({ kind: 'recording', recordingId: 7 });
    for (const bad of ['film/0/video', 'film/3', 'film/3/video/..', '../film/3/video', 'film/x/video'])
      expect(parseMediaPath(bad)).toBeNull();
  });

  it('answers Range requests in the browser host with the file bytes (206, 416)', async () => {
    const library = redShoes();
    await call(library, 'video.attach', { filmId: 1, path: films.mp4 });
    const rendererDir = tempHome();
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    const host = await startWebHost({ library, rendererDir, token: 'video-test-token-0123456789', port: 0 });
    try {
      const at = `http://127.0.0.1:${host.port}/media/film/1/video`;
      const headers = { Authorization: 'Bearer video-test-token-0123456789' };
      const part = await fetch(at, { headers: { ...headers, Range: 'bytes=100-199' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-type')).toBe('video/mp4');
      expect(Buffer.from(await part.arrayBuffer()).equals(readFileSync(films.mp4).subarray(100, 200))).toBe(true);
      const past = await fetch(at, { headers: { ...headers, Range: `bytes=${readFileSync(films.mp4).length}-` } });
      expect(past.status).toBe(416);
      expect((await fetch(at)).status).toBe(401);
      expect((await fetch(`http://127.0.0.1:${host.port}/media/film/2/video`, { headers })).status).toBe(404);
    } finally {
      await host.close();
    }
  });

  it('serves the same bytes through the shared Range responder', () => {
    const answer = answerMediaRequest({ path: films.webm, mimeType: 'video/webm' }, { method: 'HEAD', range: 'bytes=0-9' });
    expect(answer).toMatchObject({ status: 206, body: null, headers: { 'Content-Range': expect.stringMatching(/^bytes 0-9\/\d+$/) } });
  });
});

describe("converting the film's AC-3 sound", () => {
  const converted = async (library: Library) =>
    vi.waitFor(
      async () => {
        const status = await call<AudioConversion>(library, 'video.conversionStatus', { filmId: 1 });
        if (status.state === 'converting') throw new Error(`still converting (${status.fraction})`);
        return status;
      },
      { timeout: 60_000, interval: 50 }
    );

  it('makes a stereo WAV in the library, as long as the picture, served by id', async () => {
    const library = redShoes();
    await call(library, 'video.attach', { filmId: 1, path: films.ac3Mkv });
    const started = await call<AudioConversion>(library, 'video.convertAudio', { filmId: 1 });
    expect(started).toMatchObject({ filmId: 1, state: 'converting' });
    expect(await converted(library)).toEqual({ filmId: 1, state: 'done', fraction: 1, message: null });
    expect(await call<FilmVideo>(library, 'video.get', { filmId: 1 })).toMatchObject({ convertedAudioTrack: 1, status: 'ready' });
    const { path, mimeType } = mediaFile(library, { kind: 'film-audio', filmId: 1 });
    expect(mimeType).toBe('audio/wav');
    expect(path.startsWith(library.mediaDir)).toBe(true);
    const probe = JSON.parse(
      execFileSync('ffprobe', [
        '-v',
        'error',
        '-of',
        'json',
        '-show_entries',
        'stream=codec_name,channels,sample_rate,duration',
        path
      ]).toString()
    ) as { streams: { codec_name: string; channels: number; sample_rate: string; duration: string }[] };
    expect(probe.streams[0]).toMatchObject({ codec_name: 'pcm_s16le', channels: 2, sample_rate: '48000' });
    // In sync needs the same length: within one frame of the picture's running time.
    expect(Math.abs(Number(probe.streams[0].duration) * 1000 - films.seconds * 1000)).toBeLessThanOrEqual(1000 / films.fps);
    // Nothing is left in the staging folder.
    expect(readdirSync(join(library.home, 'incoming'))).toEqual([]);
    // Detaching the film deletes what was converted from it.
    await call(library, 'video.detach', { filmId: 1 });
    expect(existsSync(path)).toBe(false);
  });

  it('cancelled, leaves nothing behind and the film as it was', async () => {
    const dir = tempHome();
    const long = writeTestFilm(dir, 'film-ac3.mkv', 60);
    {
      const library = redShoes();
      await call(library, 'video.attach', { filmId: 1, path: long });
      await call(library, 'video.convertAudio', { filmId: 1 });
      expect(await call<AudioConversion>(library, 'video.cancelConversion', { filmId: 1 })).toMatchObject({ state: 'cancelled' });
      expect(readdirSync(join(library.home, 'incoming'))).toEqual([]);
      expect(readdirSync(library.mediaDir).filter((name) => name.endsWith('.wav'))).toEqual([]);
      expect(await call<FilmVideo>(library, 'video.get', { filmId: 1 })).toMatchObject({ convertedAudioTrack: null });
      expect(() => mediaFile(library, { kind: 'film-audio', filmId: 1 })).toThrow(/has not been converted/);
    }
  });

  it('refuses a film whose sound already plays, and one with no film attached', async () => {
    const library = redShoes();
    expect(await refusal(library, 'video.convertAudio', { filmId: 1 })).toMatchObject({ code: 'NOT_FOUND' });
    await call(library, 'video.attach', { filmId: 1, path: films.mp4 });
    expect(await refusal(library, 'video.convertAudio', { filmId: 1 })).toEqual({
      code: 'CONFLICT',
      message: 'film.mp4: its sound already plays; there is nothing to convert.'
    });
    expect(await call(library, 'video.conversionStatus', { filmId: 1 })).toEqual({ filmId: 1, state: 'idle', fraction: 0, message: null });
  });
});
