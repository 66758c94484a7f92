import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/core/content-policy';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import { exportLibrary, serialiseArchive } from '../../src/core/library/archive';
import { startWebHost, type WebHost } from '../../src/web/server';
import { filmsDir, tempHome, tempLibrary } from '../temp-library';

const token = 'test-token-0123456789abcdef';
const indexHtml = '<!doctype html><title>Reelnotes</title><script type="module" src="/assets/app.js"></script>';
const secret = 'SECRET-NEXT-TO-THE-RENDERER';

const started: WebHost[] = [];
afterEach(async () => {
  for (const host of started.splice(0)) await host.close();
});

/** A real host on a free port, over a seeded temp library and a small renderer folder. */
async function startHost(): Promise<{ host: WebHost; origin: string }> {
  const library = tempLibrary();
  seedDefaultLibrary(library, filmsDir);
  const root = tempHome();
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), indexHtml);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("reelnotes");');
  // Files beside the renderer folder must never be reachable through it.
  writeFileSync(join(root, 'secret.txt'), secret);
  writeFileSync(join(root, 'package.json'), secret);
  const host = await startWebHost({ library, rendererDir, token, port: 0 });
  started.push(host);
  return { host, origin: `http://127.0.0.1:${host.port}` };
}

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** node:http, because fetch normalises paths and will not let us set Host. */
function raw(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; setHost?: boolean } = {}
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const { method = 'GET', headers, setHost = true } = options;
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers, setHost }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = { 'Content-Type': 'application/json' };

interface Envelope {
  ok: boolean;
  result?: unknown;
  error?: { code: string; message: string };
}
const envelope = async (response: Response): Promise<Envelope> => (await response.json()) as Envelope;
const bearer = { Authorization: `Bearer ${token}` };

