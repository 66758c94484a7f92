/**
 * Errors that cross the boundary between the library and the renderer. Only a stable code and a
 * sentence for the person travel: never a stack trace, never a path the renderer did not give us.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_FILM_PAGE',
  'UNSUPPORTED_AUDIO',
  /** A film file the desk cannot play: not a film, cut short, or a picture codec Chromium does not decode. */
  'UNSUPPORTED_VIDEO',
  'LIBRARY_TOO_NEW',
  'LIBRARY_CORRUPT',
  /** Another Reelnotes (desktop app or browser host) has this library open. */
  'LIBRARY_IN_USE',
  /** The library, or the folder a write needs, cannot be written: it was opened read-only. */
  'LIBRARY_READ_ONLY',
  /** The disk holding the library has no room for the write. */
  'DISK_FULL',
  'FORBIDDEN',
  'INTERNAL'
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
}

export class ReelnotesError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message);
    this.name = 'ReelnotesError';
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message };
  }
}

/** What every host sends back for one call: the same envelope over IPC and over HTTP. */
export type CallOutcome<R> = { ok: true; result: R } | { ok: false; error: ErrorPayload };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
