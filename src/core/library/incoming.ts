import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ReelnotesError } from '../../shared/errors';
import type { Library } from './library';

/**
 * A file the person sends to the library (a recording, a library file to restore), written to
 * `incoming/` as its bytes arrive, so that nothing holds the whole file in memory. The browser host
 * streams a request body into it; the desktop app sends base64 chunks through the contract.
 */
export interface IncomingFile {
  /** Also the upload's id in the contract: unguessable, so one page cannot write into another's file. */
  readonly id: string;
  /** The name the person chose, for messages; never a path. */
  readonly fileName: string;
  /** What the page announced; a file that grows past it is refused. */
  readonly byteSize: number;
  readonly path: string;
  received: number;
  /** Open while bytes may still arrive. */
  fd: number | undefined;
}

export function incomingDir(library: Library): string {
  // Beside the media folder, on the same disk, so that an accepted file is moved, not copied. What a
  // crash left here is cleared when the library is opened with its lock held (library.ts), never
  // later: another upload of this process may be arriving.
  const dir = join(library.home, 'incoming');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function openIncomingFile(library: Library, fileName: string, byteSize: number): IncomingFile {
  const id = randomBytes(18).toString('base64url');
  const path = join(incomingDir(library), `${id}.upload`);
  return { id, fileName, byteSize, path, received: 0, fd: openSync(path, 'wx') };
}

/**
 * Appends bytes at `offset`, which must be where the previous chunk ended. A file that grows past
 * its announced size is discarded before the refusal is thrown: nothing half-received is kept.
 */
export function appendToIncomingFile(file: IncomingFile, offset: number, bytes: Uint8Array): void {
  if (file.fd === undefined) throw new ReelnotesError('CONFLICT', `${file.fileName} is no longer being received.`);
  if (offset !== file.received)
    throw new ReelnotesError('INVALID_INPUT', `Chunk at ${offset} is out of order: ${file.received} bytes were received so far.`);
  if (file.received + bytes.length > file.byteSize) {
    discardIncomingFile(file);
    throw new ReelnotesError('INVALID_INPUT', `${file.fileName} is larger than announced (${file.byteSize} bytes).`);
  }
  try {
    writeSync(file.fd, bytes, 0, bytes.length, offset);
  } catch (error) {
    // A full disk: what was received so far is of no use, and must not fill the disk further.
    discardIncomingFile(file);
    throw error;
  }
  file.received += bytes.length;
}

/** Closes a file whose bytes have all arrived; one that arrived incomplete is discarded and refused. */
export function completeIncomingFile(file: IncomingFile): void {
  if (file.fd === undefined) throw new ReelnotesError('CONFLICT', `${file.fileName} is no longer being received.`);
  closeSync(file.fd);
  file.fd = undefined;
  if (file.received !== file.byteSize) {
    discardIncomingFile(file);
    throw new ReelnotesError('INVALID_INPUT', `${file.fileName} arrived incomplete: ${file.received} of ${file.byteSize} bytes.`);
  }
}

export function discardIncomingFile(file: IncomingFile): void {
  if (file.fd !== undefined) closeSync(file.fd);
  file.fd = undefined;
  rmSync(file.path, { force: true });
}

/** Uploads in progress, kept for each open library: they live and die with its process. */
export function uploadsInProgress<T>(): (library: Library) => Map<string, T> {
  const byLibrary = new WeakMap<Library, Map<string, T>>();
  return (library) => {
    let map = byLibrary.get(library);
    if (!map) {
      map = new Map();
      byLibrary.set(library, map);
    }
    return map;
  };
}
