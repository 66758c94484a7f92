import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The test films, written by Debian's ffmpeg into a temporary folder (nothing generated is
 * committed). Every picture is `testsrc2`, whose frame counter and moving colours let a test tell
 * which frame it sees; every soundtrack is a sine whose pitch is fixed, so a conversion can be heard
 * to keep its time.
 */
export interface VideoFixtures {
  dir: string;
  /** H.264 picture, AAC sound, in MP4 (moov first, as a player wants). */
  mp4: string;
  /** VP9 picture, Opus sound, in WebM. */
  webm: string;
  /** H.264 picture, AC-3 sound (which Chromium cannot play), in Matroska. */
  ac3Mkv: string;
  /** HEVC picture (which Chromium cannot decode here), AAC sound, in MP4. */
  hevcMp4: string;
  /** The MP4 cut at 40%: its index promises samples that are not there. */
  truncatedMp4: string;
  /** The Matroska film cut at 40%: it still declares its whole running time, but its clusters stop early. */
  truncatedMkv: string;
  /** Plain text under a film's name. */
  textAsMp4: string;
  /** Frames per second of every film. */
  fps: number;
  seconds: number;
  remove(): void;
}

function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** How each kind of test film is encoded, after the testsrc2 picture and the sine sound. */
const encodings = {
  // Tagged with its year, as a film file often is: a frame grab's citation reads it.
  'film.mp4': (fps: number) => [...h264(fps), '-c:a', 'aac', '-b:a', '96k', '-movflags', '+faststart', '-metadata', 'date=1948'],
  'film.webm': (fps: number) => [
    '-c:v',
    'libvpx-vp9',
    '-deadline',
    'realtime',
    '-cpu-used',
    '8',
    '-b:v',
    '300k',
    '-g',
    String(fps),
    '-c:a',
    'libopus'
  ],
  'film-ac3.mkv': (fps: number) => [...h264(fps), '-c:a', 'ac3', '-ac', '2', '-b:a', '192k'],
  'film-hevc.mp4': () => ['-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', '-tag:v', 'hvc1', '-c:a', 'aac']
};

function h264(fps: number): string[] {
  return ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-g', String(fps)];
}

/** One test film of the given kind in `dir`; its path. */
export function writeTestFilm(dir: string, name: keyof typeof encodings, seconds: number, fps = 25, size = '320x180'): string {
  const path = join(dir, name);
  ffmpeg([
    ...['-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=${fps}:duration=${seconds}`],
    ...['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`],
    ...encodings[name](fps),
    path
  ]);
  return path;
}

export function makeVideoFixtures(seconds = 4, fps = 25): VideoFixtures {
  const dir = mkdtempSync(join(tmpdir(), 'reelnotes-video-'));
  const at = (name: string) => join(dir, name);
  const mp4 = writeTestFilm(dir, 'film.mp4', seconds, fps);
  const whole = readFileSync(mp4);
  writeFileSync(at('film-cut.mp4'), whole.subarray(0, Math.floor(whole.length * 0.4)));
  const ac3Mkv = writeTestFilm(dir, 'film-ac3.mkv', seconds, fps);
  const wholeMkv = readFileSync(ac3Mkv);
  writeFileSync(at('film-cut.mkv'), wholeMkv.subarray(0, Math.floor(wholeMkv.length * 0.4)));
  writeFileSync(at('notes.mp4'), 'My notes on the ballet sequence, saved under the wrong name.\n'.repeat(50));
  return {
    dir,
    mp4,
    webm: writeTestFilm(dir, 'film.webm', seconds, fps),
    ac3Mkv,
    hevcMp4: writeTestFilm(dir, 'film-hevc.mp4', seconds, fps),
    truncatedMp4: at('film-cut.mp4'),
    truncatedMkv: at('film-cut.mkv'),
    textAsMp4: at('notes.mp4'),
    fps,
    seconds,
    remove: () => rmSync(dir, { recursive: true, force: true })
  };
}
