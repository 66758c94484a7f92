import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/dispatch';
import { listMp4Subtitles, readMp4Subtitles } from '../../src/core/subtitles/mp4-text';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import type { Library } from '../../src/core/library/library';
import type { SubtitleLine, SubtitleTrack } from '../../src/shared/domain';
import type { FilmVideo } from '../../src/shared/video';
import { filmsDir, tempLibrary } from '../temp-library';

let dir: string;
/** Test films carrying the same subtitles as a text track, each muxed by ffmpeg as a person's film would be. */
const films: Record<'srtMkv' | 'vttWebm' | 'twoTracksMkv' | 'assMkv' | 'movTextMp4' | 'twoMovTextMov' | 'chaptersMp4' | 'cutMp4', string> =
  {} as never;

const srt = [
  '1',
  '00:00:00,500 --> 00:00:01,500',
  'The red shoes, <i>Vicky</i>!',
  '',
  '2',
  '00:00:02,000 --> 00:00:03,250',
  'Why do you want to dance?',
  'Why do you want to live?',
  ''
].join('\n');

function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=25:duration=4', ...args]);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reelnotes-film-subtitles-'));
  const subs = join(dir, 'subs.srt');
  writeFileSync(subs, srt);
  const french = join(dir, 'fr.srt');
  writeFileSync(french, '1\n00:00:01,000 --> 00:00:02,000\nLes chaussons rouges\n');
  const h264 = ['-c:v', 'libx264', '-preset', 'ultrafast'];
  films.srtMkv = join(dir, 'film-srt.mkv');
  ffmpeg(['-i', subs, ...h264, '-c:s', 'srt', '-metadata:s:s:0', 'language=eng', films.srtMkv]);
  films.vttWebm = join(dir, 'film-vtt.webm');
  ffmpeg(['-i', subs, '-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-c:s', 'webvtt', films.vttWebm]);
  /** The English and the French subtitles as two tracks of one film, the second marked French. */
  const twoTracks = (name: string, codec: string) => {
    const film = join(dir, name);
    ffmpeg([
      '-i',
      subs,
      '-i',
      french,
      '-map',
      '0',
      '-map',
      '1',
      '-map',
      '2',
      ...h264,
      '-c:s',
      codec,
      '-metadata:s:s:1',
      'language=fre',
      film
    ]);
    return film;
  };
  films.twoTracksMkv = twoTracks('film-two.mkv', 'srt');
  films.assMkv = join(dir, 'film-ass.mkv');
  ffmpeg(['-i', subs, ...h264, '-c:s', 'ass', films.assMkv]);
  films.movTextMp4 = join(dir, 'film-mov-text.mp4');
  ffmpeg(['-i', subs, ...h264, '-c:s', 'mov_text', '-metadata:s:s:0', 'language=eng', films.movTextMp4]);
  // Two mov_text tracks in a QuickTime file (QuickTime's own `text` sample entry, no language: ffmpeg's mov muxer drops it),
  // the movie box after the pictures, as ffmpeg writes it without faststart.
  films.twoMovTextMov = twoTracks('film-two.mov', 'mov_text');
  // Chapters, which an MP4 keeps as a text track of their own: not a subtitle track.
  const chapters = join(dir, 'chapters.txt');
  writeFileSync(
    chapters,
    ';FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=2000\ntitle=The audition\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=2000\nEND=4000\ntitle=The ballet\n'
  );
  films.chaptersMp4 = join(dir, 'film-chapters.mp4');
  ffmpeg(['-i', subs, '-i', chapters, '-map', '0', '-map', '1', '-map_chapters', '2', ...h264, '-c:s', 'mov_text', films.chaptersMp4]);
  // The subtitle samples' bytes gone: the file cut short after its movie box claims them.
  films.cutMp4 = join(dir, 'film-cut.mp4');
  ffmpeg(['-i', subs, ...h264, '-c:s', 'mov_text', '-movflags', '+faststart', films.cutMp4]);
  const whole = readFileSync(films.cutMp4);
  writeFileSync(films.cutMp4, whole.subarray(0, Math.floor(whole.length * 0.5)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function call<R>(library: Library, method: string, input: unknown): Promise<R> {
  const outcome = await dispatch(library, method, input);
  if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { code: outcome.error.code });
  return outcome.result as R;
}

function withFilm(): Library {
  const library = tempLibrary();
  seedDefaultLibrary(library, filmsDir);
  return library;
}

const expectedLines = [
  { startMs: 500, endMs: 1500, text: 'The red shoes, Vicky!' },
  { startMs: 2000, endMs: 3250, text: 'Why do you want to dance?\nWhy do you want to live?' }
];

describe('subtitle tracks inside the film', () => {
  it.each([
    ['SRT in Matroska', () => films.srtMkv, 'srt', 'eng'],
    // ffmpeg writes `und` for a track given no language.
    ['WebVTT in WebM', () => films.vttWebm, 'webvtt', 'und'],
    // mov_text (tx3g) as `ffmpeg -c:s mov_text` writes it from the SRT file.
    ['mov_text in MP4', () => films.movTextMp4, 'mov_text', 'eng']
  ])('%s: listed when the film is attached, then imported with their times and words, markup out', async (_name, film, codec, language) => {
    const library = withFilm();
    const video = await call<FilmVideo>(library, 'video.attach', { filmId: 1, path: film() });
    expect(video.subtitleTracks).toEqual([{ number: 1, codec, language }]);
    const track = await call<SubtitleTrack>(library, 'subtitles.importFromFilm', { filmId: 1, trackNumber: 1 });
    expect(track).toMatchObject({ filmId: 1, lineCount: 2, name: `${video.fileName} · subtitles 1 (${language})` });
    const lines = await call<SubtitleLine[]>(library, 'subtitles.lines', { trackId: track.id });
    expect(lines.map(({ startMs, endMs, text }) => ({ startMs, endMs, text }))).toEqual(expectedLines);
    // Found by search like a subtitle file's lines.
    const found = await call<{ hits: { kind: string }[] }>(library, 'search.query', { query: 'dance', filmId: 1 });
    expect(found.hits.map((hit) => hit.kind)).toContain('subtitle');
  });

  it('tells two tracks apart by number and language', async () => {
    const library = withFilm();
    const video = await call<FilmVideo>(library, 'video.attach', { filmId: 1, path: films.twoTracksMkv });
    expect(video.subtitleTracks).toEqual([
      { number: 1, codec: 'srt', language: 'und' },
      { number: 2, codec: 'srt', language: 'fre' }
    ]);
    const french = await call<SubtitleTrack>(library, 'subtitles.importFromFilm', { filmId: 1, trackNumber: 2 });
    const lines = await call<SubtitleLine[]>(library, 'subtitles.lines', { trackId: french.id });
    expect(lines.map((l) => [l.startMs, l.endMs, l.text])).toEqual([[1000, 2000, 'Les chaussons rouges']]);
  });

  it('tells two mov_text tracks of a QuickTime film apart, and leaves chapters out', async () => {
    const library = withFilm();
    const video = await call<FilmVideo>(library, 'video.attach', { filmId: 1, path: films.twoMovTextMov });
    expect(video.subtitleTracks).toEqual([
      { number: 1, codec: 'mov_text', language: 'und' },
      { number: 2, codec: 'mov_text', language: 'und' }
    ]);
    const french = await call<SubtitleTrack>(library, 'subtitles.importFromFilm', { filmId: 1, trackNumber: 2 });
    const lines = await call<SubtitleLine[]>(library, 'subtitles.lines', { trackId: french.id });
    expect(lines.map((l) => [l.startMs, l.endMs, l.text])).toEqual([[1000, 2000, 'Les chaussons rouges']]);

    const withChapters = await call<FilmVideo>(library, 'video.attach', { filmId: 1, path: films.chaptersMp4 });
    expect(withChapters.subtitleTracks).toEqual([{ number: 1, codec: 'mov_text', language: 'und' }]);
    const track = await call<SubtitleTrack>(library, 'subtitles.importFromFilm', { filmId: 1, trackNumber: 1 });
    expect(track.lineCount).toBe(2);
  });

  it('refuses an MP4 cut short inside its subtitles, naming it', async () => {
    // Its movie box is whole (at the start), but the samples of its subtitle track lie past the cut.
    expect(await listMp4Subtitles(films.cutMp4)).toEqual([{ number: 1, codec: 'mov_text', language: 'und' }]);
    await expect(readMp4Subtitles(films.cutMp4, 1)).rejects.toThrow(
      'film-cut.mp4: subtitle track 1 goes past the end of the file: the file is cut short.'
    );
  });

  it('refuses a track that is not plain text, a track that is not there, and a film with no readable container, naming each, and writes nothing', async () => {
    const library = withFilm();
    const ass = await call<FilmVideo>(library, 'video.attach', { filmId: 1, path: films.assMkv });
    expect(ass.subtitleTracks).toEqual([{ number: 1, codec: 'ASS', language: 'und' }]);
    await expect(call(library, 'subtitles.importFromFilm', { filmId: 1, trackNumber: 1 })).rejects.toThrow(
      'film-ass.mkv: subtitle track 1 is ASS, not text Reelnotes can read (SRT, WebVTT or mov_text in the film).'
    );
    await expect(call(library, 'subtitles.importFromFilm', { filmId: 1, trackNumber: 3 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'film-ass.mkv has no subtitle track 3.'
    });
    // A container without a reader of ours (the film's facts say which; none such can be attached today).
    await call(library, 'video.attach', { filmId: 1, path: films.movTextMp4 });
    library.db.prepare("UPDATE film_videos SET container = 'AVI'").run();
    await expect(call(library, 'subtitles.importFromFilm', { filmId: 1, trackNumber: 1 })).rejects.toThrow(
      /film-mov-text\.mp4: Reelnotes reads the subtitle tracks of Matroska, WebM and MP4 films; from this AVI file, .*ffmpeg -i film\.avi -map 0:s:0 subtitles\.srt/
    );
    await call(library, 'video.detach', { filmId: 1 });
    await expect(call(library, 'subtitles.importFromFilm', { filmId: 1, trackNumber: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(library.db.prepare('SELECT count(*) FROM subtitle_tracks').pluck().get()).toBe(0);
    expect(library.db.prepare('SELECT count(*) FROM subtitle_lines').pluck().get()).toBe(0);
  });
});
