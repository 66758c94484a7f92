import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIBRARY_FILE, openLibrary } from '../../src/core/library/library';
import { ReelnotesError } from '../../src/shared/errors';
import { tempHome } from '../temp-library';

function refusal(home: string): ReelnotesError {
  try {
    openLibrary({ home }).close();
  } catch (error) {
    expect(error).toBeInstanceOf(ReelnotesError);
    return error as ReelnotesError;
  }
  throw new Error('the library opened, but it should have been refused');
}

/** The damaged file must be reported by path and left exactly as it was, with nothing written beside it. */
function expectRefusedUntouched(home: string, bytes: Buffer): void {
  const file = join(home, LIBRARY_FILE);
  const error = refusal(home);
  expect(error.code).toBe('LIBRARY_CORRUPT');
  expect(error.message).toContain(file);
  expect(error.message).toMatch(/is damaged and cannot be opened/);
  expect(readFileSync(file).equals(bytes)).toBe(true);
  expect(readdirSync(home).filter((name) => name.startsWith(LIBRARY_FILE))).toEqual([LIBRARY_FILE]);
}

describe('opening a damaged library', () => {
  it('refuses a file of garbage bytes as LIBRARY_CORRUPT, naming it, and changes nothing', () => {
    const home = tempHome();
    const garbage = randomBytes(64 * 1024);
    // Random bytes could begin like a database header only by a one-in-2^128 chance; make sure.
    garbage.write('NOT A DATABASE!!', 0, 'latin1');
    writeFileSync(join(home, LIBRARY_FILE), garbage);
    expectRefusedUntouched(home, garbage);
    // A second attempt finds the same file, not one a failed first attempt repaired or replaced.
    expectRefusedUntouched(home, garbage);
  });

  it('refuses a text file saved over the library', () => {
    const home = tempHome();
    const text = Buffer.from('The Red Shoes\nIn this classic drama, Vicky Page is an aspiring ballerina...\n'.repeat(200));
    writeFileSync(join(home, LIBRARY_FILE), text);
    expectRefusedUntouched(home, text);
  });

  it('refuses a real library whose pages were overwritten', () => {
    const home = tempHome();
    const file = join(home, LIBRARY_FILE);
    openLibrary({ home }).close();
    const db = new Database(file);
    db.pragma('journal_mode = DELETE');
    db.close();
    const bytes = readFileSync(file);
    // Keep SQLite's header so the file still looks like a database, and wreck the schema page.
    bytes.fill(0xa5, 100, 4096);
    writeFileSync(file, bytes);
    expectRefusedUntouched(home, bytes);
  });
});
