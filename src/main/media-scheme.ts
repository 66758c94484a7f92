import { protocol } from 'electron';
import { Readable } from 'node:stream';
import { ReelnotesError } from '../shared/errors';
import { MEDIA_SCHEME, parseMediaPath } from '../shared/media-url';
import type { Library } from '../core/library/library';
import { answerMediaRequest } from '../core/recordings/media-range';
import { mediaFile } from '../core/media-files';

/**
 * `media://recording/<id>`, `media://film/<id>/video`: the desktop app's way to stream a recording or
 * the film's own video to the page, by id only (the routes of src/shared/media-url.ts).
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
    const route = parseMediaPath(`${url.hostname}${url.pathname}`);
    const lib = library();
    if (!route || !lib) return text(404, 'Media are served by id only.');
    let file: { path: string; mimeType: string };
    try {
      file = mediaFile(lib, route);
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
