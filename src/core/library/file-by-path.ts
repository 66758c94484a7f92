import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { IncomingText } from '../../shared/contract/fields';
import { ReelnotesError } from '../../shared/errors';

/**
 * A file the person named by path (a native dialog, a drop, a file opened with the app), checked
 * before it is read: there, a file, and not larger than `maxBytes`. Errors name the file as the
 * person knows it (its name), never the folders around it.
 */
export function checkFileByPath(path: string, maxBytes: number, tooLarge: string): { name: string; size: number } {
  const name = basename(path);
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new ReelnotesError('INVALID_INPUT', `${name} is a folder, not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ReelnotesError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReelnotesError(
      code === 'ENOENT' ? 'NOT_FOUND' : 'INVALID_INPUT',
      code === 'ENOENT' ? `${name} is no longer there.` : `${name} cannot be read (${code}).`
    );
  }
  if (size > maxBytes) throw new ReelnotesError('INVALID_INPUT', `${name}: ${tooLarge}`);
  return { name, size };
}

/**
 * The text of a file named by path, after `checkFileByPath`, decoded as the page's `File.text()`
 * decodes an upload (UTF-8, a byte-order mark dropped), so both hosts read the same file alike.
 */
export function readTextByPath(path: string, maxBytes: number, tooLarge: string): { name: string; text: string } {
  const { name } = checkFileByPath(path, maxBytes, tooLarge);
  return { name, text: new TextDecoder().decode(readFileSync(path)) };
}

/** A text file coming in (`textFileInput`): as the page sent it, or read where it lies. */
export function readIncomingText(file: IncomingText, maxBytes: number, tooLarge: string): { fileName: string; text: string } {
  if (!('path' in file)) return { fileName: file.fileName, text: file.text };
  const { name, text } = readTextByPath(file.path, maxBytes, tooLarge);
  return { fileName: name, text };
}