describe('the browser host API', () => {
  it('answers a call with the Bearer token in the ok envelope', async () => {
    const { origin } = await startHost();
    const response = await fetch(`${origin}/api/films.list`, { method: 'POST', headers: { ...json, ...bearer }, body: '{}' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await envelope(response)).toEqual({
      ok: true,
      result: [{ id: expect.any(Number), title: 'The Red Shoes', composer: 'Brian Easdale', sceneCount: 9 }]
    });
  });

  it('maps error codes to statuses with the error envelope', async () => {
    const { origin } = await startHost();
    const call = (method: string, body: string) =>
      fetch(`${origin}/api/${method}`, { method: 'POST', headers: { ...json, ...bearer }, body });
    const missing = await call('films.get', '{"filmId":424242}');
    expect(missing.status).toBe(404);
    expect(await envelope(missing)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no film with id 424242 in the library.' }
    });
    const unknown = await call('films.burn', '{}');
    expect(unknown.status).toBe(404);
    expect((await envelope(unknown)).error?.code).toBe('UNKNOWN_METHOD');
    const invalid = await call('films.get', '{"filmId":-3}');
    expect(invalid.status).toBe(400);
    expect((await envelope(invalid)).error).toEqual({ code: 'INVALID_INPUT', message: expect.stringContaining('filmId') });
  });

  it('refuses a call without a token, or with a wrong one, with 401', async () => {
    const { origin } = await startHost();
    for (const headers of [
      json,
      { ...json, Authorization: 'Bearer wrong-token' },
      { ...json, Authorization: `Bearer ${token}x` },
      { ...json, Authorization: token }
    ]) {
      const response = await fetch(`${origin}/api/films.list`, { method: 'POST', headers, body: '{}' });
      expect(response.status).toBe(401);
      expect(await envelope(response)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('token') } });
    }
  });

  it('accepts the token cookie instead of the header, but not a wrong cookie', async () => {
    const { origin } = await startHost();
    const withCookie = (value: string) =>
      fetch(`${origin}/api/films.list`, {
        method: 'POST',
        headers: { ...json, Cookie: `theme=dark; reelnotes_token=${value}` },
        body: '{}'
      });
    expect((await withCookie(token)).status).toBe(200);
    expect((await withCookie('nope')).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) with 403, even with the token', async () => {
    const { host } = await startHost();
    for (const hostHeader of [
      'evil.example',
      `evil.example:${host.port}`,
      `127.0.0.1:${host.port + 1}`,
      `127.0.0.1.evil.example:${host.port}`
    ]) {
      const answer = await raw(host.port, '/api/films.list', {
        method: 'POST',
        headers: { ...json, ...bearer, Host: hostHeader },
        body: '{}'
      });
      expect(answer.status, hostHeader).toBe(403);
      expect(JSON.parse(answer.body).error?.code).toBe('FORBIDDEN');
      const page = await raw(host.port, '/', { headers: { Host: hostHeader } });
      expect(page.status).toBe(403);
      expect(page.body).not.toContain('<title>Reelnotes');
    }
    const own = await raw(host.port, '/api/films.list', {
      method: 'POST',
      headers: { ...json, ...bearer, Host: `localhost:${host.port}` },
      body: '{}'
    });
    expect(own.status).toBe(200);
    const hostless = await raw(host.port, '/api/films.list', {
      method: 'POST',
      headers: { ...json, ...bearer },
      body: '{}',
      setHost: false
    });
    expect([400, 403]).toContain(hostless.status);
  });

  it('refuses a foreign Origin with 403, even with the token', async () => {
    const { host, origin } = await startHost();
    for (const foreign of ['http://evil.example', `https://127.0.0.1:${host.port}`, `http://127.0.0.1:${host.port + 1}`, 'null']) {
      const answer = await raw(host.port, '/api/films.list', {
        method: 'POST',
        headers: { ...json, ...bearer, Origin: foreign },
        body: '{}'
      });
      expect(answer.status, foreign).toBe(403);
      expect(JSON.parse(answer.body).error?.code).toBe('FORBIDDEN');
    }
    const own = await raw(host.port, '/api/films.list', { method: 'POST', headers: { ...json, ...bearer, Origin: origin }, body: '{}' });
    expect(own.status).toBe(200);
  });

  it('answers GET on the API with 405 and Allow: POST', async () => {
    const { origin } = await startHost();
    const response = await fetch(`${origin}/api/films.list`, { headers: bearer });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('refuses a body that is not JSON by its content type with 415', async () => {
    const { origin } = await startHost();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await fetch(`${origin}/api/films.list`, {
        method: 'POST',
        headers: { ...bearer, 'Content-Type': type },
        body: '{}'
      });
      expect(response.status, type).toBe(415);
      expect((await envelope(response)).error?.code).toBe('INVALID_INPUT');
    }
  });

  it('refuses malformed JSON with 400 INVALID_INPUT', async () => {
    const { origin } = await startHost();
    for (const body of ['{', '{"filmId":1,}', 'undefined', "{'a':1}"]) {
      const response = await fetch(`${origin}/api/films.get`, { method: 'POST', headers: { ...json, ...bearer }, body });
      expect(response.status, body).toBe(400);
      expect(await envelope(response)).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' }
      });
    }
  });

  it('refuses a body over 16 MB with 413 and an answer the page can show, and stays up', async () => {
    const { origin } = await startHost();
    const huge = JSON.stringify({ fileName: 'huge.txt', text: 'x'.repeat(17 * 1024 * 1024) });
    const response = await fetch(`${origin}/api/library.importFilmPage`, { method: 'POST', headers: { ...json, ...bearer }, body: huge });
    expect(response.status).toBe(413);
    expect(await envelope(response)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'The request is larger than 16 MB.' } });
    const films = await fetch(`${origin}/api/films.list`, { method: 'POST', headers: { ...json, ...bearer }, body: '{}' });
    expect((await envelope(films)).result).toHaveLength(1);
  });

  it('refuses the methods that take a file by path, which only the desktop app gives, naming the way it takes files', async () => {
    const { origin } = await startHost();
    const page = join(filmsDir, 'the-red-shoes.txt');
    for (const [method, input] of [
      ['library.importFilmPageFile', { path: page }],
      ['recordings.attachPath', { trackId: 1, path: page }],
      ['library.restoreArchiveFile', { path: page, mode: 'merge' }],
      // A text file's path form (the desktop app's), where the page sends the name and text instead.
      ['cues.importFile', { trackId: 1, format: 'audacity', path: page }],
      ['subtitles.import', { filmId: 1, path: page }],
      ['exchange.previewTable', { path: page }]
    ] as const) {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { ...json, ...bearer },
        body: JSON.stringify(input)
      });
      expect(response.status, method).toBe(400);
      expect((await envelope(response)).error).toEqual({
        code: 'INVALID_INPUT',
        message: `${method} takes a file by its path, which only the desktop app gives: here the page uploads the file.`
      });
    }
  });

  it('reads a body just under the limit', async () => {
    const { origin } = await startHost();
    const padded = `{"filmId":424242}${' '.repeat(16 * 1024 * 1024 - 100)}`;
    const response = await fetch(`${origin}/api/films.get`, { method: 'POST', headers: { ...json, ...bearer }, body: padded });
    expect(response.status).toBe(404);
    expect((await envelope(response)).error?.code).toBe('NOT_FOUND');
  });
});

