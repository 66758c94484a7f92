import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDecode } from '../../src/core/recordings/decoders/plan';
import { decodeSegmentInto } from '../../src/core/recordings/decoders/segment';
import { readWavLayout } from '../../src/core/recordings/decoders/wav';

/**
 * WAV files of every plain sample format, made by sox from one signal, read where their samples lie
 * and compared with ffmpeg's decoding of the same file to 32-bit float.
 */
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reelnotes-wav-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const formats = [
  { name: '8-bit', args: ['-b', '8', '-e', 'unsigned-integer'] },
  { name: '16-bit', args: ['-b', '16', '-e', 'signed-integer'] },
  { name: '24-bit', args: ['-b', '24', '-e', 'signed-integer'] },
  { name: '32-bit', args: ['-b', '32', '-e', 'signed-integer'] },
  { name: '32-bit float', args: ['-b', '32', '-e', 'floating-point'] },
  { name: '64-bit float', args: ['-b', '64', '-e', 'floating-point'] }
];

/** ffmpeg's own reading of the file, interleaved 32-bit float. */
function ffmpegSamples(path: string): Float32Array {
  const raw = execFileSync('ffmpeg', ['-loglevel', 'error', '-i', path, '-f', 'f32le', '-acodec', 'pcm_f32le', '-'], {
    maxBuffer: 64 << 20
  });
  return new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
}

describe('a WAV file read where its samples lie', () => {
  for (const format of formats)
    it(`gives ffmpeg's samples for ${format.name} stereo, in segments that add up to the whole`, async () => {
      const path = join(dir, `${format.name.replace(/\W/g, '-')}.wav`);
      // Three seconds and an odd number of frames, so that no segment ends on a round number.
      execFileSync('sox', [
        '-R',
        '-n',
        '-r',
        '22050',
        '-c',
        '2',
        ...format.args,
        path,
        'synth',
        '3.00007',
        'sine',
        '440',
        'sine',
        '661',
        'vol',
        '0.6'
      ]);
      const size = statSync(path).size;
      const layout = readWavLayout(readFileSync(path).subarray(0, 4096), size)!;
      expect(layout).toMatchObject({ channels: 2, sampleRate: 22050, float: format.name.includes('float') });
      const plan = await planDecode(path, size, 'wav', 3, 0);
      expect(plan.codec).toBe('pcm');
      expect(plan.segments).toHaveLength(3);

      const expected = ffmpegSamples(path);
      const read: number[] = [];
      for (let i = 0; i < plan.segments.length; i++) {
        expect(plan.segments[i].firstFrame).toBe(read.length / 2);
        await decodeSegmentInto(
          path,
          plan,
          i,
          (channels, frames, rate) => {
            expect(rate).toBe(22050);
            for (let f = 0; f < frames; f++) read.push(channels[0][f], channels[1][f]);
          },
          () => {}
        );
      }
      expect(read.length).toBe(expected.length);
      // Exact for what 32-bit float holds; the 32-bit integer and 64-bit float samples are rounded to it.
      let worst = 0;
      for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(read[i] - expected[i]));
      expect(worst).toBeLessThan(1e-6);
    });

  it('is left to the whole-file decoder when its samples are compressed', async () => {
    const path = join(dir, 'adpcm.wav');
    execFileSync('sox', ['-R', '-n', '-r', '8000', '-c', '1', '-e', 'ima-adpcm', path, 'synth', '1', 'sine', '440']);
    expect(readWavLayout(readFileSync(path), statSync(path).size)).toBeUndefined();
    expect((await planDecode(path, statSync(path).size, 'wav', 2, 0)).codec).toBe('other');
  });
});
