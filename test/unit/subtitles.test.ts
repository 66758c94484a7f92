import { describe, expect, it } from 'vitest';
import type { CallOutcome } from '../../src/shared/errors';
import type { FilmLine, SubtitleLine, SubtitleTrack } from '../../src/shared/domain';
import { dispatch } from '../../src/core/dispatch';
import { search } from '../../src/core/search/search';
import { searchIndexProblem } from '../../src/core/search/search-indexes';
import { importFilmPage } from '../../src/core/films/films';
import { exportLibrary, mergeIntoLibrary, serialiseArchive } from '../../src/core/library/archive';
import { restoreArchive } from '../archive-file';
import { redShoesLibrary, tempLibrary } from '../temp-library';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const srt = [
  '\uFEFF1',
  '00:00:01,000 --> 00:00:03,500',
  '<i>Why do you want to dance?</i>',
  '',
  '2',
  '00:12:34,250 --> 00:12:37,000',
  'Why do you want to live?',
  '{\\an8}I don’t know &amp; I must.',
  '',
  '3',
  '01:40:00,000 --> 01:40:02,000',
  '<font color="#ffff00"></font>',
  ''
].join('\r\n');

const vtt = `WEBVTT - The Red Shoes
Kind: captions

NOTE a comment block
that spans two lines

STYLE
::cue { color: yellow }

opening
00:05.000 --> 00:07.250 align:start position:10%
<c.yellow>The red shoes are never tired.</c>

01:00:00.000 --> 01:00:04.000
<v Lermontov>Nothing matters.
`;

async function call<R>(library: ReturnType<typeof redShoesLibrary>['library'], method: string, input: object): Promise<CallOutcome<R>> {
  return (await dispatch(library, method, input)) as CallOutcome<R>;
}

