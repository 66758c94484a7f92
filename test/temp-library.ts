import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openLibrary, type Library } from '../src/main/library/library';

const opened: { library?: Library; home: string }[] = [];

/** A fresh library folder for one test, closed and removed after it. */
export function tempHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'reelnotes-unit-'));
  opened.push({ home });
  return home;
}

export function tempLibrary(): Library {
  const home = tempHome();
  const library = openLibrary({ home });
  opened.push({ home, library });
  return library;
}

afterEach(() => {
  for (const { library, home } of opened.splice(0)) {
    if (library?.db.open) library.close();
    rmSync(home, { recursive: true, force: true });
  }
});

export const seedPagePath = join(__dirname, '..', 'resources', 'films', 'the-red-shoes.txt');
export const filmsDir = join(__dirname, '..', 'resources', 'films');
