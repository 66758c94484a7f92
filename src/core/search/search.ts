import type Database from 'better-sqlite3';
import type { SearchHit, SearchHitKind, SearchResult, SnippetSegment } from '../../shared/notes';
import { tagIdsByName, taggedItems } from '../tags/tags';

/**
 * How a snippet's hits are marked. snippet() can only wrap a hit in marker text, and the renderer
 * wants positions (segments of plain text flagged `hit`, never HTML). A fixed marker such as
 * U+0002 fails on a note that holds U+0002 itself, and a random one per query only makes that
 * unlikely. So each row gets a marker that its own text does not hold: the first character, from
 * U+0002 on, that appears in none of the row's indexed columns (a text holds finitely many
 * characters, so there always is one). Every occurrence of that character in the snippet is then a
 * marker and nothing else, and since FTS5 never nests or overlaps highlights, the occurrences
 * alternate open, close, open…: splitting on it gives each hit's exact position. The tokenizer and
 * matching stay FTS5's own (prefixes, folded accents, phrases), which a re-implementation in
 * TypeScript could only approximate.
 *
 * The marker is chosen by `hit_mark(column, …)`, a SQL function registered on the connection the
 * first time it searches; it runs only for the rows a query returns (ORDER BY rank LIMIT n).
 */
const HIT_MARK_FUNCTION = 'hit_mark';
const FIRST_MARK = 0x02;

export function hitMark(...columns: readonly unknown[]): string {
  const texts = columns.filter((value): value is string => typeof value === 'string');
  for (let code = FIRST_MARK; ; code++) {
    // Lone surrogates are not characters a string can be searched for reliably; skip them.
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const mark = String.fromCodePoint(code);
    if (!texts.some((text) => text.includes(mark))) return mark;
  }
}

const withHitMark = new WeakSet<Database.Database>();

function registerHitMark(db: Database.Database): void {
  if (withHitMark.has(db)) return;
  db.function(HIT_MARK_FUNCTION, { deterministic: true, varargs: true }, hitMark);
  withHitMark.add(db);
}

/** snippet() of one FTS table, its hits marked with the row's own marker (see above). */
function markedSnippet(table: string, column: number, markColumns: string): string {
  const mark = `${HIT_MARK_FUNCTION}(${markColumns})`;
  return `${mark} AS mark, snippet(${table}, ${column}, ${mark}, ${mark}, '…', ${SNIPPET_TOKENS}) AS marked`;
}

const SNIPPET_TOKENS = 14;

export interface ParsedQuery {
  /** Words and "quoted phrases" to match, as typed. */
  words: string[];
  /** Whether the last word is still being typed, so it matches as a prefix. */
  prefixLast: boolean;
  tags: string[];
  sceneWords: string[];
}

/**
 * Reads a search box: words, "quoted phrases", `tag:<name>` (or `tag:"a name"`) and
 * `scene:<words>` filters. Nothing typed is ever passed to FTS5 as syntax: see toMatchExpression.
 */
export function parseQuery(text: string): ParsedQuery {
  const parsed: ParsedQuery = { words: [], prefixLast: false, tags: [], sceneWords: [] };
  const token = /(?:(tag|scene):)?(?:"([^"]*)"?|(\S+))/giu;
  let lastWasBare = false;
  for (const match of text.matchAll(token)) {
    const [, filter, quoted, bare] = match;
    const value = (quoted ?? bare ?? '').trim();
    lastWasBare = false;
    if (!value) continue;
    if (filter?.toLowerCase() === 'tag') parsed.tags.push(value);
    else if (filter?.toLowerCase() === 'scene') parsed.sceneWords.push(value);
    else {
      parsed.words.push(value);
      lastWasBare = bare !== undefined;
    }
  }
  parsed.words = parsed.words.filter(hasWordCharacter);
  parsed.sceneWords = parsed.sceneWords.filter(hasWordCharacter);
  // Still typing the last word when the box does not end in a space: match it as a prefix.
  parsed.prefixLast = lastWasBare && parsed.words.length > 0 && !/\s$/u.test(text);
  return parsed;
}

/** The tokenizer keeps letters and digits only; a term without any can never match. */
function hasWordCharacter(term: string): boolean {
  return /[\p{L}\p{N}]/u.test(term);
}

/**
 * Builds an FTS5 expression that can only mean "all these phrases": each term is a quoted string
 * (with its quotes doubled), so AND, OR, NOT, NEAR, *, ^, :, ( and ) typed by a person are words.
 */
export function toMatchExpression(terms: readonly string[], prefixLast: boolean): string {
  return terms.map((term, i) => `"${term.replace(/"/g, '""')}"${prefixLast && i === terms.length - 1 ? ' *' : ''}`).join(' AND ');
}

