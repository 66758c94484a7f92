import { protocol } from 'electron';
import { Readable } from 'node:stream';
import { ReelnotesError } from '../shared/errors';
import { MEDIA_SCHEME } from '../shared/media-url';
import type { Library } from '../core/library/library';
import { answerMediaRequest } from '../core/recordings/media-range';
import { recordingMedia } from '../core/recordings/recordings';

/**
 * `media://recording/<id>`: the desktop app's way to stream a recording to the page, by id only.
 * Privileged as standard, secure and streaming so that media elements may seek in it with Range
 * requests; must be registered before the app is ready.
 */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } }
  ]);
}

export function serveMediaScheme(library: () => Library | undefined): void {
  protocol.handle(MEDIA_SCHEME, (request) => {
    const url = new URL(request.url);
    const match = /^\/([1-9]\d{0,15})$/.exec(url.pathname);
    const lib = library();
    if (url.hostname !== 'recording' || !match || !lib) return text(404, 'Recordings are served by id only.');
    let file: { path: string; mimeType: string };
    try {
      file = recordingMedia(lib, Number(match[1]));
    } catch (error) {
      if (error instanceof ReelnotesError) return text(404, error.message);
      throw error;
    }
    const answer = answerMediaRequest(file, { method: request.method, range: request.headers.get('range') });
    const body = answer.body ? (Readable.toWeb(answer.body) as ReadableStream<Uint8Array>) : (answer.message ?? null);
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}
