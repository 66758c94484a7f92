import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTime } from '../../src/core/exchange/times';
import { previewTable } from '../../src/core/exchange/table';
import { annotatedRedShoes, redShoesLibrary } from '../exchange-fixtures';

const allColumns = ['start', 'end', 'text', 'tags', 'kind', 'scene', 'track', 'cue'];
const asWritten = (filmId: number, fileName: string, text: string, delimiter: string) => ({
  filmId,
  fileName,
  text,
  delimiter,
  header: true,
  mapping: allColumns,
  notation: 'auto',
  fps: null,
  kind: 'note',
  track: null
});

describe('the study as a spreadsheet (CSV and TSV)', () => {
  for (const format of ['csv', 'tsv'] as const) {
    it(`writes ${format.toUpperCase()} that reads back into an empty library as the same file`, async () => {
      const from = await annotatedRedShoes();
      const file = await from.call<{ fileName: string; text: string }>('exchange.exportTable', { filmId: from.filmId, format });
      expect(file.fileName).toBe(`the-red-shoes.${format}`);
      const d = format === 'csv' ? ',' : '\t';
      expect(file.text.split('\r\n')[0]).toBe(allColumns.join(d));
      expect(file.text).toContain(
        ['01:23:45.250', '', '"## The leap\n\nShe flies; the room, silent,\tholds."', 'camera/crane; Dance'].join(d)
      );
      expect(file.text).toContain(
        ['00:00:01.500', '00:00:09.250', 'Shoes motif', 'leitmotif', 'cue', '1; 4', 'The Red Shoes Ballet', ''].join(d)
      );

      const to = redShoesLibrary();
      const preview = await to.call<{ header: boolean; mapping: string[]; delimiter: string }>('exchange.previewTable', {
        fileName: file.fileName,
        text: file.text
      });
      expect(preview).toMatchObject({ header: true, mapping: allColumns, delimiter: d });
      const counts = await to.call('exchange.importTable', asWritten(to.filmId, file.fileName, file.text, d));
      expect(counts).toEqual({ scenes: 9, notes: 4, cues: 2 });
      const again = await to.call<{ text: string }>('exchange.exportTable', { filmId: to.filmId, format });
      expect(again.text).toBe(file.text);
    });
  }

  it('keeps a tag name holding ";" or a backslash whole both ways, while a hand-kept "a;b" is two tags', async () => {
    const { filmId, call, library } = redShoesLibrary();
    const header = 'start,end,text,tags,kind';
    const text = `${header}\n00:00:05,,First,"score\\;draft; C:\\\\music",note\n00:00:06,,Second,motif;dance,note\n`;
    const read = { filmId, fileName: 'kept.csv', text, delimiter: ',', header: true, mapping: allColumns.slice(0, 5) };
    expect(await call('exchange.importTable', { ...read, notation: 'auto', fps: null, kind: 'note', track: null })).toEqual({
      scenes: 0,
      notes: 2,
      cues: 0
    });
    const tagsOf = (body: string) =>
      library.db
        .prepare(
          `SELECT t.name FROM tags t JOIN taggings g ON g.tag_id = t.id JOIN annotations a ON a.id = g.target_id
           WHERE g.target_kind = 'annotation' AND a.body = ? ORDER BY t.name`
        )
        .pluck()
        .all(body);
    expect(tagsOf('First')).toEqual(['C:\\music', 'score;draft']);
    expect(tagsOf('Second')).toEqual(['dance', 'motif']);
    const written = await call<{ text: string }>('exchange.exportTable', { filmId, format: 'csv' });
    expect(written.text).toContain(',First,C:\\\\music; score\\;draft,note,');
  });

  it('reads an Audacity-style CSV with a header made by hand, as cues on the track chosen', async () => {
    const { filmId, tracks, call, library } = redShoesLibrary();
    const text = 'Start time (s),End time (s),Label\n1.5,3.250,Horn call\n61,62.5,"Oboe, then strings"\n';
    const preview = await call<{ header: boolean; mapping: (string | null)[]; rows: string[][]; rowCount: number }>(
      'exchange.previewTable',
      {
        fileName: 'labels.csv',
        text
      }
    );
    expect(preview).toMatchObject({ header: true, mapping: ['start', 'end', 'text'], rowCount: 2 });
    expect(preview.rows[2]).toEqual(['61', '62.5', 'Oboe, then strings']);
    const counts = await call('exchange.importTable', {
      filmId,
      fileName: 'labels.csv',
      text,
      delimiter: ',',
      header: true,
      mapping: preview.mapping,
      notation: 'auto',
      fps: null,
      kind: 'cue',
      track: tracks[1].title
    });
    expect(counts).toEqual({ scenes: 0, notes: 0, cues: 2 });
    expect(library.db.prepare('SELECT label, start_ms, end_ms FROM cues WHERE track_id = ? ORDER BY start_ms').all(tracks[1].id)).toEqual([
      { label: 'Horn call', start_ms: 1500, end_ms: 3250 },
      { label: 'Oboe, then strings', start_ms: 61000, end_ms: 62500 }
    ]);
  });

  it('guesses start, end and text in a table without a header, and reads frames at the rate given', async () => {
    const { filmId, call, library } = redShoesLibrary();
    const text = '00:01:02:12\t00:01:03:00\tVicky turns\n00:10:00:24\t\tThe train\n';
    const preview = await call<{ header: boolean; mapping: (string | null)[] }>('exchange.previewTable', { fileName: 'shots.tsv', text });
    expect(preview).toMatchObject({ header: false, mapping: ['start', 'end', 'text'] });
    const options = {
      filmId,
      fileName: 'shots.tsv',
      text,
      delimiter: '\t',
      header: false,
      mapping: preview.mapping,
      notation: 'auto',
      kind: 'note',
      track: null
    };
    await expect(call('exchange.importTable', { ...options, fps: null })).rejects.toThrow(
      'shots.tsv, line 1, column start: "00:01:02:12" is counted in frames: give the frame rate; nothing was imported.'
    );
    await call('exchange.importTable', { ...options, fps: 25 });
    expect(library.db.prepare('SELECT body, film_time_ms FROM annotations ORDER BY id').all()).toEqual([
      { body: 'Vicky turns', film_time_ms: 62_480 },
      { body: 'The train', film_time_ms: 600_960 }
    ]);
  });

  it('reads seconds, clock times and frame counts', () => {
    expect(parseTime('83.5', 'auto', null)).toBe(83_500);
    expect(parseTime('1:23.5', 'auto', null)).toBe(83_500);
    expect(parseTime('01:02:03,045', 'clock', null)).toBe(3_723_045);
    expect(parseTime('250', 'frames', 25)).toBe(10_000);
    expect(parseTime('00:00:01;29', 'frames', 29.97)).toBe(1_968);
    expect(parseTime('1:75', 'auto', null)).toEqual({ problem: '"1:75": minutes and seconds must be below 60' });
    expect(parseTime('00:00:01:30', 'auto', 25)).toEqual({ problem: '"00:00:01:30": frame 30 does not exist at 25 frames a second' });
    expect(parseTime('83.5', 'clock', null)).toEqual({ problem: '"83.5" is not a time (hh:mm:ss.mmm)' });
    expect(parseTime('', 'auto', null)).toBeNull();
  });

  it('refuses a bad table with its line and column, and writes none of it', async () => {
    const { filmId, call, footprint } = redShoesLibrary();
    const before = footprint();
    const refused = async (text: string, extra: object = {}) => {
      const error = await call('exchange.importTable', { ...asWritten(filmId, 'study.csv', text, ','), ...extra }).catch((e: Error) => e);
      expect(footprint()).toBe(before);
      return (error as Error).message;
    };
    const header = `${allColumns.join(',')}\n`;
    expect(await refused(`${header}00:00:01,,fine,,note,1,,\nsoon,,bad,,note,,,\n`)).toBe(
      'study.csv, line 3, column start: "soon" is not a time (seconds, hh:mm:ss.mmm or hh:mm:ss:ff); nothing was imported.'
    );
    expect(await refused(`${header},,"multi\nline,,note,,,\n`)).toMatch(/^study\.csv, line 2: a quoted cell is never closed/);
    expect(await refused(`${header},,x,,note,12,,\n`)).toMatch(/^study\.csv, line 2: the film has no scene 12 \(it has 9\)/);
    expect(await refused(`${header}1,2,x,,cue,,,\n`)).toMatch(/^study\.csv, line 2: a cue needs its track/);
    expect(await refused(`${header}1,2,x,,cue,,Waltz,\n`)).toMatch(/^study\.csv, line 2: the film has no track "Waltz"/);
    expect(await refused(`${header}3,2,x,,note,,,\n`)).toMatch(/^study\.csv, line 2: it ends before it starts/);
    expect(await refused(`${header},,x,a//b,note,,,\n`)).toMatch(/^study\.csv, line 2: "a\/\/b" is not a tag name/);
    expect(await refused(`${header},,x,,shot,,,\n`)).toMatch(/^study\.csv, line 2, column kind: "shot" is not scene, note or cue/);
    expect(await refused(`${header},,x,,note,,Entr'acte,Nowhere\n`)).toMatch(/there is no cue "Nowhere" on "Entr'acte"/);
  });

  it('never half-writes: a fuzzed table is imported whole or not at all', async () => {
    const { filmId, call, footprint } = redShoesLibrary();
    const cell = fc.oneof(
      fc.constantFrom('', '1', '00:00:02.5', 'note', 'cue', 'scene', '3', '12', 'The Red Shoes Ballet', 'a;b', 'x//', '"'),
      fc.string({ maxLength: 8 })
    );
    const table = fc
      .array(fc.array(cell, { minLength: 1, maxLength: 8 }), { maxLength: 6 })
      .map((rows) => rows.map((r) => r.join(',')).join('\n'));
    await fc.assert(
      fc.asyncProperty(table, async (text) => {
        const before = footprint();
        try {
          await call('exchange.importTable', { ...asWritten(filmId, 'fuzz.csv', text, ','), header: false });
        } catch (error) {
          expect((error as Error).message).toMatch(/^fuzz\.csv, line \d+/);
          expect(footprint()).toBe(before);
        }
      }),
      { numRuns: 150 }
    );
  });

  it('a large table is written as a restore is, and search finds what it brought', async () => {
    const { filmId, call, library } = redShoesLibrary();
    const rows = Array.from({ length: 2500 }, (_, i) => `${i},,Note ${i} on the zephyrine motif,,note,,,`);
    const text = `${allColumns.join(',')}\n${rows.join('\n')}\n`;
    expect(await call('exchange.importTable', asWritten(filmId, 'many.csv', text, ','))).toEqual({ scenes: 0, notes: 2500, cues: 0 });
    const found = await call<{ hits: { kind: string }[] }>('search.query', { filmId, query: 'zephyrine' });
    expect(found.hits.filter((h) => h.kind === 'annotation').length).toBeGreaterThan(0);
    // The search triggers are back for the edits that follow.
    await call('notes.create', { target: { kind: 'film', id: filmId }, body: 'a quetzalcoatl feather', filmTimeMs: null });
    expect((await call<{ hits: unknown[] }>('search.query', { filmId, query: 'quetzalcoatl' })).hits).toHaveLength(1);
    expect(
      library.db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'annotations_fts%'").pluck().get()
    ).toBe(3);
  });

  it('takes a semicolon-separated table by its first line', () => {
    expect(previewTable('export.csv', 'start;end;text\n1;2;a\n')).toMatchObject({ delimiter: ';', mapping: ['start', 'end', 'text'] });
  });
});