async function ok<R>(library: ReturnType<typeof redShoesLibrary>['library'], method: string, input: object): Promise<R> {
  const outcome = await call<R>(library, method, input);
  if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message}`);
  return outcome.result;
}

describe('subtitle files for a film', () => {
  it('imports SRT: numbers, markup and empty blocks go, line breaks, times and entities stay', async () => {
    const { library, filmId } = redShoesLibrary();
    const track = await ok<SubtitleTrack>(library, 'subtitles.import', { filmId, fileName: 'red-shoes.en.srt', text: srt });
    expect(track).toEqual({ id: expect.any(Number), filmId, name: 'red-shoes.en.srt', lineCount: 2 });
    expect(await ok<SubtitleLine[]>(library, 'subtitles.lines', { trackId: track.id })).toEqual([
      { id: expect.any(Number), startMs: 1000, endMs: 3500, text: 'Why do you want to dance?' },
      { id: expect.any(Number), startMs: 754_250, endMs: 757_000, text: 'Why do you want to live?\nI don’t know & I must.' }
    ]);
    expect(await ok<SubtitleTrack[]>(library, 'subtitles.tracks', { filmId })).toEqual([track]);
  });

  it('imports WebVTT: header, comments and styles skipped, identifiers, times without hours and cue settings read', async () => {
    const { library, filmId } = redShoesLibrary();
    const track = await ok<SubtitleTrack>(library, 'subtitles.import', { filmId, fileName: 'captions.vtt', text: vtt });
    expect(
      (await ok<SubtitleLine[]>(library, 'subtitles.lines', { trackId: track.id })).map(({ startMs, endMs, text }) => [
        startMs,
        endMs,
        text
      ])
    ).toEqual([
      [5000, 7250, 'The red shoes are never tired.'],
      [3_600_000, 3_604_000, 'Nothing matters.']
    ]);
  });

  it.each([
    [
      '1\n00:00:01,000 -> 00:00:02,000\nHello\n',
      'bad.srt, line 1: no "00:00:00.000 --> 00:00:01.000" timing line at the start of this block'
    ],
    [
      '1\n00:00:01,000 --> 00:00:02,000\nHello\n\n2\n00:00:05 --> 00:00:06\nAgain\n',
      'bad.srt, line 6: "00:00:05 --> 00:00:06" is not a timing line'
    ],
    ['1\n00:00:09,000 --> 00:00:02,000\nBackwards\n', 'bad.srt, line 2: this block ends before it starts'],
    ['1\n00:61:00,000 --> 00:62:00,000\nToo many minutes\n', 'bad.srt, line 2: minutes and seconds must be below 60'],
    ['A shopping list\nmilk\n', 'bad.srt, line 1: no "00:00:00.000 --> 00:00:01.000" timing line']
  ])('refuses %j, naming the file and line, and writes nothing', async (text, message) => {
    const { library, db, filmId } = redShoesLibrary();
    const outcome = await call(library, 'subtitles.import', { filmId, fileName: 'bad.srt', text });
    expect(outcome).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(message) } });
    expect(db.prepare('SELECT count(*) FROM subtitle_tracks').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM subtitle_lines').pluck().get()).toBe(0);
  });

  it('are found by search at their film time, in the scene whose span holds them, and leave it with their track', async () => {
    const { library, db, filmId, scenes } = redShoesLibrary();
    await ok(library, 'scenes.setSpan', { sceneId: scenes[1].id, startMs: 700_000, endMs: 800_000 });
    const track = await ok<SubtitleTrack>(library, 'subtitles.import', { filmId, fileName: 'red-shoes.en.srt', text: srt });

    const hits = search(db, { query: 'live', filmId, limit: 10 }).hits.filter((h) => h.kind === 'subtitle');
    expect(hits).toEqual([
      expect.objectContaining({
        kind: 'subtitle',
        filmId,
        sceneId: scenes[1].id,
        filmTimeMs: 754_250,
        label: 'Subtitle · red-shoes.en.srt'
      })
    ]);
    expect(hits[0].snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['live']);
    // A line outside every span belongs to no scene.
    expect(search(db, { query: 'dance', filmId, limit: 10 }).hits.find((h) => h.kind === 'subtitle')).toMatchObject({
      sceneId: null,
      filmTimeMs: 1000
    });
    // Another film's search does not see them.
    expect(search(db, { query: 'live', filmId: filmId + 1, limit: 10 }).hits).toEqual([]);

    expect(await ok(library, 'subtitles.delete', { trackId: track.id })).toEqual({ removed: 2 });
    expect(search(db, { query: 'live', limit: 10 }).hits.filter((h) => h.kind === 'subtitle')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM subtitle_lines').pluck().get()).toBe(0);
    expect(searchIndexProblem(db, 'subtitle_lines_fts')).toBeNull();
  });
});

describe('dialogue and quote lines at film time', () => {
  it('take a subtitle line’s time (offered by their words), or a typed one, and give it back', async () => {
    const { library, db, filmId } = redShoesLibrary();
    const page = readFileSync(join(__dirname, '..', '..', 'e2e', 'fixtures', 'the-archers-notebook.txt'), 'utf8');
    const archers = importFilmPage(db, page, 'the-archers-notebook.txt').film.id;
    const lines = await ok<FilmLine[]>(library, 'films.lines', { filmId: archers });
    expect(lines.every((l) => l.filmTimeMs === null)).toBe(true);
    const tide = lines.find((l) => l.text.includes('tide'))!;

    await ok(library, 'subtitles.import', {
      filmId: archers,
      fileName: 'archers.srt',
      text: '1\n00:03:00,000 --> 00:03:02,000\nA gull.\n\n2\n00:04:10,500 --> 00:04:13,000\nWrite it down, before the tide takes it!\n'
    });
    // The Red Shoes has no subtitles: its search for the same words finds none of the other film's.
    expect(await ok(library, 'subtitles.matching', { filmId, text: tide.text })).toEqual([]);
    const offered = await ok<{ startMs: number; text: string; trackName: string }[]>(library, 'subtitles.matching', {
      filmId: archers,
      text: tide.text
    });
    expect(offered[0]).toMatchObject({ startMs: 250_500, text: 'Write it down, before the tide takes it!', trackName: 'archers.srt' });

    expect(await ok<FilmLine>(library, 'films.setLineTime', { lineId: tide.id, filmTimeMs: offered[0].startMs })).toEqual({
      ...tide,
      filmTimeMs: 250_500
    });
    expect((await ok<FilmLine[]>(library, 'films.lines', { filmId: archers })).find((l) => l.id === tide.id)!.filmTimeMs).toBe(250_500);
    expect(await ok<FilmLine>(library, 'films.setLineTime', { lineId: tide.id, filmTimeMs: null })).toMatchObject({ filmTimeMs: null });
    expect(await call(library, 'films.setLineTime', { lineId: 99_999, filmTimeMs: 1 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    });
    expect(await call(library, 'films.setLineTime', { lineId: tide.id, filmTimeMs: -1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' }
    });
  });
});

describe('film time in the library backup', () => {
  it('spans and subtitles travel through export, replace and merge, and stay searchable', async () => {
    const { library, db, filmId, scenes } = redShoesLibrary();
    await ok(library, 'scenes.setSpan', { sceneId: scenes[1].id, startMs: 700_000, endMs: 800_000 });
    await ok(library, 'subtitles.import', { filmId, fileName: 'red-shoes.en.srt', text: srt });
    const text = serialiseArchive(exportLibrary(db));

    const replaced = tempLibrary();
    restoreArchive(replaced.db, text);
    expect(serialiseArchive(exportLibrary(replaced.db))).toBe(text);
    expect(search(replaced.db, { query: 'live', limit: 5 }).hits.filter((h) => h.kind === 'subtitle')).toEqual([
      expect.objectContaining({ filmTimeMs: 754_250, sceneId: scenes[1].id })
    ]);

    const merged = tempLibrary();
    restoreArchive(merged.db, text, mergeIntoLibrary);
    restoreArchive(merged.db, text, mergeIntoLibrary);
    expect(merged.db.prepare('SELECT count(*) FROM subtitle_lines').pluck().get()).toBe(2);
    expect(search(merged.db, { query: 'dance', limit: 50 }).hits.filter((h) => h.kind === 'subtitle')).toHaveLength(1);
    expect(searchIndexProblem(merged.db, 'subtitle_lines_fts')).toBeNull();
  });
});
