import type { z } from 'zod';
import { contract, isMethodName, type MethodName } from '../shared/contract';
import { ReelnotesError, type CallOutcome } from '../shared/errors';
import { diskFull, freeBytes } from './library/disk-space';
import type { Handler } from './handler-types';
import { handlers } from './handlers';
import { isDiskFull, readOnlyRefusal, type Library } from './library/library';

/**
 * The single entry point both hosts use: IPC in Electron, HTTP in the browser host. The input is
 * parsed with the contract's schema before any handler sees it, and every failure comes back as a
 * `{ code, message }` the renderer can show, never as a stack trace.
 */
export async function dispatch(library: Library, method: string, input: unknown): Promise<CallOutcome<unknown>> {
  if (!isMethodName(method)) {
    return failure(new ReelnotesError('UNKNOWN_METHOD', `There is no method called "${String(method).slice(0, 80)}".`));
  }
  const parsed = contract[method].input.safeParse(input ?? {});
  if (!parsed.success) return failure(new ReelnotesError('INVALID_INPUT', describeIssues(method, parsed.error)));
  try {
    const handler = handlers[method] as Handler<MethodName>;
    return { ok: true, result: await handler(parsed.data as never, library) };
  } catch (error) {
    return failure(asReelnotesError(error, library, method));
  }
}

/**
 * What a failure means to the person. A full disk and a library that cannot be written are
 * conditions of this computer, with codes of their own; SQLite has rolled the write back by then.
 */
export function asReelnotesError(error: unknown, library: Library, method: string): ReelnotesError {
  if (error instanceof ReelnotesError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (isDiskFull(error)) {
    return diskFull(`nothing was changed by ${method}`, freeBytes(library.home));
  }
  if ((typeof code === 'string' && code.startsWith('SQLITE_READONLY')) || code === 'EROFS') {
    return library.readOnly
      ? readOnlyRefusal()
      : new ReelnotesError(
          'LIBRARY_READ_ONLY',
          `Your library cannot be written any more (its file or folder became read-only); nothing was changed by ${method}.`
        );
  }
  // An unexpected failure is logged in full on our side and summarised for the person.
  console.error(`[reelnotes] ${method} failed:`, error);
  return new ReelnotesError('INTERNAL', `Something went wrong in ${method}; nothing was changed by it.`);
}

function failure(error: ReelnotesError): CallOutcome<never> {
  return { ok: false, error: error.toPayload() };
}

function describeIssues(method: string, error: z.ZodError): string {
  const issues = closestIssues(error.issues)
    .slice(0, 3)
    .map((issue) => {
      const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
      return `${where}${issue.message}`;
    });
  return `Invalid input for ${method}: ${issues.join('; ')}.`;
}

/**
 * A method with two forms of input (a text file's name and text, or its path) fails as a union: what
 * the person needs is what was wrong with the form that came closest, not "Invalid input".
 */
function closestIssues(issues: z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const [only] = issues;
  if (issues.length !== 1 || only.code !== 'invalid_union' || only.errors.length === 0) return issues;
  const closest = only.errors.reduce((best, next) => (next.length < best.length ? next : best));
  return closestIssues(closest.map((issue) => ({ ...issue, path: [...only.path, ...issue.path] })));
}
