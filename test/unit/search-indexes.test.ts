import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCue, deleteCue } from '../../src/core/cues/cues';
import { dispatch } from '../../src/core/dispatch';
import { LIBRARY_FILE } from '../../src/core/library/library';
import { search } from '../../src/core/search/search';
import { searchIndexes, searchIndexProblem } from '../../src/core/search/search-indexes';
import { startLibrary } from '../../src/core/library/startup';
import { filmsDir, tempHome } from '../temp-library';

const start = (home: string) => startLibrary({ home, filmsDir });
const cueHits = (db: Database.Database, query: string) => search(db, { query, limit: 10 }).hits.filter((h) => h.kind === 'cue');

/** A library left as the old replace-restore left it: the cues are there, their search index is not. */
function libraryWithBrokenCueIndex(): { home: string; cueId: number } {
  const home = tempHome();
  const library = start(home);
  const trackId = library.db.prepare('SELECT id FROM tracks ORDER BY id LIMIT 1').pluck().get() as number;
  const cue = createCue(library.db, { trackId, label: 'The cormorant fanfare', startMs: 1_000, endMs: 2_000 });
  createCue(library.db, { trackId, label: 'The heron coda', startMs: 3_000, endMs: 4_000 });
  library.close();
  // Outside Reelnotes, as the old restore's order did: cues written while their track was not yet there.
  const db = new Database(join(home, LIBRARY_FILE));
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    const tracks = db.prepare('SELECT * FROM tracks').all();
    const cues = db.prepare('SELECT * FROM cues').all();
    db.prepare('DELETE FROM cues').run();
    db.prepare('DELETE FROM tracks').run();
    const insert = (table: string, rows: unknown[]) => {
      for (const row of rows as Record<string, unknown>[]) {
        const columns = Object.keys(row);
        db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(Object.values(row));
      }
    };
    insert('cues', cues);
    insert('tracks', tracks);
  })();
  expect(searchIndexProblem(db, 'cues_fts')).not.toBeNull();
  expect(cueHits(db, 'cormorant')).toEqual([]);
  expect(() => db.prepare('DELETE FROM cues WHERE id = ?').run(cue.id)).toThrow(/malformed/);
  db.close();
  return { home, cueId: cue.id };
}

describe('search indexes at start-up', () => {
  it('finds every FTS5 index in the schema', () => {
    const library = start(tempHome());
    expect(searchIndexes(library.db)).toEqual([
      'annotations_fts',
      'cues_fts',
      'film_lines_fts',
      'films_fts',
      'scenes_fts',
      'subtitle_lines_fts'
    ]);
    expect(library.searchRepairs).toEqual([]);
    library.close();
  });

  it('repairs a cue index broken by the old restore order, and says which index it repaired', async () => {
    const { home, cueId } = libraryWithBrokenCueIndex();
    const library = start(home);
    for (const index of searchIndexes(library.db)) expect(searchIndexProblem(library.db, index)).toBeNull();
    expect(cueHits(library.db, 'cormorant').map((h) => h.id)).toEqual([cueId]);
    expect(library.searchRepairs).toEqual([
      { index: 'cues_fts', covers: 'cue labels', problem: expect.stringMatching(/malformed/), repairedAt: expect.any(String) }
    ]);
    const status = await dispatch(library, 'library.status', {});
    expect(status).toMatchObject({ ok: true, result: { searchRepairs: [{ index: 'cues_fts', covers: 'cue labels' }] } });
    deleteCue(library.db, cueId);
    expect(cueHits(library.db, 'cormorant')).toEqual([]);
    expect(searchIndexProblem(library.db, 'cues_fts')).toBeNull();
    library.close();

    // Repaired for good: the next launch has nothing to tell.
    const again = start(home);
    expect(again.searchRepairs).toEqual([]);
    again.close();
  });

  it('rebuilds an index whose own pages were damaged, keeping the library where it is', () => {
    const home = tempHome();
    start(home).close();
    const db = new Database(join(home, LIBRARY_FILE));
    // Reelnotes' connections refuse to write an index's pages directly; a damaged disk does not ask.
    db.unsafeMode(true);
    expect(db.prepare('DELETE FROM scenes_fts_data WHERE id > 10').run().changes).toBeGreaterThan(0);
    expect(searchIndexProblem(db, 'scenes_fts')).not.toBeNull();
    db.close();
    const library = start(home);
    // Not set aside as a damaged library: the index is derived data, rebuilt in place.
    expect(library.recovery).toBeNull();
    expect(library.searchRepairs.map((r) => [r.index, r.covers])).toEqual([['scenes_fts', 'scenes']]);
    expect(searchIndexProblem(library.db, 'scenes_fts')).toBeNull();
    expect(search(library.db, { query: 'ballet', limit: 5 }).hits.some((h) => h.kind === 'scene')).toBe(true);
    library.close();
  });
});
