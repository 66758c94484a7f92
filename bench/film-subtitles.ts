import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFilmTime } from '../src/shared/time-format';
import { subtitlesInFilm } from '../src/core/subtitles/in-film';
import { fmt, timeOnce, type Row } from './measure';

const ffmpeg = (args: string[]) => execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
const srtTime = (ms: number) => `${formatFilmTime(ms)},${String(ms % 1000).padStart(3, '0')}`;

/**
 * A subtitle track read from inside a two-hour film, against ffmpeg saving the same track as an SRT
 * file in the same run. The film is a 10-second H.264 picture looped (copied, not encoded) to two hours
 * at 25 fps, as many samples as a real film's, with 1,400 lines of mov_text (MP4) or SRT (Matroska).
 */
export async function measureFilmSubtitles(dir: string, quick: boolean): Promise<Row[]> {
  mkdirSync(dir, { recursive: true });
  const minutes = quick ? 6 : 120;
  const lineCount = Math.round((1400 * minutes) / 120);
  const picture = join(dir, 'picture.mp4');
  ffmpeg([
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x180:rate=25:duration=10',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-g',
    '25',
    picture
  ]);
  const stepMs = Math.floor((minutes * 60_000) / lineCount);
  const srt = join(dir, 'dialogue.srt');
  writeFileSync(
    srt,
    Array.from(
      { length: lineCount },
      (_, i) => `${i + 1}\n${srtTime(i * stepMs + 200)} --> ${srtTime(i * stepMs + 2200)}\nLine ${i + 1}, said in the film.\n`
    ).join('\n')
  );
  const rows: Row[] = [];
  for (const [container, name, codec] of [
    ['MP4', 'film.mp4', 'mov_text'],
    ['Matroska', 'film.mkv', 'srt']
  ] as const) {
    const film = join(dir, name);
    ffmpeg([
      '-stream_loop',
      '-1',
      '-t',
      String(minutes * 60),
      '-i',
      picture,
      '-i',
      srt,
      '-map',
      '0:v',
      '-map',
      '1',
      '-c:v',
      'copy',
      '-c:s',
      codec,
      film
    ]);
    const reader = subtitlesInFilm[container]!;
    const listMs = await timeOnce(() => reader.list(film));
    let read = 0;
    const readMs = await timeOnce(async () => (read = (await reader.read(film, 1)).lines.length));
    const ffmpegMs = await timeOnce(() => ffmpeg(['-i', film, '-map', '0:s:0', join(dir, `${name}.srt`)]));
    console.log(`film subtitles: ${container}, ${minutes} min, ${read} lines read`);
    rows.push({
      measure: `subtitle track inside a ${minutes}-min ${container} film (${codec}), read`,
      value: readMs,
      unit: 'ms',
      floor: ffmpegMs,
      note: `${read} of ${lineCount} lines; listing its tracks at attach ${fmt(listMs, 1)} ms; floor: ffmpeg -map 0:s:0 out.srt`
    });
  }
  return rows;
}
