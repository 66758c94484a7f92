import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

/**
 * Who may use the browser host: a page served by this very host, holding the token printed at
 * launch. Checking Host defeats DNS rebinding; checking Origin defeats other sites in the same
 * browser; the token defeats other local users and programs.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function hasOwnHost(request: IncomingMessage, hosts: Set<string>): boolean {
  return hosts.has(request.headers.host ?? '');
}

export function hasOwnOrigin(request: IncomingMessage, hosts: Set<string>): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && hosts.has(url.host);
  } catch {
    return false;
  }
}

export const TOKEN_COOKIE = 'reelnotes_token';

/** The token from `Authorization: Bearer`, or from the cookie the page was given for media requests. */
export function presentedToken(request: IncomingMessage): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (bearer) return bearer[1];
  const cookies = request.headers.cookie ?? '';
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return undefined;
}

export function tokenMatches(presented: string | undefined, token: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
