import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { END_OF_STREAM, OggPacketReader, readOggPage } from '../../src/core/recordings/decoders/ogg-pages';
import { planDecode, type PlannedFormat } from '../../src/core/recordings/decoders/plan';
import { decodePlanned } from '../../src/core/recordings/decoders/pool';
import { decodeSegment } from '../../src/core/recordings/decoders/segment';
import { mergePeakParts, PeakAccumulator } from '../../src/core/recordings/peaks';
import { makeAudioFixtures, type AudioFixtures } from '../audio-fixtures';

function noise(frames: number, seed: number): Float32Array {
  let x = seed;
  return Float32Array.from({ length: frames }, () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 30 - 1) * 0.9);
}

describe('peaks of a recording decoded in parts', () => {
  it('are those of the whole, wherever the parts begin', () => {
    const left = noise(10_000, 1);
    const right = noise(10_000, 2);
    const whole = new PeakAccumulator(97);
    whole.push([left, right]);
    const expected = whole.finish();
    for (const cuts of [
      [0, 10_000],
      [0, 97, 10_000],
      [0, 1, 5000, 5001, 9999, 10_000],
      [0, 3333, 6666, 10_000]
    ]) {
      const parts = cuts.slice(1).map((end, i) => {
        const part = new PeakAccumulator(97, cuts[i]);
        part.push([left, right], cuts[i], end);
        return part.finishPart();
      });
      const merged = mergePeakParts(97, parts);
      expect(merged.frames).toBe(10_000);
      expect(Array.from(merged.data), cuts.join(',')).toEqual(Array.from(expected.data));
    }
  });
});

describe('a recording planned in segments', () => {
  let audio: AudioFixtures;
  beforeAll(() => {
    audio = makeAudioFixtures(8);
  });
  afterAll(() => audio.remove());

  const formats: [string, PlannedFormat][] = [
    ['MP3', 'mp3'],
    ['FLAC', 'flac'],
    ['OGG Vorbis', 'oga']
  ];

  it.each(formats)('decodes to the very samples of decoding it in one piece (%s)', async (name, format) => {
    const { path } = audio.formats.find((f) => f.name === name) ?? { path: '' };
    const size = statSync(path).size;
    const decode = async (parts: number) => {
      const plan = await planDecode(path, size, format, parts, 0);
      const results = [];
      for (let i = 0; i < plan.segments.length; i++) results.push(await decodeSegment(path, plan, i, 441, () => {}));
      return {
        plan,
        summary: mergePeakParts(
          441,
          results.map((r) => r.part)
        )
      };
    };
    const whole = await decode(1);
    const split = await decode(3);
    expect(whole.plan.segments).toHaveLength(1);
    expect(split.plan.segments).toHaveLength(3);
    // Segments cover the file without a gap: each one counts from where the one before stops.
    for (let i = 1; i < 3; i++) expect(split.plan.segments[i].countFrom).toBe(split.plan.segments[i - 1].to);
    expect(whole.summary.frames).toBeGreaterThan(8 * 44100 - 100);
    expect(split.summary.frames).toBe(whole.summary.frames);
    expect(Array.from(split.summary.data)).toEqual(Array.from(whole.summary.data));

    // The same segments on the decoding threads, as the app decodes them.
    const progress: number[] = [];
    const threaded = await decodePlanned(path, split.plan, 441, (fraction) => progress.push(fraction));
    expect(threaded.sampleRate).toBe(44100);
    expect(Array.from(threaded.peaks.data)).toEqual(Array.from(whole.summary.data));
    expect(progress.at(-1)).toBe(1);
  });

  it('reads the same Ogg packets whatever the pieces, and reads on past damaged bytes between pages', () => {
    const bytes = new Uint8Array(readFileSync(audio.formats.find((f) => f.name === 'OGG Vorbis')?.path ?? ''));
    const read = (data: Uint8Array, piece: number) => {
      const reader = new OggPacketReader();
      const packets: number[][] = [];
      let ended = false;
      for (let at = 0; at < data.length; at += piece) {
        for (const { page, packets: ending } of reader.push(data.subarray(at, at + piece))) {
          packets.push(...ending.map((p) => [p.length, p[0], p[p.length - 1]]));
          ended ||= (page.flags & END_OF_STREAM) !== 0;
        }
      }
      return { packets, ended };
    };
    const whole = read(bytes, bytes.length);
    expect(whole.ended).toBe(true);
    expect(read(bytes, 1000)).toEqual(whole);

    // 300 bytes of noise after the third page.
    let boundary = 0;
    for (let i = 0; i < 3; i++) boundary += readOggPage(bytes, boundary)?.length ?? 0;
    const damaged = new Uint8Array([
      ...bytes.subarray(0, boundary),
      ...noise(300, 7).map((v) => (v + 1) * 100),
      ...bytes.subarray(boundary)
    ]);
    const afterDamage = read(damaged, 4096);
    expect(afterDamage.ended).toBe(true);
    expect(afterDamage.packets.length).toBeGreaterThanOrEqual(whole.packets.length - 1);
  });
});