describe('the browser host receiving a library file', () => {
  it('takes it as a streamed body at /upload/archive, then restores it from disk by its own call', async () => {
    const { origin } = await startHost();
    const source = tempLibrary();
    seedDefaultLibrary(source, filmsDir);
    source.db.prepare("UPDATE films SET title = 'The Red Shoes, as restored'").run();
    const bytes = Buffer.from(serialiseArchive(exportLibrary(source.db)));
    const call = (method: string, input: unknown) =>
      fetch(`${origin}/api/${method}`, { method: 'POST', headers: { ...json, ...bearer }, body: JSON.stringify(input) });
    const begun = (await envelope(await call('library.beginArchiveUpload', { fileName: 'mine.json', byteSize: bytes.length }))).result as {
      uploadId: string;
    };

    const unauthorised = await fetch(`${origin}/upload/archive?uploadId=${begun.uploadId}`, { method: 'POST', body: bytes });
    expect(unauthorised.status).toBe(401);
    const sent = await fetch(`${origin}/upload/archive?uploadId=${begun.uploadId}`, { method: 'POST', headers: bearer, body: bytes });
    expect(await envelope(sent)).toEqual({ ok: true, result: { uploadId: begun.uploadId } });
    const restored = await envelope(await call('library.restoreArchive', { uploadId: begun.uploadId, mode: 'replace' }));
    expect(restored).toMatchObject({ ok: true, result: { mode: 'replace', saved: { reason: 'before-restore' } } });
    const films = (await envelope(await call('films.list', {}))).result as { title: string }[];
    expect(films.map((f) => f.title)).toEqual(['The Red Shoes, as restored']);
  });

  it('refuses a body larger than announced, and the upload is over', async () => {
    const { origin } = await startHost();
    const call = (method: string, input: unknown) =>
      fetch(`${origin}/api/${method}`, { method: 'POST', headers: { ...json, ...bearer }, body: JSON.stringify(input) });
    const begun = (await envelope(await call('library.beginArchiveUpload', { fileName: 'mine.json', byteSize: 10 }))).result as {
      uploadId: string;
    };
    const sent = await fetch(`${origin}/upload/archive?uploadId=${begun.uploadId}`, {
      method: 'POST',
      headers: bearer,
      body: '{"format": "reelnotes-library"}'
    });
    expect(sent.status).toBe(400);
    expect(await envelope(sent)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'mine.json is larger than announced (10 bytes).' }
    });
    expect((await envelope(await call('library.restoreArchive', { uploadId: begun.uploadId, mode: 'merge' }))).error?.code).toBe(
      'NOT_FOUND'
    );
  });
});

