import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedDefaultLibrary } from '../../src/main/library/default-library';
import { createCue, deleteCue } from '../../src/main/library/cues';
import { importFilmPage, listFilms, listScenes, updateScene } from '../../src/main/library/films';
import { search } from '../../src/main/library/search';
import { searchIndexes, searchIndexProblem } from '../../src/main/library/search-indexes';
import { exportLibrary, mergeIntoLibrary, readArchive, replaceLibrary, serialiseArchive } from '../../src/main/library/library-archive';
import { ReelnotesError } from '../../src/shared/errors';
import { filmsDir, tempLibrary } from '../temp-library';

const secondFilm = [
  'Peeping Score',
  'A second film, so that merging has something to add.',
  'Dialogues from Movie Peeping Score',
  'Mark: Every film is a record of what the camera saw.',
  'Quotes from Movie Peeping Score',
  'Sound Tracks from Peeping Score by Brian Easdale',
  'Piano Theme',
  'Piano Theme by Brian Easdale, Solo piano',
  'Memorable Scenes from Movie Peeping Score',
  'The Screening Room',
  'Mark watches his own footage.',
  'Context: The film watches itself.'
].join('\n');

function fullLibrary() {
  const library = tempLibrary();
  seedDefaultLibrary(library, filmsDir);
  importFilmPage(library.db, secondFilm, 'peeping-score.txt');
  const redShoes = listFilms(library.db).find((f) => f.title === 'The Red Shoes')!;
  const scene = listScenes(library.db, redShoes.id)[2];
  updateScene(library.db, { sceneId: scene.id, context: 'Édith’s “notes” — 🎭 <b>not html</b>\nline two' });
  return library;
}

/** Every row of the library, without search indexes: what a person would miss if it were lost. */
function snapshot(library: ReturnType<typeof tempLibrary>) {
  return exportLibrary(library.db).tables;
}

