import { createReadStream, statSync, type ReadStream } from 'node:fs';

/**
 * How to answer a request for a media file's bytes (a recording, a film's video), shared by the browser host's /media route and
 * the desktop app's media: scheme so both behave alike: GET and HEAD only, one byte range at a
 * time (206), 416 for a range past the end, the whole file otherwise, and never sniffed.
 */
export interface MediaAnswer {
  status: number;
  headers: Record<string, string>;
  /** The bytes to send; null for HEAD and for errors (whose text is in `message`). */
  body: ReadStream | null;
  message?: string;
}

export interface MediaRequest {
  method: string;
  range: string | null | undefined;
}

export function answerMediaRequest(file: { path: string; mimeType: string }, request: MediaRequest): MediaAnswer {
  const base: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-cache'
  };
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    return { status: 405, headers: { ...base, Allow: 'GET, HEAD' }, body: null, message: 'Only GET and HEAD are served here.' };
  }
  const size = statSync(file.path).size;
  const headers = { ...base, 'Content-Type': file.mimeType };
  const range = request.range ? parseRange(request.range, size) : undefined;

  if (range === 'unsatisfiable') {
    return {
      status: 416,
      headers: { ...base, 'Content-Range': `bytes */${size}` },
      body: null,
      message: 'The requested range is outside the file.'
    };
  }
  if (range) {
    const length = range.end - range.start + 1;
    return {
      status: 206,
      headers: { ...headers, 'Content-Length': String(length), 'Content-Range': `bytes ${range.start}-${range.end}/${size}` },
      body: method === 'HEAD' ? null : createReadStream(file.path, { start: range.start, end: range.end })
    };
  }
  return {
    status: 200,
    headers: { ...headers, 'Content-Length': String(size) },
    body: method === 'HEAD' || size === 0 ? null : createReadStream(file.path)
  };
}

/**
 * One `bytes=` range (what media elements send). A header we cannot read, or several ranges, is
 * ignored and the whole file is sent, as RFC 9110 allows; a range that starts past the end is 416.
 */
export function parseRange(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}
