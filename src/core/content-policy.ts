/**
 * The Content-Security-Policy of the renderer, sent by both hosts. Everything the app shows comes
 * from its own bundle or its own library: no remote scripts, styles, fonts or frames.
 * `media:` is the Electron scheme that serves recordings, the film and frame grabs by id; the browser host serves them from
 * its own origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: media:",
  "font-src 'self'",
  "media-src 'self' media: blob:",
  "connect-src 'self' media:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'"
].join('; ');