describe('the JSON library backup', () => {
  it('re-exports byte for byte after a restore into an empty library', () => {
    const source = fullLibrary();
    const first = serialiseArchive(exportLibrary(source.db));
    const target = tempLibrary();
    replaceLibrary(target.db, readArchive(target.db, first, 'backup.json'), 'backup.json');
    expect(serialiseArchive(exportLibrary(target.db))).toBe(first);
    expect(target.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('replaces a library whole, in one step', () => {
    const source = fullLibrary();
    const archive = exportLibrary(source.db);
    const target = tempLibrary();
    importFilmPage(target.db, secondFilm.replaceAll('Peeping Score', 'Only Here'), 'x.txt');
    replaceLibrary(target.db, archive, 'backup.json');
    expect(listFilms(target.db).map((f) => f.title)).toEqual(['Peeping Score', 'The Red Shoes']);
  });

  it('merges: adds what is missing, matches what is already there, and can be merged twice', () => {
    const source = fullLibrary();
    const archive = exportLibrary(source.db);
    const target = tempLibrary();
    seedDefaultLibrary(target, filmsDir);
    const first = mergeIntoLibrary(target.db, archive, 'backup.json');
    expect(first.added).toBeGreaterThan(0);
    expect(listFilms(target.db).map((f) => f.title)).toEqual(['Peeping Score', 'The Red Shoes']);
    const peeping = listFilms(target.db).find((f) => f.title === 'Peeping Score')!;
    expect(listScenes(target.db, peeping.id).map((s) => s.title)).toEqual(['The Screening Room']);
    const again = mergeIntoLibrary(target.db, archive, 'backup.json');
    expect(again.added).toBe(0);
    expect(target.db.pragma('foreign_key_check')).toEqual([]);
  });

  it.each([
    ['not json', '{', /is not valid JSON/],
    ['another format', JSON.stringify({ format: 'other', version: 1, schema: 1, tables: {} }), /not a Reelnotes library backup/],
    ['a future version', JSON.stringify({ format: 'reelnotes-library', version: 2, schema: 1, tables: {} }), /Only version 1/],
    ['an unknown table', JSON.stringify({ format: 'reelnotes-library', version: 1, schema: 1, tables: { users: [] } }), /unknown table "users"/],
    ['an unknown column', JSON.stringify({ format: 'reelnotes-library', version: 1, schema: 1, tables: { films: [{ id: 1, pwned: 1 }] } }), /unknown column "pwned"/],
    ['a newer schema', JSON.stringify({ format: 'reelnotes-library', version: 1, schema: 999, tables: {} }), /newer Reelnotes/]
  ])('refuses %s before writing anything', (_name, text, message) => {
    const library = fullLibrary();
    const before = snapshot(library);
    expect(() => replaceLibrary(library.db, readArchive(library.db, text, 'backup.json'), 'backup.json')).toThrow(message);
    expect(snapshot(library)).toEqual(before);
  });

  it('refuses rows that do not hold together, leaving the library exactly as it was', () => {
    const library = fullLibrary();
    const before = snapshot(library);
    const archive = exportLibrary(library.db);
    archive.tables.films = archive.tables.films.slice(1);
    expect(() => replaceLibrary(library.db, archive, 'backup.json')).toThrow(/points to a films row that is not in the backup/);
    expect(() => mergeIntoLibrary(library.db, archive, 'backup.json')).toThrow(ReelnotesError);
    expect(snapshot(library)).toEqual(before);
  });

  it('never crashes or half-writes on mutated backups', () => {
    const library = fullLibrary();
    const before = snapshot(library);
    const text = serialiseArchive(exportLibrary(library.db));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 1 }), fc.integer({ min: 1, max: 40 }), fc.string({ maxLength: 8 }), (at, cut, insert) => {
        const mutated = text.slice(0, at) + insert + text.slice(at + cut);
        try {
          replaceLibrary(library.db, readArchive(library.db, mutated, 'fuzz.json'), 'fuzz.json');
        } catch (error) {
          expect(error).toBeInstanceOf(ReelnotesError);
        }
        // Whatever happened, the library is either exactly as it was or exactly the mutated archive.
        expect(library.db.pragma('foreign_key_check')).toEqual([]);
        replaceLibrary(library.db, readArchive(library.db, text, 'original.json'), 'original.json');
      }),
      { numRuns: 150 }
    );
    expect(snapshot(library)).toEqual(before);
  });

  it('restores by replace with the cues in search, and a library that can still delete cues, tracks and films', () => {
    const source = fullLibrary();
    const trackId = source.db.prepare('SELECT id FROM tracks ORDER BY id DESC LIMIT 1').pluck().get() as number;
    createCue(source.db, { trackId, label: 'The cormorant fanfare', startMs: 1_000, endMs: 2_000 });
    createCue(source.db, { trackId, label: 'The heron coda', startMs: 3_000, endMs: 4_000 });
    const text = serialiseArchive(exportLibrary(source.db));
    const target = tempLibrary();
    seedDefaultLibrary(target, filmsDir);
    const find = (query: string) => search(target.db, { query, limit: 50 }).hits.filter((h) => h.kind === 'cue').map((h) => h.id);
    const indexesSound = () => searchIndexes(target.db).map((index) => [index, searchIndexProblem(target.db, index)]);

    replaceLibrary(target.db, readArchive(target.db, text, 'backup.json'), 'backup.json');
    expect(find('cormorant')).toHaveLength(1);
    expect(indexesSound()).toEqual(searchIndexes(target.db).map((index) => [index, null]));
    const cormorant = target.db.prepare("SELECT id FROM cues WHERE label = 'The cormorant fanfare'").pluck().get() as number;
    deleteCue(target.db, cormorant);
    expect(find('cormorant')).toEqual([]);

    // A second replace over the restored library, then a track and a film deleted.
    replaceLibrary(target.db, readArchive(target.db, text, 'backup.json'), 'backup.json');
    expect(find('cormorant')).toHaveLength(1);
    target.db.prepare('DELETE FROM tracks WHERE id = ?').run(trackId);
    expect(find('heron')).toEqual([]);
    target.db.prepare('DELETE FROM films').run();
    expect(indexesSound()).toEqual(searchIndexes(target.db).map((index) => [index, null]));
  });

  it('merges with the cues in search', () => {
    const source = fullLibrary();
    const trackId = source.db.prepare('SELECT id FROM tracks ORDER BY id DESC LIMIT 1').pluck().get() as number;
    createCue(source.db, { trackId, label: 'The cormorant fanfare', startMs: 1_000, endMs: 2_000 });
    const target = tempLibrary();
    mergeIntoLibrary(target.db, readArchive(target.db, serialiseArchive(exportLibrary(source.db)), 'backup.json'), 'backup.json');
    expect(search(target.db, { query: 'cormorant', limit: 5 }).hits.map((h) => h.kind)).toEqual(['cue']);
    expect(searchIndexes(target.db).map((index) => searchIndexProblem(target.db, index))).toEqual(searchIndexes(target.db).map(() => null));
  });

  it('rolls a restore back whole when a search index fails its check after the rebuild', () => {
    const library = fullLibrary();
    const text = serialiseArchive(exportLibrary(library.db));
    const before = snapshot(library);
    // An index over a view whose words change on every read: rebuilt, it never matches its content.
    library.db.exec(`CREATE VIEW film_noise AS SELECT id, hex(randomblob(8)) AS words FROM films;
      CREATE VIRTUAL TABLE film_noise_fts USING fts5 (words, content = 'film_noise', content_rowid = 'id');`);
    const archive = readArchive(library.db, text, 'backup.json');
    archive.tables.films[0].title = 'A title that must not stay';
    for (const restore of [replaceLibrary, mergeIntoLibrary]) {
      expect(() => restore(library.db, archive, 'backup.json')).toThrow(/backup\.json: the search index film_noise_fts failed its check after the restore .*nothing was restored/);
      expect(snapshot(library)).toEqual(before);
    }
  });
});