describe("the browser host's study download", () => {
  it("answers the token with the study as a ZIP under the film's name, and refuses the rest", async () => {
    const { origin } = await startHost();
    const archive = await fetch(`${origin}/export/study/1.zip`, { headers: bearer });
    expect(archive.status).toBe(200);
    expect(archive.headers.get('content-type')).toBe('application/zip');
    expect(archive.headers.get('content-disposition')).toBe('attachment; filename="the-red-shoes.zip"');
    const bytes = Buffer.from(await archive.arrayBuffer());
    // A local file header first, the end of the central directory last.
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt32LE(bytes.length - 22)).toBe(0x06054b50);
    expect(bytes.toString('utf8')).toContain('the-red-shoes/the-red-shoes.md');

    expect((await fetch(`${origin}/export/study/1.zip`)).status).toBe(401);
    const missing = await fetch(`${origin}/export/study/424242.zip`, { headers: bearer });
    expect(missing.status).toBe(404);
    expect((await envelope(missing)).error).toEqual({ code: 'NOT_FOUND', message: 'There is no film with id 424242 in the library.' });
    for (const path of ['/export/study/../1.zip', '/export/study/1', '/export/study/x.zip', '/export/library.zip']) {
      expect((await fetch(`${origin}${path}`, { headers: bearer })).status, path).toBe(404);
    }
    expect((await fetch(`${origin}/export/study/1.zip`, { method: 'POST', headers: bearer })).status).toBe(405);
  });
});

describe('the browser host serving the renderer', () => {
  it('serves index.html with the CSP, nosniff and no framing', async () => {
    const { origin } = await startHost();
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(indexHtml);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves an asset with its type and nosniff, to be kept (its name changes with its content)', async () => {
    const { origin } = await startHost();
    const response = await fetch(`${origin}/assets/app.js`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log("reelnotes");');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('sets the token cookie only when the page is opened with the right token', async () => {
    const { origin } = await startHost();
    const right = await fetch(`${origin}/?token=${token}`);
    expect(right.headers.get('set-cookie')).toBe(`reelnotes_token=${token}; HttpOnly; SameSite=Strict; Path=/`);
    for (const query of ['', '?token=', '?token=wrong', `?token=${token}x`, `?tok=${token}`]) {
      const response = await fetch(`${origin}/${query}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie'), query).toBeNull();
    }
    expect((await fetch(`${origin}/assets/app.js?token=${token}`)).headers.get('set-cookie')).toBeNull();
  });

  it.each([
    '/../secret.txt',
    '/../package.json',
    '/%2e%2e/secret.txt',
    '/%2E%2E/package.json',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e%2fpackage.json',
    '/%252e%252e/secret.txt',
    '/assets/../../secret.txt',
    '//etc/passwd',
    '/..%5csecret.txt',
    '/secret.txt%00.html'
  ])('answers %s with 404 and never the file', async (path) => {
    const { host } = await startHost();
    const answer = await raw(host.port, path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain(secret);
    expect(answer.body).not.toContain('root:');
    expect(JSON.parse(answer.body).error?.code).toBe('NOT_FOUND');
  });

  it('answers a malformed percent-escape as a mistake of the caller, not a server failure', async () => {
    const { host } = await startHost();
    for (const path of ['/%E0%A4%A', '/%zz', '/assets/%']) {
      const answer = await raw(host.port, path);
      expect(answer.status, path).toBe(404);
      expect(JSON.parse(answer.body).error?.code).toBe('NOT_FOUND');
    }
    const call = await raw(host.port, '/api/films.%E0%A4%A', { method: 'POST', headers: { ...json, ...bearer }, body: '{}' });
    expect(call.status).toBe(400);
    expect(JSON.parse(call.body)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'The method name in the address is not valid.' }
    });
  });

  it('answers a folder or a missing file with 404, and other methods with 405', async () => {
    const { origin } = await startHost();
    expect((await fetch(`${origin}/assets`)).status).toBe(404);
    expect((await fetch(`${origin}/assets/`)).status).toBe(404);
    expect((await fetch(`${origin}/nothing-here.js`)).status).toBe(404);
    const put = await fetch(`${origin}/index.html`, { method: 'PUT', body: 'x' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD');
  });
});
