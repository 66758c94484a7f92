import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadStream } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerMediaRequest, parseRange } from '../../src/core/recordings/media-range';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import { listFilms } from '../../src/core/films/films';
import { listTracks } from '../../src/core/tracks/tracks';
import { attachFile } from '../../src/core/recordings/recordings';
import { dispatch } from '../../src/core/dispatch';
import type { UploadStatus } from '../../src/shared/score';
import { startWebHost, type WebHost } from '../../src/web/server';
import { makeAudioFixtures, type AudioFixtures } from '../audio-fixtures';
import { openLibrary, type Library } from '../../src/core/library/library';
import { filmsDir } from '../temp-library';

let dir: string;
let file: { path: string; mimeType: string };
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reelnotes-range-'));
  file = { path: join(dir, 'a.ogg'), mimeType: 'audio/ogg' };
  writeFileSync(file.path, bytes);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(stream: ReadStream | null): Promise<Buffer> {
  if (!stream) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('answering a media request', () => {
  it('answers a range with 206 and exactly those bytes', async () => {
    const answer = answerMediaRequest(file, { method: 'GET', range: 'bytes=100-199' });
    expect(answer.status).toBe(206);
    expect(answer.headers).toMatchObject({
      'Content-Range': 'bytes 100-199/1000',
      'Content-Length': '100',
      'Content-Type': 'audio/ogg',
      'X-Content-Type-Options': 'nosniff',
      'Accept-Ranges': 'bytes'
    });
    expect(await read(answer.body)).toEqual(bytes.subarray(100, 200));
  });

  it('answers open-ended and suffix ranges, clamping the end to the file', async () => {
    const open = answerMediaRequest(file, { method: 'GET', range: 'bytes=990-' });
    expect(open.headers['Content-Range']).toBe('bytes 990-999/1000');
    expect(await read(open.body)).toEqual(bytes.subarray(990));
    const suffix = answerMediaRequest(file, { method: 'GET', range: 'bytes=-10' });
    expect(await read(suffix.body)).toEqual(bytes.subarray(990));
    expect(parseRange('bytes=0-5000', 1000)).toEqual({ start: 0, end: 999 });
  });

  it('answers 416 for a range past the end', async () => {
    const answer = answerMediaRequest(file, { method: 'GET', range: 'bytes=1000-1010' });
    expect(answer.status).toBe(416);
    expect(answer.headers['Content-Range']).toBe('bytes */1000');
    expect(answer.body).toBeNull();
    expect(parseRange('bytes=500-100', 1000)).toBe('unsatisfiable');
  });

  it('sends the whole file without a range (or with one it cannot read), and headers only for HEAD', async () => {
    const whole = answerMediaRequest(file, { method: 'GET', range: undefined });
    expect(whole.status).toBe(200);
    expect(whole.headers['Content-Length']).toBe('1000');
    expect(await read(whole.body)).toEqual(bytes);
    expect(answerMediaRequest(file, { method: 'GET', range: 'bytes=0-1,5-9' }).status).toBe(200);
    const head = answerMediaRequest(file, { method: 'HEAD', range: 'bytes=0-9' });
    expect(head.status).toBe(206);
    expect(head.body).toBeNull();
  });

  it('refuses every other method', () => {
    const answer = answerMediaRequest(file, { method: 'POST', range: undefined });
    expect(answer.status).toBe(405);
    expect(answer.headers.Allow).toBe('GET, HEAD');
  });
});

describe('the browser host routes for recordings', () => {
  let audio: AudioFixtures;
  let host: WebHost;
  let recordingId: number;
  let trackId: number;
  // Opened here rather than with tempLibrary(), which closes its library after each test.
  let library: Library;
  const token = 'unit-test-token-0123456789';

  beforeAll(async () => {
    audio = makeAudioFixtures(1);
    library = openLibrary({ home: mkdtempSync(join(tmpdir(), 'reelnotes-media-')) });
    seedDefaultLibrary(library, filmsDir);
    trackId = listTracks(library.db, listFilms(library.db)[0].id)[0].id;
    recordingId = (await attachFile(library, trackId, audio.formats[0].path)).id;
    host = await startWebHost({ library, rendererDir: dir, token, port: 0 });
  });
  afterAll(async () => {
    await host.close();
    library.close();
    rmSync(library.home, { recursive: true, force: true });
    audio.remove();
  });

  const media = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    fetch(`http://127.0.0.1:${host.port}${path}`, { method, headers });

  it('serves a recording by id to a holder of the token cookie, with ranges', async () => {
    const response = await media(`/media/${recordingId}`, { Cookie: `reelnotes_token=${token}`, Range: 'bytes=0-3' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-type')).toBe('audio/ogg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer()).toString('latin1')).toBe('OggS');
  });

  it('refuses a request without the token, by path, for an unknown id, or with another method', async () => {
    expect((await media(`/media/${recordingId}`)).status).toBe(401);
    const cookie = { Cookie: `reelnotes_token=${token}` };
    expect((await media('/media/..%2Flibrary.sqlite', cookie)).status).toBe(404);
    expect((await media('/media/999', cookie)).status).toBe(404);
    expect((await media(`/media/${recordingId}`, cookie, 'DELETE')).status).toBe(405);
  });

  async function begin(byteSize: number): Promise<string> {
    const outcome = await dispatch(library, 'recordings.beginUpload', { trackId, fileName: 'upload.ogg', byteSize });
    return (outcome as { result: UploadStatus }).result.uploadId;
  }
  const upload = (
    uploadId: string,
    body: Buffer,
    headers: Record<string, string> = { Authorization: `Bearer ${token}` },
    method = 'POST'
  ) =>
    fetch(`http://127.0.0.1:${host.port}/upload/recording?uploadId=${uploadId}`, {
      method,
      headers,
      body: method === 'POST' ? body : undefined
    });

  it('takes a streamed upload and attaches it', async () => {
    const bytes = readFileSync(audio.formats[0].path);
    const response = await upload(await begin(bytes.length), bytes);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, result: { trackId, codec: 'Vorbis I', originalName: 'upload.ogg' } });
  });

  it('refuses an upload without the token, with another method, or larger than announced, keeping nothing', async () => {
    const bytes = readFileSync(audio.formats[0].path);
    expect((await upload(await begin(bytes.length), bytes, {})).status).toBe(401);
    expect((await upload(await begin(bytes.length), bytes, { Authorization: `Bearer ${token}` }, 'GET')).status).toBe(405);
    const tooBigId = await begin(bytes.length - 100);
    expect(readdirSync(join(library.home, 'incoming'))).toContain(`${tooBigId}.upload`);
    const tooBig = await upload(tooBigId, bytes);
    expect(tooBig.status).toBe(400);
    expect(await tooBig.json()).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/larger than announced/) }
    });
    expect(readdirSync(join(library.home, 'incoming'))).not.toContain(`${tooBigId}.upload`);
  });
});
