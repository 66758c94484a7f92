import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../src/core/notes/notes';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import { dispatch } from '../../src/core/dispatch';
import { createCue, deleteCue, listCues } from '../../src/core/cues/cues';
import { importFilmPage, listFilms } from '../../src/core/films/films';
import { listScenes, updateScene } from '../../src/core/scenes/scenes';
import { listTracks } from '../../src/core/tracks/tracks';
import { search } from '../../src/core/search/search';
import { searchIndexes, searchIndexProblem } from '../../src/core/search/search-indexes';
import { exportLibrary, mergeIntoLibrary, replaceLibrary, serialiseArchive, type LibraryArchive } from '../../src/core/library/archive';
import { restoreArchive as restore } from '../archive-file';
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
    restore(target.db, first);
    expect(serialiseArchive(exportLibrary(target.db))).toBe(first);
    expect(target.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('replaces a library whole, in one step', () => {
    const source = fullLibrary();
    const archive = exportLibrary(source.db);
    const target = tempLibrary();
    importFilmPage(target.db, secondFilm.replaceAll('Peeping Score', 'Only Here'), 'x.txt');
    restore(target.db, archive);
    expect(listFilms(target.db).map((f) => f.title)).toEqual(['Peeping Score', 'The Red Shoes']);
  });

  it('restores a backup written before cues.color became colour (schema 7), replacing and merging', () => {
    const source = tempLibrary();
    seedDefaultLibrary(source, filmsDir);
    const trackId = listTracks(source.db, listFilms(source.db)[0].id)[0].id;
    createCue(source.db, { trackId, label: 'Old waltz', startMs: 0, endMs: 1_000, colour: '#123abc' });
    createCue(source.db, { trackId, label: 'Old march', startMs: 2_000, endMs: 3_000, colour: '#edae49' });
    const archive = exportLibrary(source.db);
    // As Reelnotes wrote it then: the column was color, and a colour could be upper-case.
    const old: LibraryArchive = {
      ...archive,
      schema: 7,
      tables: {
        ...archive.tables,
        cues: archive.tables.cues.map(({ colour, ...row }) => ({ ...row, color: row.label === 'Old waltz' ? '#123ABC' : colour }))
      }
    };
    const colours = (db: typeof source.db) => listCues(db, trackId).map((c) => [c.label, c.colour]);

    const replaced = tempLibrary();
    restore(replaced.db, old);
    expect(colours(replaced.db)).toEqual([
      ['Old waltz', '#123abc'],
      ['Old march', '#edae49']
    ]);
    expect(serialiseArchive(exportLibrary(replaced.db))).toBe(serialiseArchive(archive));

    const merged = tempLibrary();
    seedDefaultLibrary(merged, filmsDir);
    expect(restore(merged.db, old, mergeIntoLibrary).added).toBeGreaterThan(0);
    expect(colours(merged.db)).toEqual(colours(replaced.db));

    // From schema 8 on, color is no column of cues.
    expect(() => restore(tempLibrary().db, { ...old, schema: 8 })).toThrow(/unknown column "color"/);
  });

  it('merges: adds what is missing, matches what is already there, and can be merged twice', () => {
    const source = fullLibrary();
    const archive = exportLibrary(source.db);
    const target = tempLibrary();
    seedDefaultLibrary(target, filmsDir);
    const first = restore(target.db, archive, mergeIntoLibrary);
    expect(first.added).toBeGreaterThan(0);
    expect(listFilms(target.db).map((f) => f.title)).toEqual(['Peeping Score', 'The Red Shoes']);
    const peeping = listFilms(target.db).find((f) => f.title === 'Peeping Score')!;
    expect(listScenes(target.db, peeping.id).map((s) => s.title)).toEqual(['The Screening Room']);
    const again = restore(target.db, archive, mergeIntoLibrary);
    expect(again.added).toBe(0);
    expect(target.db.pragma('foreign_key_check')).toEqual([]);
  });

  it.each([
    ['not json', '{', /is not valid JSON/],
    ['another format', JSON.stringify({ format: 'other', version: 1, schema: 1, tables: {} }), /not a Reelnotes library backup/],
    ['a future version', JSON.stringify({ format: 'reelnotes-library', version: 2, schema: 1, tables: {} }), /Only version 1/],
    [
      'an unknown table',
      JSON.stringify({ format: 'reelnotes-library', version: 1, schema: 1, tables: { users: [] } }),
      /unknown table "users"/
    ],
    [
      'an unknown column',
      JSON.stringify({ format: 'reelnotes-library', version: 1, schema: 1, tables: { films: [{ id: 1, pwned: 1 }] } }),
      /unknown column "pwned"/
    ],
    ['a newer schema', JSON.stringify({ format: 'reelnotes-library', version: 1, schema: 999, tables: {} }), /newer Reelnotes/]
  ])('refuses %s before writing anything', (_name, text, message) => {
    const library = fullLibrary();
    const before = snapshot(library);
    expect(() => restore(library.db, text)).toThrow(message);
    expect(snapshot(library)).toEqual(before);
  });

  it('refuses rows that do not hold together, leaving the library exactly as it was', () => {
    const library = fullLibrary();
    const before = snapshot(library);
    const archive = exportLibrary(library.db);
    archive.tables.films = archive.tables.films.slice(1);
    expect(() => restore(library.db, archive)).toThrow(/points to a films row that is not in the backup/);
    expect(() => restore(library.db, archive, mergeIntoLibrary)).toThrow(ReelnotesError);
    expect(snapshot(library)).toEqual(before);
  });

  it('never crashes or half-writes on mutated backups', () => {
    const library = fullLibrary();
    const before = snapshot(library);
    const text = serialiseArchive(exportLibrary(library.db));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: text.length - 1 }),
        fc.integer({ min: 1, max: 40 }),
        fc.string({ maxLength: 8 }),
        (at, cut, insert) => {
          const mutated = text.slice(0, at) + insert + text.slice(at + cut);
          try {
            restore(library.db, mutated, replaceLibrary, 'fuzz.json');
          } catch (error) {
            expect(error).toBeInstanceOf(ReelnotesError);
          }
          // Whatever happened, the library is either exactly as it was or exactly the mutated archive.
          expect(library.db.pragma('foreign_key_check')).toEqual([]);
          restore(library.db, text, replaceLibrary, 'original.json');
        }
      ),
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
    const find = (query: string) =>
      search(target.db, { query, limit: 50 })
        .hits.filter((h) => h.kind === 'cue')
        .map((h) => h.id);
    const indexesSound = () => searchIndexes(target.db).map((index) => [index, searchIndexProblem(target.db, index)]);
    const triggers = () => target.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all();
    const triggersBefore = triggers();

    restore(target.db, text);
    expect(find('cormorant')).toHaveLength(1);
    expect(indexesSound()).toEqual(searchIndexes(target.db).map((index) => [index, null]));
    expect(triggers()).toEqual(triggersBefore);
    const cormorant = target.db.prepare("SELECT id FROM cues WHERE label = 'The cormorant fanfare'").pluck().get() as number;
    deleteCue(target.db, cormorant);
    expect(find('cormorant')).toEqual([]);

    // A second replace over the restored library, then a track and a film deleted.
    restore(target.db, text);
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
    restore(target.db, exportLibrary(source.db), mergeIntoLibrary);
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
    const archive = JSON.parse(text) as LibraryArchive;
    archive.tables.films[0].title = 'A title that must not stay';
    const triggers = () => library.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all();
    const triggersBefore = triggers();
    const refusal = /backup\.json: the search index film_noise_fts failed its check after the restore .*nothing was restored/;
    expect(() => restore(library.db, archive, replaceLibrary)).toThrow(refusal);
    expect(snapshot(library)).toEqual(before);
    expect(() => restore(library.db, archive, mergeIntoLibrary)).toThrow(refusal);
    expect(snapshot(library)).toEqual(before);
    // The search triggers a restore sets aside come back with the rollback.
    expect(triggers()).toEqual(triggersBefore);
    expect(triggersBefore.length).toBeGreaterThan(10);
  });
});

