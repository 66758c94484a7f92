import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/dispatch';
import { planRange } from '../../src/core/recordings/decoders/range';
import { attachFile, getSpectrogram } from '../../src/core/recordings/recordings';
import { realFft, windowSizeFor } from '../../src/core/recordings/spectrogram';
import { listFilms } from '../../src/core/films/films';
import { listTracks } from '../../src/core/tracks/tracks';
import { seedDefaultLibrary } from '../../src/core/library/default-library';
import { loudestNote, midiRow, noteName } from '../../src/shared/spectrogram';
import { filmsDir, tempLibrary } from '../temp-library';

let dir = '';
const files: Record<string, string> = {};

beforeAll(() => {
  // 40 s: E4 (330 Hz) for 20 s, then A4 (440 Hz) for 20 s, in each format whose frames or pages are sought.
  dir = mkdtempSync(join(tmpdir(), 'reelnotes-spectrogram-'));
  const wav = join(dir, 'two-notes.wav');
  execFileSync('sox', [
    '-R',
    '-n',
    '-r',
    '44100',
    '-c',
    '2',
    '-b',
    '16',
    wav,
    'synth',
    '20',
    'sine',
    '329.63',
    'vol',
    '0.5',
    ':',
    'synth',
    '20',
    'sine',
    '440',
    'vol',
    '0.5'
  ]);
  files.FLAC = join(dir, 'two-notes.flac');
  execFileSync('flac', ['--silent', '--force', '-o', files.FLAC, wav]);
  files.OGG = join(dir, 'two-notes.ogg');
  execFileSync('sox', ['-R', wav, files.OGG]);
  files.MP3 = join(dir, 'two-notes.mp3');
  execFileSync('lame', ['--quiet', '-V', '4', wav, files.MP3]);
  files.WAV = wav;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const decodeLevels = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

describe('the spectrogram of a stretch', () => {
  for (const format of ['FLAC', 'OGG', 'MP3', 'WAV'])
    it(`finds the note sounding at each time of a ${format} file, decoding only the stretch asked for`, async () => {
      const library = tempLibrary();
      seedDefaultLibrary(library, filmsDir);
      const track = listTracks(library.db, listFilms(library.db)[0].id)[0];
      const recording = await attachFile(library, track.id, files[format]);

      const late = await getSpectrogram(library, { recordingId: recording.id, fromMs: 25_000, toMs: 35_000, columns: 50 });
      const levels = decodeLevels(late.levels);
      expect(levels.length).toBe(late.rows * 50);
      for (let c = 0; c < 50; c++) expect(loudestNote(levels, late.rows, c)).toEqual({ row: midiRow(69), label: 'A4 440 Hz' });

      // Across the change of note at 20 s: the columns before it hear E4, those after it A4, within a window's reach.
      const across = await getSpectrogram(library, { recordingId: recording.id, fromMs: 18_000, toMs: 22_000, columns: 40 });
      const heard = Array.from({ length: 40 }, (_, c) => loudestNote(decodeLevels(across.levels), across.rows, c)?.label);
      expect(heard.slice(0, 18).every((label) => label === 'E4 330 Hz')).toBe(true);
      expect(heard.slice(22).every((label) => label === 'A4 440 Hz')).toBe(true);
      expect(across.decodeMs).toBeGreaterThan(0);
      expect(across.transformMs).toBeGreaterThan(0);

      // More columns than windows half a window apart would only repeat the sound: a second gets at most two per window.
      const dense = await getSpectrogram(library, { recordingId: recording.id, fromMs: 25_000, toMs: 26_000, columns: 800 });
      const halfWindowMs = (windowSizeFor(recording.sampleRate) / 2 / recording.sampleRate) * 1000;
      expect(dense.columns).toBe(Math.ceil(1000 / halfWindowMs));
      expect(decodeLevels(dense.levels).length).toBe(dense.rows * dense.columns);

      // A wide view is cut into parts for the decoding threads: its columns follow on across the cuts.
      // (200 columns: ten seconds hold 216 windows half a window apart.)
      const wide = await getSpectrogram(library, { recordingId: recording.id, fromMs: 14_000, toMs: 24_000, columns: 200 });
      expect(wide.columns).toBe(200);
      const wideLevels = decodeLevels(wide.levels);
      expect(wideLevels.length).toBe(wide.rows * 200);
      const notes = Array.from({ length: 200 }, (_, c) => loudestNote(wideLevels, wide.rows, c)?.label);
      expect(notes.slice(0, 115).every((label) => label === 'E4 330 Hz')).toBe(true);
      expect(notes.slice(125).every((label) => label === 'A4 440 Hz')).toBe(true);
    }, 60_000);

  it('is refused outside the recording, and past two minutes by the contract', async () => {
    const library = tempLibrary();
    seedDefaultLibrary(library, filmsDir);
    const track = listTracks(library.db, listFilms(library.db)[0].id)[0];
    const recording = await attachFile(library, track.id, files.FLAC);
    await expect(getSpectrogram(library, { recordingId: recording.id, fromMs: 50_000, toMs: 60_000, columns: 10 })).rejects.toThrow(
      /holds nothing/
    );
    expect(
      await dispatch(library, 'recordings.spectrogram', { recordingId: recording.id, fromMs: 0, toMs: 120_001, columns: 10 })
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/zoom in/) }
    });
  }, 60_000);

  for (const format of ['FLAC', 'OGG', 'MP3'])
    it(`reads about a quarter of a ${format} file for a quarter of its time, starting at or just before it`, async () => {
      const path = files[format];
      const size = statSync(path).size;
      const plan = await planRange(path, size, format === 'OGG' ? 'oga' : format === 'MP3' ? 'mp3' : 'flac', 25 * 44100, 35 * 44100);
      const [segment] = plan.segments;
      expect(plan.segments).toHaveLength(1);
      expect(segment.to - segment.from).toBeLessThan(size * 0.35);
      expect(segment.firstFrame).toBeLessThanOrEqual(25 * 44100);
      // Within a page of it: a quiet sine's Ogg pages hold over a second each.
      expect(segment.firstFrame).toBeGreaterThan(23 * 44100);
    });

  it('finds FLAC frames where two do not fit in its first look (16,384 samples of 24-bit stereo noise a frame)', async () => {
    const wav = join(dir, 'wide-frames.wav');
    execFileSync('sox', ['-R', '-n', '-r', '44100', '-c', '2', '-b', '24', wav, 'synth', '40', 'whitenoise', 'vol', '0.5']);
    const path = join(dir, 'wide-frames.flac');
    // Frames this long are outside FLAC's streamable subset, hence --lax.
    execFileSync('flac', ['--silent', '--force', '--lax', '--blocksize=16384', '-o', path, wav]);
    const size = statSync(path).size;
    // Two frames take more than the first look's 64 KB.
    expect(size / Math.ceil((40 * 44100) / 16_384)).toBeGreaterThan(32 * 1024);
    const plan = await planRange(path, size, 'flac', 25 * 44100, 35 * 44100);
    const [segment] = plan.segments;
    expect(plan.segments).toHaveLength(1);
    expect(segment.to - segment.from).toBeLessThan(size * 0.35);
    expect(segment.firstFrame).toBeLessThanOrEqual(25 * 44100);
    expect(segment.firstFrame).toBeGreaterThan(25 * 44100 - 16_384);
  }, 60_000);

  it('reads exactly the frames of the stretch from a WAV file, where its samples lie', async () => {
    const plan = await planRange(files.WAV, statSync(files.WAV).size, 'wav', 25 * 44100, 35 * 44100);
    // 16-bit stereo: four bytes a frame, after sox's 44-byte header.
    const from = 44 + 25 * 44100 * 4;
    expect(plan.segments).toEqual([{ from, to: 44 + 35 * 44100 * 4, countFrom: from, firstFrame: 25 * 44100 }]);
  });
});

describe('the transform', () => {
  it('gives the magnitudes of a plain DFT', () => {
    const size = 256;
    const samples = Float32Array.from(
      { length: size },
      (_, i) => Math.sin(i * 0.37) + 0.5 * Math.cos(i * 1.91) + ((i * 7919) % 13) / 13 - 0.5
    );
    const magnitudes = new Float32Array(size / 2);
    realFft(size)(samples, magnitudes);
    for (let k = 0; k < size / 2; k++) {
      let re = 0;
      let im = 0;
      for (let n = 0; n < size; n++) {
        re += samples[n] * Math.cos((2 * Math.PI * k * n) / size);
        im -= samples[n] * Math.sin((2 * Math.PI * k * n) / size);
      }
      expect(magnitudes[k]).toBeCloseTo(Math.hypot(re, im), 3);
    }
  });

  it('names notes in scientific pitch notation', () => {
    expect([noteName(69), noteName(60), noteName(73), noteName(24), noteName(108)]).toEqual(['A4', 'C4', 'C♯5', 'C1', 'C8']);
  });
});
