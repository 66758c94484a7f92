import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/dispatch';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import { mediaFile } from '../../src/core/media-files';
import type { FrameGrab } from '../../src/shared/frames';
import { frameHashOf } from '../../src/shared/frames';
import { parseMediaPath } from '../../src/shared/media-url';
import { filmsDir, tempLibrary } from '../temp-library';
import { makeVideoFixtures, type VideoFixtures } from '../video-fixtures';

let films: VideoFixtures;
let frame7: string;
beforeAll(() => {
  films = makeVideoFixtures();
  frame7 = join(films.dir, 'frame-7.png');
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', films.mp4, '-vf', 'select=eq(n\\,7)', '-frames:v', '1', frame7]);
});
afterAll(() => films.remove());

async function call<R>(library: ReturnType<typeof tempLibrary>, method: string, input: unknown) {
  const outcome = await dispatch(library, method, input);
  return outcome as { ok: true; result: R } | { ok: false; error: { code: string; message: string } };
}

function redShoes() {
  const library = tempLibrary();
  seedDefaultLibrary(library, filmsDir);
  return library;
}

describe('a frame grab', () => {
  it('is kept by its hash, cited by the film, the year its file names and the time, and served by that hash', async () => {
    const library = redShoes();
    expect((await call(library, 'video.attach', { filmId: 1, path: films.mp4 })).ok).toBe(true);
    const png = readFileSync(frame7);
    const answer = await call<FrameGrab>(library, 'frames.grab', { filmId: 1, timeMs: 280, png: png.toString('base64') });
    if (!answer.ok) throw new Error(answer.error.message);
    const grab = answer.result;
    const sha256 = execFileSync('sha256sum', [frame7]).toString().split(' ')[0];
    expect(grab).toMatchObject({ filmId: 1, timeMs: 280, sha256, width: 320, height: 180, citation: '*The Red Shoes* (1948), 00:00:00' });
    expect(grab.markdown).toBe(`![*The Red Shoes* (1948), 00:00:00](frames/${sha256}.png)`);
    expect(frameHashOf(`frames/${sha256}.png`)).toBe(sha256);
    const route = parseMediaPath(`frame/${sha256}`);
    expect(route).toEqual({ kind: 'frame', sha256 });
    const served = mediaFile(library, route!);
    expect(served.mimeType).toBe('image/png');
    expect(readFileSync(served.path).equals(png)).toBe(true);
    // The same frame again is the same grab, one file.
    const again = await call<FrameGrab>(library, 'frames.grab', { filmId: 1, timeMs: 290, png: png.toString('base64') });
    expect(again.ok && again.result.id).toBe(grab.id);
    expect(await call(library, 'frames.list', { filmId: 1 })).toEqual({ ok: true, result: [{ ...grab, timeMs: 290 }] });
  });

  it('leaves out a year the film file does not name', async () => {
    const library = redShoes();
    await call(library, 'video.attach', { filmId: 1, path: films.webm });
    const answer = await call<FrameGrab>(library, 'frames.grab', {
      filmId: 1,
      timeMs: 3_723_000,
      png: readFileSync(frame7).toString('base64')
    });
    expect(answer.ok && answer.result.citation).toBe('*The Red Shoes*, 01:02:03');
  });

  it('refuses what is not a PNG, and a film with no video, writing nothing', async () => {
    const library = redShoes();
    const png = readFileSync(frame7).toString('base64');
    expect(await call(library, 'frames.grab', { filmId: 1, timeMs: 0, png })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await call(library, 'video.attach', { filmId: 1, path: films.mp4 });
    const text = Buffer.from('not a picture at all, only words about one').toString('base64');
    expect(await call(library, 'frames.grab', { filmId: 1, timeMs: 0, png: text })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'A frame grab must be a PNG image.' }
    });
    expect(library.db.prepare('SELECT count(*) FROM frame_grabs').pluck().get()).toBe(0);
    expect(() => mediaFile(library, { kind: 'frame', sha256: 'a'.repeat(64) })).toThrow(/no such frame grab/);
    expect(existsSync(join(library.mediaDir, `${'a'.repeat(64)}.png`))).toBe(false);
  });
});