describe('reading a library file as a stream', () => {
  it('accepts the document in any member order and any JSON white space', () => {
    const source = fullLibrary();
    const archive = exportLibrary(source.db);
    const exported = serialiseArchive(archive);
    const { tables, ...envelope } = archive;
    const shapes = [
      JSON.stringify({ tables, ...envelope }),
      JSON.stringify({ version: 1, tables, schema: archive.schema, format: archive.format }),
      JSON.stringify(archive, null, '\t').replaceAll('\n', '\r\n') + '\r\n\r\n',
      JSON.stringify(archive).replaceAll('":', '" :\n ').replaceAll(',"', ' ,  "')
    ];
    for (const text of shapes) {
      const target = tempLibrary();
      restore(target.db, text);
      expect(serialiseArchive(exportLibrary(target.db))).toBe(exported);
    }
  });

  it("reads rows that cross the reader's buffer, multi-byte characters included", () => {
    const source = fullLibrary();
    const scene = listScenes(source.db, 1)[0];
    // Larger than the 1 MB read buffer, with 2-, 3- and 4-byte characters at every offset.
    const long = 'Édith’s 🎭 note — '.repeat(120_000);
    for (let i = 0; i < 3; i++)
      createAnnotation(source.db, { target: { kind: 'scene', id: scene.id }, body: long.slice(i), filmTimeMs: null });
    const text = serialiseArchive(exportLibrary(source.db));
    expect(Buffer.byteLength(text)).toBeGreaterThan(3 * 1024 * 1024);
    const target = tempLibrary();
    restore(target.db, text);
    expect(serialiseArchive(exportLibrary(target.db))).toBe(text);
    const merged = tempLibrary();
    restore(merged.db, text, mergeIntoLibrary);
    expect(merged.db.prepare('SELECT count(*) FROM annotations WHERE body = ?').pluck().get(long.slice(1))).toBe(1);
  });

  it.each([
    [
      'cut short inside a row',
      (t: string) => t.slice(0, t.indexOf('"scenes"') + 40),
      /backup\.json is not valid JSON: the file ends inside a value that starts here at line \d+, column \d+\./
    ],
    [
      'text after the document',
      (t: string) => `${t} {}`,
      /backup\.json is not valid JSON: unexpected text after the end of the document at line \d+, column 2\./
    ],
    [
      'a bracket closed by the wrong one',
      (t: string) => t.replace('"title":', '"title": [1},'),
      /backup\.json is not valid JSON: "\}" does not close the bracket it follows at line \d+/
    ],
    [
      'a bad value inside a row',
      (t: string) => t.replace('"title": "', '"title": tru, "x": "'),
      /backup\.json is not valid JSON: .* at line \d+, column \d+\./
    ],
    [
      'rows that are not a list',
      (t: string) => t.replace(/"films": \[/, '"films": {"a": ['),
      /backup\.json: table "films" is not a list of rows\./
    ],
    ['a table twice', (t: string) => t.replace('"films": [', '"films": [], "films": ['), /backup\.json: table "films" appears twice\./]
  ])('refuses %s, saying where, before writing anything', (_name, mutate, message) => {
    const library = fullLibrary();
    const before = snapshot(library);
    const text = mutate(serialiseArchive(exportLibrary(library.db)));
    expect(() => restore(library.db, text)).toThrow(message);
    expect(snapshot(library)).toEqual(before);
  });

  it('names the table and the row of a bad cell', () => {
    const library = tempLibrary();
    const text = JSON.stringify({
      format: 'reelnotes-library',
      version: 1,
      schema: 1,
      tables: {
        films: [
          { id: 1, title: 'A' },
          { id: 2, title: [] }
        ]
      }
    });
    expect(() => restore(library.db, text)).toThrow(
      'backup.json: films row 2 has a value of "title" that is not text, a number, null or {"base64"}.'
    );
  });

  it('checks the envelope before the rows, whichever comes first', () => {
    const library = tempLibrary();
    const text = JSON.stringify({ tables: { users: [{ pwned: 1 }] }, format: 'other', version: 1, schema: 1 });
    expect(() => restore(library.db, text)).toThrow(/backup\.json: This is not a Reelnotes library backup/);
  });

  it('travels in chunks through the contract, as the desktop app sends it, and leaves nothing in incoming/', async () => {
    const source = fullLibrary();
    const bytes = Buffer.from(serialiseArchive(exportLibrary(source.db)));
    const target = tempLibrary();
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const outcome = await dispatch(target, method, input);
      if (!outcome.ok) throw new Error(outcome.error.message);
      return outcome.result as T;
    };
    const { uploadId } = await call<{ uploadId: string }>('library.beginArchiveUpload', { fileName: 'mine.json', byteSize: bytes.length });
    for (let offset = 0; offset < bytes.length; offset += 4096) {
      await call('library.archiveChunk', { uploadId, offset, data: bytes.subarray(offset, offset + 4096).toString('base64') });
    }
    const result = await call<{ mode: string; added: number; saved: { reason: string } }>('library.restoreArchive', {
      uploadId,
      mode: 'replace'
    });
    expect(result).toMatchObject({ mode: 'replace', saved: { reason: 'before-restore' } });
    expect(serialiseArchive(exportLibrary(target.db))).toBe(bytes.toString());
    expect(readdirSync(join(target.home, 'incoming'))).toEqual([]);
    await expect(call('library.restoreArchive', { uploadId, mode: 'replace' })).rejects.toThrow(/unknown or has already been read/);

    const short = await call<{ uploadId: string }>('library.beginArchiveUpload', { fileName: 'short.json', byteSize: bytes.length });
    await call('library.archiveChunk', { uploadId: short.uploadId, offset: 0, data: bytes.subarray(0, 100).toString('base64') });
    await expect(call('library.restoreArchive', { uploadId: short.uploadId, mode: 'merge' })).rejects.toThrow(
      `short.json arrived incomplete: 100 of ${bytes.length} bytes.`
    );
    expect(readdirSync(join(target.home, 'incoming'))).toEqual([]);
  });
});
