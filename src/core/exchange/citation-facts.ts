import type Database from 'better-sqlite3';
import type { CitationFacts, CitationStyle } from '../../shared/contract/exchange';
import { assertExists, notFound } from '../errors';

/** The library's chosen citation style, a fact of the library as the place left is. */
const STYLE = 'citation_style';

export function citationStyle(db: Database.Database): CitationStyle {
  const value = db.prepare('SELECT value FROM library_facts WHERE key = ?').pluck().get(STYLE);
  return value === 'mla' ? 'mla' : 'chicago';
}

export function setCitationStyle(db: Database.Database, style: CitationStyle): { style: CitationStyle } {
  db.prepare('INSERT INTO library_facts (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    STYLE,
    style
  );
  return { style };
}

interface FactsRow {
  title: string;
  directors: string | null;
  year: number | null;
  studio: string | null;
}

/** A film's citation facts: its title from the page, the rest as the person gave them (none yet is empty). */
export function citationFacts(db: Database.Database, filmId: number): CitationFacts {
  const row = db
    .prepare(
      `SELECT f.title, c.directors, c.year, c.studio
       FROM films f LEFT JOIN film_citations c ON c.film_id = f.id WHERE f.id = ?`
    )
    .get(filmId) as FactsRow | undefined;
  if (!row) throw notFound('film', filmId);
  return {
    filmId,
    title: row.title,
    directors: row.directors ? row.directors.split('\n') : [],
    year: row.year,
    studio: row.studio,
    style: citationStyle(db)
  };
}

export interface FactsChange {
  filmId: number;
  directors: string[];
  year: number | null;
  studio: string | null;
}

/** Adds or replaces a film's facts; names are one per line, so a line break inside one is a space. */
export function saveCitationFacts(db: Database.Database, change: FactsChange): CitationFacts {
  assertExists(db, 'film', change.filmId);
  const directors = change.directors.map((name) => name.replace(/\s+/g, ' ').trim()).filter(Boolean);
  db.prepare(
    `INSERT INTO film_citations (film_id, directors, year, studio) VALUES (?, ?, ?, ?)
     ON CONFLICT (film_id) DO UPDATE SET directors = excluded.directors, year = excluded.year, studio = excluded.studio,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`
  ).run(change.filmId, directors.join('\n'), change.year, change.studio?.trim() || null);
  return citationFacts(db, change.filmId);
}
