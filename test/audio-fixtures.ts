import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One generated recording per accepted format, with what its metadata must say. */
export interface AudioFixture {
  name: string;
  path: string;
  container: RegExp;
  codec: RegExp;
  sampleRate: number;
  channels: number;
}

export interface AudioFixtures {
  dir: string;
  /** A two-second 440 Hz sine at amplitude 0.5, in every accepted format. */
  formats: AudioFixture[];
  /** The same sine as WAV, for tests that need its exact samples. */
  wav: string;
  empty: string;
  textAsMp3: string;
  truncated: { name: string; path: string }[];
  remove(): void;
}

function run(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * Writes the test recordings with sox, lame, flac and ffmpeg (installed by .ci/run) into a temporary
 * folder: nothing generated is committed.
 */
export function makeAudioFixtures(seconds = 2): AudioFixtures {
  const dir = mkdtempSync(join(tmpdir(), 'reelnotes-audio-'));
  const at = (name: string) => join(dir, name);
  run('sox', ['-R', '-n', '-r', '44100', '-c', '2', '-b', '16', at('sine.wav'), 'synth', String(seconds), 'sine', '440', 'vol', '0.5']);
  run('sox', ['-R', at('sine.wav'), at('sine.ogg')]);
  run('flac', ['--silent', '--force', '-o', at('sine.flac'), at('sine.wav')]);
  run('lame', ['--quiet', at('sine.wav'), at('sine.mp3')]);
  run('ffmpeg', ['-loglevel', 'error', '-y', '-i', at('sine.wav'), '-c:a', 'aac', '-b:a', '96k', at('sine.m4a')]);
  run('ffmpeg', ['-loglevel', 'error', '-y', '-i', at('sine.wav'), '-c:a', 'libopus', '-b:a', '64k', at('sine.opus')]);
  writeFileSync(at('empty.mp3'), '');
  writeFileSync(at('notes.mp3'), 'These are my notes on the ballet, not a recording.\n'.repeat(40));
  const truncated = ['sine.wav', 'sine.flac', 'sine.mp3', 'sine.ogg', 'sine.m4a', 'sine.opus'].map((name) => {
    const bytes = readFileSync(at(name));
    const path = at(`cut-${name}`);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * 0.45)));
    return { name, path };
  });
  return {
    dir,
    wav: at('sine.wav'),
    formats: [
      { name: 'OGG Vorbis', path: at('sine.ogg'), container: /^Ogg$/, codec: /Vorbis/, sampleRate: 44100, channels: 2 },
      { name: 'OGG Opus', path: at('sine.opus'), container: /^Ogg$/, codec: /Opus/, sampleRate: 48000, channels: 2 },
      { name: 'MP3', path: at('sine.mp3'), container: /^MPEG$/, codec: /Layer 3/, sampleRate: 44100, channels: 2 },
      { name: 'FLAC', path: at('sine.flac'), container: /^FLAC$/, codec: /FLAC/, sampleRate: 44100, channels: 2 },
      { name: 'WAV', path: at('sine.wav'), container: /^WAVE$/, codec: /PCM/, sampleRate: 44100, channels: 2 },
      { name: 'M4A/AAC', path: at('sine.m4a'), container: /M4A|isom|mp4/i, codec: /AAC/, sampleRate: 44100, channels: 2 }
    ],
    empty: at('empty.mp3'),
    textAsMp3: at('notes.mp3'),
    truncated,
    remove: () => rmSync(dir, { recursive: true, force: true })
  };
}
