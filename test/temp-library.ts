import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createAnnotation } from '../src/core/notes/notes';
import { seedDefaultLibrary } from '../src/core/library/default-library';
import { listScenes } from '../src/core/scenes/scenes';
import { openLibrary, type Library } from '../src/core/library/library';

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

/**
 * A temporary library holding The Red Shoes, with a helper that writes a note on one of its scenes:
 * the starting point of the annotation, tag and search tests.
 */
export function redShoesLibrary(): {
  library: Library;
  db: Database.Database;
  filmId: number;
  scenes: ReturnType<typeof listScenes>;
  note: (body: string, sceneIndex?: number) => ReturnType<typeof createAnnotation>;
} {
  const library = tempLibrary();
  seedDefaultLibrary(library, filmsDir);
  const { db } = library;
  const scenes = listScenes(db, 1);
  const note = (body: string, sceneIndex = 0) =>
    createAnnotation(db, { target: { kind: 'scene', id: scenes[sceneIndex].id }, body, filmTimeMs: null });
  return { library, db, filmId: 1, scenes, note };
}
