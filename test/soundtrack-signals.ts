/**
 * Signals for the cue finder's tests: a seeded "score" of harmonic notes, and espeak-ng's speech to
 * talk over it. Small and generated, so the tests need no media files.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANALYSIS_RATE } from '../src/core/soundtrack/constellation';
import { resample } from '../src/core/soundtrack/resample';

/** A small deterministic random source (mulberry32). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Two voices of notes with five harmonics each, a new note every quarter to half second. */
export function melody(seed: number, seconds: number, rate = ANALYSIS_RATE): Float32Array {
  const random = seeded(seed);
  const out = new Float32Array(Math.round(seconds * rate));
  for (let voice = 0; voice < 2; voice++) {
    for (let at = 0; at < out.length;) {
      const length = Math.round((0.25 + random() * 0.25) * rate);
      const midi = 48 + voice * 12 + Math.floor(random() * 24);
      const frequency = 440 * 2 ** ((midi - 69) / 12);
      for (let i = 0; i < length && at + i < out.length; i++) {
        const envelope = Math.exp((-3 * i) / length) * Math.min(1, i / 80);
        let sample = 0;
        for (let h = 1; h <= 5 && h * frequency < rate / 2; h++) sample += Math.sin((2 * Math.PI * h * frequency * i) / rate) / h;
        out[at + i] += 0.15 * envelope * sample;
      }
      at += length;
    }
  }
  return out;
}

/** espeak-ng reading `text`, at `rate`. */
export function speech(text: string, rate = ANALYSIS_RATE): Float32Array {
  const dir = mkdtempSync(join(tmpdir(), 'reelnotes-speech-'));
  try {
    const path = join(dir, 'speech.wav');
    execFileSync('espeak-ng', ['-w', path, text]);
    const wav = readFileSync(path);
    const sourceRate = wav.readUInt32LE(24);
    const data = wav.indexOf('data', 12);
    const samples = new Float32Array((wav.length - data - 8) >> 1);
    for (let i = 0; i < samples.length; i++) samples[i] = wav.readInt16LE(data + 8 + 2 * i) / 32768;
    return resample(samples, sourceRate, rate);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function rms(signal: Float32Array): number {
  let sum = 0;
  for (const s of signal) sum += s * s;
  return Math.sqrt(sum / Math.max(1, signal.length));
}

/** Adds `part` into `into` from sample `at`, scaled. */
export function mixInto(into: Float32Array, part: Float32Array, at: number, gain = 1): void {
  for (let i = 0; i < part.length && at + i < into.length; i++) if (at + i >= 0) into[at + i] += gain * part[i];
}

/** A 16-bit mono WAV of `signal` at `rate`. */
export function writeWav(path: string, signal: Float32Array, rate: number): string {
  const data = Buffer.alloc(signal.length * 2);
  for (let i = 0; i < signal.length; i++) data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, signal[i])) * 32767), 2 * i);
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(36 + data.length, 4);
  head.write('WAVEfmt ', 8, 'latin1');
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20);
  head.writeUInt16LE(1, 22);
  head.writeUInt32LE(rate, 24);
  head.writeUInt32LE(rate * 2, 28);
  head.writeUInt16LE(2, 32);
  head.writeUInt16LE(16, 34);
  head.write('data', 36, 'latin1');
  head.writeUInt32LE(data.length, 40);
  writeFileSync(path, Buffer.concat([head, data]));
  return path;
}

/** A film for the cue finder: its file, the album take of its cue, and where the cue sounds in it. */
export interface CueFilm {
  filmPath: string;
  recordingPath: string;
  cueAtMs: number;
}

/**
 * The album's take of a cue (twenty seconds at 22.05 kHz: under a megabyte, which the recordings
 * decode without their threads) and a forty-second film (H.264 and AAC in
 * MP4, 48 kHz) of other music in which the cue sounds at 12.3 s under speech as loud as it.
 */
export function writeCueFilm(dir: string): CueFilm {
  const cueAtMs = 12_300;
  const cue = melody(2, 20, 22050);
  const recordingPath = writeWav(join(dir, 'cue.wav'), cue, 22050);
  const sound = melody(1, 40, 48000).map((s) => s * 0.5);
  const talk = speech('In the ballet the shoes dance on without her, and the audience never knows. '.repeat(2), 48000);
  mixInto(sound, resample(cue, 22050, 48000), Math.round((cueAtMs / 1000) * 48000));
  mixInto(sound, talk, Math.round(11 * 48000), rms(cue) / rms(talk));
  const soundPath = writeWav(join(dir, 'film-sound.wav'), sound, 48000);
  const filmPath = join(dir, 'film.mp4');
  execFileSync('ffmpeg', [
    ...['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=5:duration=40', '-i', soundPath],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '128k', '-shortest', filmPath]
  ]);
  return { filmPath, recordingPath, cueAtMs };
}
