import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { ExportedFile } from '../../shared/contract/fields';
import { ReelnotesError } from '../../shared/errors';
import { getFilm } from '../films/films';
import { fileNameFor } from '../films/study-export';
import { citationFacts, saveCitationFacts } from './citation-facts';
import { parseJsonFile } from './json-text';

/** A name as CSL-JSON writes it: family and given parts, or a literal for a one-word name. */
type CslName = { family: string; given?: string } | { literal: string };

/**
 * "Michael Powell" is given "Michael", family "Powell"; "Powell, Michael" says so itself. Particles
 * ("von", "de") stay in the given part: CSL processors print the name the same either way.
 */
export function cslName(name: string): CslName {
  const comma = name.indexOf(',');
  if (comma > 0) return { family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim() };
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return { literal: words[0] };
  return { family: words.at(-1)!, given: words.slice(0, -1).join(' ') };
}

function nameText(name: CslName): string {
  return 'literal' in name ? name.literal : [name.given, name.family].filter(Boolean).join(' ');
}

/** The film as one CSL-JSON item (type motion_picture), the shape Zotero's import reads. */
export function exportCslJson(db: Database.Database, filmId: number): ExportedFile {
  const film = getFilm(db, filmId);
  const facts = citationFacts(db, filmId);
  const item: Record<string, unknown> = {
    // Any id unique in the file will do; the film's id in this library keeps it stable across exports.
    id: `reelnotes-film-${filmId}`,
    type: 'motion_picture',
    title: film.title
  };
  if (facts.directors.length) item.director = facts.directors.map(cslName);
  if (film.composer) item.composer = [cslName(film.composer)];
  if (facts.year !== null) item.issued = { 'date-parts': [[facts.year]] };
  if (facts.studio) item.publisher = facts.studio;
  if (film.synopsis) item.abstract = film.synopsis;
  return { fileName: fileNameFor(film.title, 'json'), text: `${JSON.stringify([item], null, 2)}\n` };
}

const name = z.union([
  z.object({ family: z.string().trim().min(1), given: z.string().trim().optional() }).loose(),
  z.object({ literal: z.string().trim().min(1) }).loose()
]);
const item = z
  .object({
    type: z.string(),
    title: z.string().optional(),
    director: z.array(name).max(20).optional(),
    issued: z
      .object({ 'date-parts': z.array(z.array(z.union([z.number().int(), z.string().regex(/^\d+$/)])).min(1)).min(1) })
      .loose()
      .optional(),
    publisher: z.string().trim().max(200).optional()
  })
  .loose();

/**
 * Takes a film's citation facts (directors, year, studio) from a CSL-JSON file, as Zotero exports
 * it: an array of items (or one item) of which one is a motion_picture. The film's title and
 * synopsis come from its page and are left alone. Refused whole, naming the file and the item.
 */
export function importCslJson(db: Database.Database, filmId: number, fileName: string, text: string) {
  const parsed = parseJsonFile(fileName, text);
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const films = items.flatMap((entry, index) => ((entry as { type?: unknown } | null)?.type === 'motion_picture' ? [index] : []));
  if (films.length !== 1) {
    throw new ReelnotesError(
      'INVALID_INPUT',
      `${fileName}: expected one item of type "motion_picture", found ${films.length}; nothing was changed.`
    );
  }
  const at = films[0];
  const checked = item.safeParse(items[at]);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new ReelnotesError(
      'INVALID_INPUT',
      `${fileName}, item ${at + 1}, ${issue.path.join('.') || 'item'}: ${issue.message}; nothing was changed.`
    );
  }
  const year = checked.data.issued ? Number(checked.data.issued['date-parts'][0][0]) : null;
  if (year !== null && (year < 1870 || year > 2200)) {
    throw new ReelnotesError('INVALID_INPUT', `${fileName}, item ${at + 1}, issued: ${year} is not a film's year; nothing was changed.`);
  }
  return saveCitationFacts(db, {
    filmId,
    directors: (checked.data.director ?? []).map((n) => nameText(n as CslName)),
    year,
    studio: checked.data.publisher || null
  });
}
