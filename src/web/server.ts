import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../core/content-policy';
import { asReelnotesError, dispatch } from '../core/dispatch';
import type { Library } from '../core/library/library';
import { receiveArchiveChunk } from '../core/library/archive-upload';
import { answerMediaRequest } from '../core/recordings/media-range';
import { finishUpload, receiveChunk } from '../core/recordings/recordings';
import { mediaFile } from '../core/media-files';
import { parseMediaPath, parseStudyArchivePath, parseStudyPackPath } from '../shared/media-url';
import { STUDY_PACK_FORMAT, studyPackArchive } from '../core/exchange/study-pack';
import { studyArchive, studyWithFrames } from '../core/films/study-frames';
import { ReelnotesError, type CallOutcome } from '../shared/errors';
import { namesFileByPath } from '../shared/contract';
import { allowedHosts, hasOwnHost, hasOwnOrigin, presentedToken, TOKEN_COOKIE, tokenMatches } from './host-guard';

export interface WebHostOptions {
  library: Library;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  token: string;
  /** 0 picks a free port. */
  port: number;
}

export interface WebHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A JSON call body may carry a 1 MB annotation, escaped; anything far larger is not ours. Files
 * (recordings, library files) are streamed to /upload/… instead, never parsed as a call.
 */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Where each kind of file is streamed to: its bytes appended as they come, then the upload finished. */
const uploadReceivers: Record<
  string,
  {
    receive: (library: Library, uploadId: string, offset: number, bytes: Buffer) => unknown;
    finish: (library: Library, uploadId: string) => unknown;
  }
> = {
  '/upload/recording': { receive: receiveChunk, finish: finishUpload },
  // A library file is restored by its own call once it is here (the page chooses replace or merge).
  '/upload/archive': { receive: receiveArchiveChunk, finish: (_library, uploadId) => ({ uploadId }) },
  // A study pack likewise waits for exchange.importStudyPack, which reads it where it landed.
  '/upload/study-pack': { receive: receiveArchiveChunk, finish: (_library, uploadId) => ({ uploadId }) }
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
};

