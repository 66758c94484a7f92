import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Library } from './library';
import { importFilmPage } from '../films/films';

const SEEDED = 'default_library_seeded';

/**
 * On the first launch, imports the film pages shipped in resources/films. The fact that it ran is
 * recorded, so a person who deletes or edits those films later keeps the library as they left it.
 */
export function seedDefaultLibrary(library: Library, filmsDir: string): boolean {
  const { db } = library;
  if (db.prepare('SELECT 1 FROM library_facts WHERE key = ?').get(SEEDED)) return false;
  const pages = readdirSync(filmsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  db.transaction(() => {
    for (const name of pages) importFilmPage(db, readFileSync(join(filmsDir, name), 'utf8'), name);
    db.prepare('INSERT INTO library_facts (key, value) VALUES (?, ?)').run(SEEDED, new Date().toISOString());
  })();
  return true;
}
