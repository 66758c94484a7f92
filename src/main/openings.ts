import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { isFilmPagePath, isStudyPackPath, type Opening } from '../shared/openings';
import { LINK_SCHEME, parseDeskLink } from '../shared/place-address';

/**
 * What a command line asks to open: `reelnotes://` links, and film pages and study packs that exist (relative
 * paths from the folder the launch came from). Chromium's switches, the app's own script and
 * anything else are passed over: a file manager or a browser gives the app exactly one of these.
 */
export function openingsOfCommandLine(argv: readonly string[], workingDirectory: string): Opening[] {
  return argv.flatMap((arg): Opening[] => {
    if (arg.startsWith('-')) return [];
    if (arg.toLowerCase().startsWith(`${LINK_SCHEME}:`)) {
      return parseDeskLink(arg) ? [{ kind: 'link', url: arg }] : [];
    }
    const kind = isFilmPagePath(arg) ? 'film-page' : isStudyPackPath(arg) ? 'study-pack' : null;
    if (kind === null) return [];
    const path = isAbsolute(arg) ? arg : resolve(workingDirectory, arg);
    return existsSync(path) && statSync(path).isFile() ? [{ kind, path }] : [];
  });
}

/**
 * Holds what is asked to be opened until the window's page is there to take it (a file given at
 * launch arrives before the window exists), then hands each to it once, in order.
 */
export class OpeningQueue {
  private pending: Opening[] = [];
  private deliver: ((opening: Opening) => void) | undefined;

  add(openings: readonly Opening[]): void {
    for (const opening of openings) {
      if (this.deliver) this.deliver(opening);
      else this.pending.push(opening);
    }
  }

  /** From now on openings go to `deliver`; those waiting go first. */
  deliverTo(deliver: (opening: Opening) => void): void {
    this.deliver = deliver;
    const waiting = this.pending;
    this.pending = [];
    waiting.forEach(deliver);
  }
}