export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  let hosts = new Set<string>();
  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      console.error('[reelnotes web]', error);
      if (!response.headersSent) sendJson(response, 500, failure('INTERNAL', 'The browser host failed to answer.'));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://placeholder');
    if (!hasOwnHost(request, hosts) || !hasOwnOrigin(request, hosts)) {
      sendJson(response, 403, failure('FORBIDDEN', 'Requests must come from the Reelnotes page on this computer.'));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') {
        response.setHeader('Allow', 'POST');
        sendJson(response, 405, failure('INVALID_INPUT', 'Call methods with POST.'));
        return;
      }
      if (!tokenMatches(presentedToken(request), options.token)) {
        sendJson(response, 401, failure('FORBIDDEN', 'Missing or wrong token: open the address Reelnotes printed.'));
        return;
      }
      const method = decodePath(url.pathname.slice('/api/'.length));
      if (method === null) {
        sendJson(response, 400, failure('INVALID_INPUT', 'The method name in the address is not valid.'));
        return;
      }
      await answerCall(request, response, method);
      return;
    }
    const receiver = Object.hasOwn(uploadReceivers, url.pathname) ? uploadReceivers[url.pathname] : undefined;
    const isExport = url.pathname.startsWith('/export/');
    if (receiver || isExport || url.pathname.startsWith('/media/')) {
      if (!tokenMatches(presentedToken(request), options.token)) {
        sendJson(response, 401, failure('FORBIDDEN', 'Missing or wrong token: open the address Reelnotes printed.'));
        return;
      }
      if (receiver) await receiveFile(request, response, url, receiver);
      else if (isExport) serveStudyArchive(request, response, url);
      else serveMedia(request, response, url);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      sendJson(response, 405, failure('INVALID_INPUT', 'Only GET and HEAD are served here.'));
      return;
    }
    serveRenderer(url, response);
  }

  async function answerCall(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      sendJson(response, 415, failure('INVALID_INPUT', 'Send the call as application/json.'));
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse((await readBody(request, MAX_BODY_BYTES)) || '{}');
    } catch (error) {
      // readBody's only ReelnotesError is a body over the limit; anything else is JSON.parse's.
      const tooLarge = error instanceof ReelnotesError;
      sendJson(response, tooLarge ? 413 : 400, failure('INVALID_INPUT', tooLarge ? error.message : 'The request body is not valid JSON.'));
      return;
    }
    if (namesFileByPath(method, body)) {
      sendJson(
        response,
        400,
        failure('INVALID_INPUT', `${method} takes a file by its path, which only the desktop app gives: here the page uploads the file.`)
      );
      return;
    }
    const outcome = await dispatch(options.library, method, body);
    sendJson(response, outcome.ok ? 200 : statusFor(outcome.error.code), outcome);
  }

  /**
   * The body of a file the page sends, streamed into the upload begun through the contract
   * (`recordings.beginUpload`, `library.beginArchiveUpload`, which checked the size), then finished:
   * a recording is analysed and attached; a library file waits for its restore call.
   */
  async function receiveFile(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    receiver: (typeof uploadReceivers)[string]
  ): Promise<void> {
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      sendJson(response, 405, failure('INVALID_INPUT', 'Upload files with POST.'));
      return;
    }
    const uploadId = url.searchParams.get('uploadId') ?? '';
    try {
      let offset = 0;
      for await (const chunk of request as AsyncIterable<Buffer>) {
        receiver.receive(options.library, uploadId, offset, chunk);
        offset += chunk.length;
      }
      sendJson(response, 200, { ok: true, result: await receiver.finish(options.library, uploadId) });
    } catch (error) {
      // A full disk or a read-only library is the person's to know about, with its own code.
      const refusal = asReelnotesError(error, options.library, 'the upload of a recording');
      // The rest of the body is not read: closing the connection stops the browser sending it.
      response.setHeader('Connection', 'close');
      sendJson(response, statusFor(refusal.code), { ok: false, error: refusal.toPayload() });
    }
  }

  function serveMedia(request: IncomingMessage, response: ServerResponse, url: URL): void {
    const route = parseMediaPath(url.pathname.slice('/media/'.length));
    if (!route) {
      sendJson(response, 404, failure('NOT_FOUND', 'Media are served by id only.'));
      return;
    }
    let file: { path: string; mimeType: string };
    try {
      file = mediaFile(options.library, route);
    } catch (error) {
      if (!(error instanceof ReelnotesError)) throw error;
      sendJson(response, statusFor(error.code), { ok: false, error: error.toPayload() });
      return;
    }
    const answer = answerMediaRequest(file, { method: request.method ?? 'GET', range: request.headers.range });
    response.writeHead(answer.status, answer.headers);
    if (answer.body) answer.body.pipe(response);
    else response.end(request.method === 'HEAD' ? undefined : answer.message);
  }

  /**
   * The film's study with its frame grabs, or its study pack, as one ZIP the browser saves (a page
   * cannot write a folder of files). Which frames go in is settled before the first byte is sent, so a refusal is an answer.
   */
  function serveStudyArchive(request: IncomingMessage, response: ServerResponse, url: URL): void {
    if (request.method !== 'GET') {
      response.setHeader('Allow', 'GET');
      sendJson(response, 405, failure('INVALID_INPUT', 'Download a study with GET.'));
      return;
    }
    const studyFilm = parseStudyArchivePath(url.pathname);
    const packFilm = parseStudyPackPath(url.pathname);
    if (studyFilm === null && packFilm === null) {
      sendJson(response, 404, failure('NOT_FOUND', 'A study is downloaded by its film id only.'));
      return;
    }
    let archive: { fileName: string; chunks: AsyncGenerator<Buffer> };
    try {
      archive =
        studyFilm !== null
          ? studyArchive(studyWithFrames(options.library, studyFilm))
          : studyPackArchive(options.library, packFilm!, url.searchParams.get('recordings') === '1');
    } catch (error) {
      if (!(error instanceof ReelnotesError)) throw error;
      sendJson(response, statusFor(error.code), { ok: false, error: error.toPayload() });
      return;
    }
    response.writeHead(200, {
      'Content-Type': studyFilm !== null ? 'application/zip' : STUDY_PACK_FORMAT,
      'Content-Disposition': `attachment; filename="${archive.fileName}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store'
    });
    Readable.from(archive.chunks)
      .on('error', (error) => {
        console.error('[reelnotes web] the study archive stopped:', error);
        response.destroy();
      })
      .pipe(response);
  }

  function serveRenderer(url: URL, response: ServerResponse): void {
    const relative = url.pathname === '/' ? 'index.html' : decodePath(url.pathname.slice(1));
    const file = relative === null ? '' : normalize(join(options.rendererDir, relative));
    const inside = relative !== null && file.startsWith(options.rendererDir + sep);
    let size = -1;
    try {
      if (inside) size = statSync(file).isFile() ? statSync(file).size : -1;
    } catch {
      size = -1;
    }
    if (size < 0) {
      sendJson(response, 404, failure('NOT_FOUND', `Nothing is served at ${url.pathname}.`));
      return;
    }
    const headers: Record<string, string | number> = {
      'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      // The build names each script and stylesheet by a hash of its content, so a name never
      // changes meaning: the browser keeps them (and V8 its compiled code) across launches. The
      // page itself is asked for every time, so a new build's names are seen at once.
      'Cache-Control': relative?.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'
    };
    if (relative === 'index.html') {
      headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
      headers['X-Frame-Options'] = 'DENY';
      // The page's own requests for media cannot carry a header; the cookie lets them in.
      const token = url.searchParams.get('token');
      if (token && tokenMatches(token, options.token)) {
        headers['Set-Cookie'] = `${TOKEN_COOKIE}=${options.token}; HttpOnly; SameSite=Strict; Path=/`;
      }
    }
    response.writeHead(200, headers);
    createReadStream(file).pipe(response);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      hosts = allowedHosts(port);
      resolve({
        port,
        url: `http://127.0.0.1:${port}/?token=${options.token}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // Browsers keep idle connections open; without this, closing waits for them to time out.
            server.closeAllConnections();
          })
      });
    });
  });
}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped rather than the socket cut: a cut connection
      // reaches the page as a network failure, with no answer it could show.
      if (size > limit) chunks.length = 0;
      else chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > limit) reject(new ReelnotesError('INVALID_INPUT', `The request is larger than ${limit / 1024 / 1024} MB.`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

/** A malformed percent-escape is the caller's mistake, not a failure of the host. */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function failure(code: ReelnotesError['code'], message: string): CallOutcome<never> {
  return { ok: false, error: { code, message } };
}

function statusFor(code: ReelnotesError['code']): number {
  switch (code) {
    case 'NOT_FOUND':
    case 'UNKNOWN_METHOD':
      return 404;
    case 'CONFLICT':
    case 'LIBRARY_IN_USE':
    case 'LIBRARY_READ_ONLY':
      return 409;
    case 'DISK_FULL':
      return 507;
    case 'FORBIDDEN':
      return 403;
    case 'INTERNAL':
      return 500;
    default:
      return 400;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store'
  });
  response.end(text);
}