/** Splits a snippet on its row's marker: the text between an opening and a closing one is a hit. */
export function toSegments(marked: string, mark: string): SnippetSegment[] {
  return marked
    .split(mark)
    .map((text, i) => ({ text, hit: i % 2 === 1 }))
    .filter((segment) => segment.text !== '');
}

export interface SearchOptions {
  query: string;
  filmId?: number;
  limit: number;
}

interface Filters {
  filmId?: number;
  /** Scenes a `scene:` filter allows; undefined when there is none. */
  sceneIds?: number[];
  tagIds?: number[];
}

/** A ranked FTS row with its snippet and the marker its hits are wrapped in. */
interface MarkedRow {
  id: number;
  rank: number;
  mark: string;
  marked: string;
}

const noHits = (parsed: ParsedQuery): SearchResult => ({ hits: [], tags: parsed.tags, sceneWords: parsed.sceneWords, words: parsed.words });

/**
 * Ranked search over scenes, notes, dialogue, quotes, cues, the films' synopses and subtitles. In each FTS table the match and its
 * rank drive the query (ORDER BY rank LIMIT n, so snippets are made for n rows only); titles and
 * times are looked up afterwards for those rows. The lists are then merged by rank.
 */
export function search(db: Database.Database, options: SearchOptions): SearchResult {
  const parsed = parseQuery(options.query);
  registerHitMark(db);
  const filters: Filters = { filmId: options.filmId };
  if (parsed.tags.length) {
    const ids = tagIdsByName(db, parsed.tags);
    if (ids.some((id) => id === undefined)) return noHits(parsed);
    filters.tagIds = ids as number[];
  }
  if (parsed.sceneWords.length) {
    filters.sceneIds = scenesTitled(db, parsed.sceneWords, options.filmId);
    if (filters.sceneIds.length === 0) return noHits(parsed);
  }
  if (parsed.words.length === 0 && !filters.tagIds && !filters.sceneIds) return noHits(parsed);

  const match = parsed.words.length ? toMatchExpression(parsed.words, parsed.prefixLast) : null;
  const hits = [
    ...sceneHits(db, match, filters, options.limit),
    ...annotationHits(db, match, filters, options.limit),
    // Lines, cues and synopses are found by their words alone: a tag: or scene: filter narrows to scenes and notes.
    ...(match && !filters.tagIds && !filters.sceneIds
      ? [
          ...lineHits(db, match, filters, options.limit),
          ...cueHits(db, match, filters, options.limit),
          ...synopsisHits(db, match, filters, options.limit),
          ...subtitleHits(db, match, filters, options.limit)
        ]
      : [])
  ];
  hits.sort((a, b) => a.rank - b.rank);
  return { hits: hits.slice(0, options.limit), tags: parsed.tags, sceneWords: parsed.sceneWords, words: parsed.words };
}

/**
 * The match for one FTS table: the words in its text columns only (never in film_id, where a
 * search for "7" would find film 7's rows), and, in a search of one film, the film as a term of
 * its own, so that FTS5 ranks only that film's matches (see 004_search_by_film.sql).
 */
function scopedMatch(textColumns: string, words: string, filmId: number | undefined): string {
  const inText = `{${textColumns}} : (${words})`;
  return filmId === undefined ? inText : `{film_id} : "${filmId}" AND ${inText}`;
}

function scenesTitled(db: Database.Database, words: readonly string[], filmId: number | undefined): number[] {
  return db
    .prepare('SELECT rowid FROM scenes_fts WHERE scenes_fts MATCH ?')
    .pluck()
    .all(scopedMatch('title', toMatchExpression(words, true), filmId)) as number[];
}

/**
 * WHERE clauses shared by the scene and note queries, with their parameters in order. The FTS
 * queries pass no film column: the film is part of their match. There the id is written `+rowid`:
 * a plain `rowid IN (…)` would be handed to FTS5 as its driving constraint, running the match once
 * per tagged item instead of once.
 */
