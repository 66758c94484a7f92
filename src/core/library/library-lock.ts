import { hostname } from 'node:os';
import { join } from 'node:path';
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { ReelnotesError } from '../../shared/errors';

/** What opened a library: named in the message a second opener gets. */
export type LibraryHolder = 'desktop' | 'browser' | 'tool';

const holderNames: Record<LibraryHolder, string> = {
  desktop: 'the Reelnotes desktop app',
  browser: 'the Reelnotes browser host (npm run web)',
  tool: 'a Reelnotes tool (a test or a benchmark)'
};

export const LOCK_FILE = 'library.lock';

interface LockRecord {
  pid: number;
  holder: LibraryHolder;
  startedAt: string;
  hostname: string;
}

export interface LibraryLock {
  release(): void;
}

/**
 * One process per library, whichever host it is: two connections writing the same file see
 * "database is locked", and each host's start-up clears the shared `incoming/` folder. The lock is a
 * file created with exclusive create ('wx'), so of two starts only one can make it; it names its
 * holder for the message the other one gets. A lock whose process has died (a crash, a SIGKILL) is
 * taken over, so it never blocks the next start.
 */
export function acquireLibraryLock(home: string, holder: LibraryHolder): LibraryLock {
  const file = join(home, LOCK_FILE);
  const record: LockRecord = { pid: process.pid, holder, startedAt: new Date().toISOString(), hostname: hostname() };
  const text = JSON.stringify(record);
  // Twice at most: once as things are, once after taking over a dead process's lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, text, { flag: 'wx' });
      // A host that exits without closing the library (an uncaught error) still lets it go.
      const onExit = () => releaseIfOurs(file, text);
      process.on('exit', onExit);
      return {
        release: () => {
          process.off('exit', onExit);
          releaseIfOurs(file, text);
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        // Created but not written (a full disk): the file is ours, and an empty lock would mislead.
        rmSync(file, { force: true });
        throw error;
      }
    }
    const found = readLock(file);
    if (found === null) continue; // It was released between our attempt and the read.
    if (!isStale(found.record)) throw inUse(found.record);
    takeOverStale(file, found.text);
  }
  const holderNow = readLock(file);
  throw holderNow
    ? inUse(holderNow.record)
    : new ReelnotesError('LIBRARY_IN_USE', 'Another Reelnotes is opening this library at the same moment; try again.');
}

function readLock(file: string): { text: string; record: LockRecord } | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return { text, record: JSON.parse(text) as LockRecord };
  } catch {
    // A lock cut short by a crash between create and write holds no live process.
    return { text, record: { pid: 0, holder: 'tool', startedAt: '', hostname: hostname() } };
  }
}

/** A lock is stale when its process is gone; one taken on another computer cannot be checked, so it holds. */
function isStale(record: LockRecord): boolean {
  if (record.hostname !== hostname()) return false;
  if (!Number.isInteger(record.pid) || record.pid <= 0) return true;
  try {
    process.kill(record.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process lives, under another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Moves the stale lock aside by rename, which only one of two racing starts can do with the same
 * file; if what was moved is not the stale lock we read (another start took over first), it goes back.
 */
function takeOverStale(file: string, staleText: string): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readFileSync(aside, 'utf8') !== staleText) {
    try {
      linkSync(aside, file);
    } catch {
      // A third start made a lock meanwhile: it holds the library, and our exclusive create will say so.
    }
  }
  rmSync(aside, { force: true });
}

function releaseIfOurs(file: string, text: string): void {
  try {
    if (readFileSync(file, 'utf8') === text) rmSync(file, { force: true });
  } catch {
    // Already gone: nothing to release.
  }
}

function inUse(record: LockRecord): ReelnotesError {
  const who = holderNames[record.holder] ?? 'another Reelnotes';
  const since = record.startedAt ? ` started at ${new Date(record.startedAt).toLocaleString()}` : '';
  const where = record.hostname === hostname() ? 'on this computer' : `on the computer "${record.hostname}"`;
  return new ReelnotesError(
    'LIBRARY_IN_USE',
    `This library is already open in ${who}${since} (process ${record.pid} ${where}). ` +
      'Use it, or close it and start again; REELNOTES_HOME chooses another library.'
  );
}
