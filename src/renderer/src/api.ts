import type { Bridge, MethodInput, MethodName, MethodResult } from '../../shared/contract';
import type { CallOutcome, ErrorCode } from '../../shared/errors';

/** A failed call, carrying the library's stable code and a message meant for the person. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const TOKEN_KEY = 'reelnotes.token';

/**
 * In the browser host the token comes in the page's address. It is kept for this tab so that a
 * reload still works, and taken out of the address bar so it is not shared by copying the URL.
 */
function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

let token = '';

/** The browser host's token, for requests the contract client does not make (uploads). */
export function hostToken(): string {
  return token;
}

function httpBridge(): Bridge {
  token = browserToken();
  return new Proxy({} as Bridge, {
    get: (_target, method: string) => async (input: unknown) => {
      let response: Response;
      try {
        response = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
          keepalive: JSON.stringify(input ?? {}).length < 60_000
        });
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: 'Reelnotes is not running: start it again with npm run web.' } };
      }
      return (await response.json()) as CallOutcome<unknown>;
    }
  });
}

/** True in the desktop app (the preload's bridge), false in the browser host. */
export const isDesktop = window.reelnotes !== undefined;

const bridge: Bridge = window.reelnotes ?? httpBridge();

export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const outcome = (await bridge[method](input as never)) as CallOutcome<MethodResult<M>>;
  if (!outcome.ok) throw new ApiError(outcome.error.code, outcome.error.message);
  return outcome.result;
}