function filterClauses(
  filters: Filters,
  kind: 'scene' | 'annotation',
  db: Database.Database,
  columns: { film?: string; scene: string; id: string }
) {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (columns.film && filters.filmId !== undefined) {
    clauses.push(`${columns.film} = ?`);
    params.push(filters.filmId);
  }
  if (filters.sceneIds) {
    clauses.push(`${columns.scene} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(filters.sceneIds));
  }
  if (filters.tagIds) {
    const tagged = taggedItems(db, kind, filters.tagIds, 'all');
    clauses.push(`${columns.id} IN (${tagged.sql})`);
    params.push(...tagged.params);
  }
  return { sql: clauses.map((c) => ` AND ${c}`).join(''), params };
}

function sceneHits(db: Database.Database, match: string | null, filters: Filters, limit: number): SearchHit[] {
  if (match) {
    const where = filterClauses(filters, 'scene', db, { scene: '+rowid', id: '+rowid' });
    const rows = db
      .prepare(
        `SELECT rowid AS id, rank, ${markedSnippet('scenes_fts', -1, 'title, description, context')}
         FROM scenes_fts WHERE scenes_fts MATCH ?${where.sql} ORDER BY rank LIMIT ?`
      )
      .all(scopedMatch('title description context', match, filters.filmId), ...where.params, limit) as MarkedRow[];
    const scene = db.prepare('SELECT film_id AS filmId, title FROM scenes WHERE id = ?');
    return rows.map((row) => {
      const { filmId, title } = scene.get(row.id) as { filmId: number; title: string };
      return {
        kind: 'scene',
        id: row.id,
        filmId,
        sceneId: row.id,
        label: title,
        snippet: toSegments(row.marked, row.mark),
        filmTimeMs: null,
        cue: null,
        rank: row.rank
      };
    });
  }
  const where = filterClauses(filters, 'scene', db, { film: 's.film_id', scene: 's.id', id: 's.id' });
  const rows = db
    .prepare(
      `SELECT s.id, s.film_id AS filmId, s.title, substr(s.description, 1, 160) AS excerpt FROM scenes s WHERE 1${where.sql} ORDER BY s.film_id, s.position LIMIT ?`
    )
    .all(...where.params, limit) as { id: number; filmId: number; title: string; excerpt: string }[];
  return rows.map((row) => ({
    kind: 'scene',
    id: row.id,
    filmId: row.filmId,
    sceneId: row.id,
    label: row.title,
    snippet: plain(row.excerpt),
    filmTimeMs: null,
    cue: null,
    rank: 0
  }));
}

function annotationHits(db: Database.Database, match: string | null, filters: Filters, limit: number): SearchHit[] {
  const describe = db.prepare(
    `SELECT a.film_id AS filmId, a.scene_id AS sceneId, a.film_time_ms AS filmTimeMs, s.title AS sceneTitle,
       (SELECT label FROM cues WHERE id = a.cue_id) AS cueLabel
     FROM annotations a LEFT JOIN scenes s ON s.id = a.scene_id WHERE a.id = ?`
  );
  const hit = (id: number, rank: number, snippet: SnippetSegment[]): SearchHit => {
    const note = describe.get(id) as {
      filmId: number;
      sceneId: number | null;
      filmTimeMs: number | null;
      sceneTitle: string | null;
      cueLabel: string | null;
    };
    const label =
      note.sceneTitle !== null ? `Note · ${note.sceneTitle}` : note.cueLabel !== null ? `Note · cue ${note.cueLabel}` : 'Note on the film';
    return {
      kind: 'annotation',
      id,
      filmId: note.filmId,
      sceneId: note.sceneId,
      label,
      snippet,
      filmTimeMs: note.filmTimeMs,
      cue: null,
      rank
    };
  };
  if (match) {
    const where = filterClauses(filters, 'annotation', db, { scene: 'scene_id', id: '+rowid' });
    const rows = db
      .prepare(
        `SELECT rowid AS id, rank, ${markedSnippet('annotations_fts', 0, 'body')}
         FROM annotations_fts WHERE annotations_fts MATCH ? AND deleted_at IS NULL${where.sql} ORDER BY rank LIMIT ?`
      )
      .all(scopedMatch('body', match, filters.filmId), ...where.params, limit) as MarkedRow[];
    return rows.map((row) => hit(row.id, row.rank, toSegments(row.marked, row.mark)));
  }
  const where = filterClauses(filters, 'annotation', db, { film: 'a.film_id', scene: 'a.scene_id', id: 'a.id' });
  const rows = db
    .prepare(
      `SELECT a.id, substr(a.body, 1, 160) AS excerpt FROM annotations a
       WHERE a.deleted_at IS NULL${where.sql} ORDER BY a.updated_at DESC, a.id DESC LIMIT ?`
    )
    .all(...where.params, limit) as { id: number; excerpt: string }[];
  return rows.map((row) => hit(row.id, 0, plain(row.excerpt)));
}

function lineHits(db: Database.Database, match: string, filters: Filters, limit: number): SearchHit[] {
  const rows = db
    .prepare(
      `SELECT rowid AS id, film_id AS filmId, kind, speaker, rank, ${markedSnippet('film_lines_fts', -1, 'speaker, text')}
       FROM film_lines_fts WHERE film_lines_fts MATCH ? ORDER BY rank LIMIT ?`
    )
    .all(scopedMatch('speaker text', match, filters.filmId), limit) as {
    id: number;
    filmId: number;
    kind: SearchHitKind;
    speaker: string | null;
    rank: number;
    mark: string;
    marked: string;
  }[];
  return rows.map((row) => ({
    kind: row.kind,
    id: row.id,
    filmId: row.filmId,
    sceneId: null,
    label: `${row.kind === 'quote' ? 'Quote' : 'Dialogue'}${row.speaker ? ` · ${row.speaker}` : ''}`,
    snippet: toSegments(row.marked, row.mark),
    filmTimeMs: null,
    cue: null,
    rank: row.rank
  }));
}

function cueHits(db: Database.Database, match: string, filters: Filters, limit: number): SearchHit[] {
  const rows = db
    .prepare(
      `SELECT rowid AS id, rank, ${markedSnippet('cues_fts', 0, 'label')}
       FROM cues_fts WHERE cues_fts MATCH ? ORDER BY rank LIMIT ?`
    )
    .all(scopedMatch('label', match, filters.filmId), limit) as MarkedRow[];
  const describe = db.prepare(
    `SELECT c.track_id AS trackId, c.start_ms AS startMs, c.end_ms AS endMs, t.film_id AS filmId, t.title AS trackTitle,
       (SELECT l.scene_id FROM cue_scenes l JOIN scenes s ON s.id = l.scene_id WHERE l.cue_id = c.id ORDER BY s.position LIMIT 1) AS sceneId
     FROM cues c JOIN tracks t ON t.id = c.track_id WHERE c.id = ?`
  );
  return rows.map((row) => {
    const cue = describe.get(row.id) as {
      trackId: number;
      startMs: number;
      endMs: number;
      filmId: number;
      trackTitle: string;
      sceneId: number | null;
    };
    return {
      kind: 'cue',
      id: row.id,
      filmId: cue.filmId,
      sceneId: cue.sceneId,
      label: cue.trackTitle,
      snippet: toSegments(row.marked, row.mark),
      filmTimeMs: null,
      cue: { trackId: cue.trackId, startMs: cue.startMs, endMs: cue.endMs },
      rank: row.rank
    };
  });
}

/** A film's synopsis (migration 007); the hit's id is the film's. */
function synopsisHits(db: Database.Database, match: string, filters: Filters, limit: number): SearchHit[] {
  const rows = db
    .prepare(
      `SELECT rowid AS id, rank, ${markedSnippet('films_fts', 0, 'synopsis')} FROM films_fts WHERE films_fts MATCH ? ORDER BY rank LIMIT ?`
    )
    .all(scopedMatch('synopsis', match, filters.filmId), limit) as MarkedRow[];
  const title = db.prepare('SELECT title FROM films WHERE id = ?').pluck();
  return rows.map((row) => ({
    kind: 'synopsis',
    id: row.id,
    filmId: row.id,
    sceneId: null,
    label: `Synopsis · ${title.get(row.id) as string}`,
    snippet: toSegments(row.marked, row.mark),
    filmTimeMs: null,
    cue: null,
    rank: row.rank
  }));
}

/**
 * A subtitle line (migration 013): its film time is where choosing it takes the film, and its scene
 * the one whose span holds that time, when one does.
 */
function subtitleHits(db: Database.Database, match: string, filters: Filters, limit: number): SearchHit[] {
  const rows = db
    .prepare(
      `SELECT rowid AS id, rank, ${markedSnippet('subtitle_lines_fts', 0, 'text')}
       FROM subtitle_lines_fts WHERE subtitle_lines_fts MATCH ? ORDER BY rank LIMIT ?`
    )
    .all(scopedMatch('text', match, filters.filmId), limit) as MarkedRow[];
  const describe = db.prepare(
    `SELECT l.start_ms AS startMs, t.film_id AS filmId, t.name,
       (SELECT s.id FROM scenes s WHERE s.film_id = t.film_id AND s.start_ms <= l.start_ms AND l.start_ms < s.end_ms
        ORDER BY s.start_ms DESC LIMIT 1) AS sceneId
     FROM subtitle_lines l JOIN subtitle_tracks t ON t.id = l.track_id WHERE l.id = ?`
  );
  return rows.map((row) => {
    const line = describe.get(row.id) as { startMs: number; filmId: number; name: string; sceneId: number | null };
    return {
      kind: 'subtitle',
      id: row.id,
      filmId: line.filmId,
      sceneId: line.sceneId,
      label: `Subtitle · ${line.name}`,
      snippet: toSegments(row.marked, row.mark),
      filmTimeMs: line.startMs,
      cue: null,
      rank: row.rank
    };
  });
}

function plain(text: string): SnippetSegment[] {
  return text ? [{ text, hit: false }] : [];
}
