import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LIBRARY_FILE } from '../src/core/library/library';

/**
 * A copy of the large library in which the first film holds every annotation. The all-annotations
 * view lists one film's notes, and the large library spreads its notes over 200 films; here that
 * view is the whole 100,000-note list. Each note keeps its scene's position (scene 7 of any film
 * becomes scene 7 of the first film). The notes' search index holds each note's film as a term
 * (migration 004), so it is rebuilt from the moved notes.
 */
export function oneFilmCopy(largeHome: string, home: string): void {
  mkdirSync(home, { recursive: true });
  const source = new Database(join(largeHome, LIBRARY_FILE), { readonly: true });
  source.prepare('VACUUM INTO ?').run(join(home, LIBRARY_FILE));
  source.close();
  const db = new Database(join(home, LIBRARY_FILE));
  try {
    const first = db.prepare('SELECT min(id) FROM films').pluck().get() as number;
    db.prepare(
      `UPDATE annotations SET
         scene_id = (SELECT mine.id FROM scenes theirs JOIN scenes mine ON mine.film_id = :first AND mine.position = theirs.position
                     WHERE theirs.id = annotations.scene_id),
         film_id = :first
       WHERE film_id <> :first`
    ).run({ first });
    db.prepare("INSERT INTO annotations_fts (annotations_fts) VALUES ('rebuild')").run();
  } finally {
    db.close();
  }
}
