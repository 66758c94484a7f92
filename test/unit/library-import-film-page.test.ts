import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFilmPage } from '../../src/core/films/films';
import { seedPagePath, tempLibrary } from '../temp-library';

const tables = ['films', 'scenes', 'tracks', 'film_lines'] as const;

function rowCounts(db: Database.Database): Record<(typeof tables)[number], number> {
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return Object.fromEntries(tables.map((table) => [table, count(table)])) as Record<(typeof tables)[number], number>;
}

const empty = { films: 0, scenes: 0, tracks: 0, film_lines: 0 };

const lighthouse = [
  'Harbour Lights',
  'A lighthouse keeper and a ferry pilot wait out a winter on a small island.',
  'Dialogues from Movie Harbour Lights',
  'Keeper: The lamp must burn until morning.',
  'A gull cries somewhere below.',
  'Quotes from Movie Harbour Lights',
  'Pilot: Every light is a promise.',
  'Sound Tracks from Harbour Lights by Ada Reyes',
  'Harbour, Dawn, and Gulls',
  'Harbour, Dawn, and Gulls by Ada Reyes, Opening titles',
  'Lamp Room',
  'Lamp Room by Sam Ode, The storm theme',
  'Memorable Scenes from Movie Harbour Lights',
  'The Storm',
  'Waves break over the lamp room.',
  'Context: The keeper chooses duty.',
  'The Thaw',
  'Ice cracks in the harbour at dawn.'
].join('\n');

/** Makes the database itself refuse one insert, so that a write fails after earlier rows went in. */
function failInsertInto(db: Database.Database, table: string, when: string): void {
  db.exec(`CREATE TRIGGER refuse_${table} BEFORE INSERT ON ${table} WHEN ${when}
           BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END`);
}

describe('importing a film page', () => {
  it('writes the rows the page describes', () => {
    const { db } = tempLibrary();
    const result = importFilmPage(db, lighthouse, 'harbour.txt');
    expect(result).toEqual({
      film: { id: expect.any(Number), title: 'Harbour Lights', composer: 'Ada Reyes', sceneCount: 2 },
      trackCount: 2,
      lineCount: 3
    });
    const filmId = result.film.id;
    expect(db.prepare('SELECT title, synopsis, composer, source_name AS sourceName FROM films WHERE id = ?').get(filmId)).toEqual({
      title: 'Harbour Lights',
      synopsis: 'A lighthouse keeper and a ferry pilot wait out a winter on a small island.',
      composer: 'Ada Reyes',
      sourceName: 'harbour.txt'
    });
    expect(db.prepare('SELECT position, title, description, context FROM scenes WHERE film_id = ? ORDER BY position').all(filmId)).toEqual([
      { position: 1, title: 'The Storm', description: 'Waves break over the lamp room.', context: 'The keeper chooses duty.' },
      { position: 2, title: 'The Thaw', description: 'Ice cracks in the harbour at dawn.', context: null }
    ]);
    expect(db.prepare('SELECT position, title, credit, description FROM tracks WHERE film_id = ? ORDER BY position').all(filmId)).toEqual([
      { position: 1, title: 'Harbour, Dawn, and Gulls', credit: 'Ada Reyes', description: 'Opening titles' },
      { position: 2, title: 'Lamp Room', credit: 'Sam Ode', description: 'The storm theme' }
    ]);
    expect(
      db.prepare('SELECT kind, position, speaker, text FROM film_lines WHERE film_id = ? ORDER BY kind, position').all(filmId)
    ).toEqual([
      { kind: 'dialogue', position: 1, speaker: 'Keeper', text: 'The lamp must burn until morning.' },
      { kind: 'dialogue', position: 2, speaker: null, text: 'A gull cries somewhere below.' },
      { kind: 'quote', position: 1, speaker: 'Pilot', text: 'Every light is a promise.' }
    ]);
    expect(rowCounts(db)).toEqual({ films: 1, scenes: 2, tracks: 2, film_lines: 3 });
  });

  it('writes The Red Shoes with its nine scenes and two tracks', () => {
    const { db } = tempLibrary();
    const result = importFilmPage(db, readFileSync(seedPagePath, 'utf8'), 'the-red-shoes.txt');
    expect(result).toMatchObject({
      film: { title: 'The Red Shoes', composer: 'Brian Easdale', sceneCount: 9 },
      trackCount: 2,
      lineCount: 0
    });
    expect(rowCounts(db)).toEqual({ films: 1, scenes: 9, tracks: 2, film_lines: 0 });
    expect(db.prepare('SELECT title FROM scenes ORDER BY position').pluck().all()).toEqual([
      'The Audition',
      'The First Rehearsal',
      "The Dancer's Choice",
      'The Dream Sequence',
      'The Premiere Night',
      'The Confrontation',
      'The Tragic Fall',
      'The Isolation',
      'The Final Decision'
    ]);
  });

  it('writes nothing for a page that breaks at its last line', () => {
    const { db } = tempLibrary();
    const broken = `${lighthouse}\nThe Flood`;
    expect(() => importFilmPage(db, broken, 'broken.txt')).toThrow(
      expect.objectContaining({ code: 'INVALID_FILM_PAGE', message: expect.stringMatching(/^broken\.txt, line 19: /) })
    );
    expect(rowCounts(db)).toEqual(empty);
  });

  it('rolls back every row when the last insert fails', () => {
    const { db } = tempLibrary();
    failInsertInto(db, 'film_lines', "NEW.kind = 'quote'");
    expect(() => importFilmPage(db, lighthouse, 'harbour.txt')).toThrow(/disk full \(simulated\)/);
    expect(rowCounts(db)).toEqual(empty);
  });

  it('rolls back every row when a later scene fails to be written', () => {
    const { db } = tempLibrary();
    failInsertInto(db, 'scenes', 'NEW.position = 2');
    expect(() => importFilmPage(db, lighthouse, 'harbour.txt')).toThrow(/disk full \(simulated\)/);
    expect(rowCounts(db)).toEqual(empty);
    db.exec('DROP TRIGGER refuse_scenes');
    expect(importFilmPage(db, lighthouse, 'harbour.txt').film.sceneCount).toBe(2);
  });

  it('refuses a film whose title is already in the library, and writes nothing', () => {
    const { db } = tempLibrary();
    importFilmPage(db, lighthouse, 'harbour.txt');
    const before = rowCounts(db);
    const sameTitleOtherText = lighthouse.replace(/Harbour Lights/g, 'HARBOUR LIGHTS').replace('The Thaw', 'The Flood');
    for (const text of [lighthouse, sameTitleOtherText]) {
      expect(() => importFilmPage(db, text, 'again.txt')).toThrow(
        expect.objectContaining({
          code: 'CONFLICT',
          message: expect.stringMatching(/already in your library; again\.txt was not imported/)
        })
      );
    }
    expect(rowCounts(db)).toEqual(before);
    expect(db.prepare("SELECT count(*) FROM scenes WHERE title = 'The Flood'").pluck().get()).toBe(0);
  });

  it('keeps two different films apart', () => {
    const { db } = tempLibrary();
    const harbour = importFilmPage(db, lighthouse, 'harbour.txt').film.id;
    const shoes = importFilmPage(db, readFileSync(seedPagePath, 'utf8'), 'the-red-shoes.txt').film.id;
    expect(shoes).not.toBe(harbour);
    const perFilm = db.prepare('SELECT film_id AS filmId, count(*) AS n FROM scenes GROUP BY film_id ORDER BY film_id').all();
    expect(perFilm).toEqual([
      { filmId: harbour, n: 2 },
      { filmId: shoes, n: 9 }
    ]);
  });
});
