import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decoder } from '@audio/decode-aac';
import { ALL_FORMATS, EncodedPacketSink, FilePathSource, Input } from 'mediabunny';
import { afterAll, expect, it } from 'vitest';
import { AacToMono } from '../../src/core/soundtrack/aac-mono';
import { mixToMono } from '../../src/core/soundtrack/resample';

const dir = mkdtempSync(join(tmpdir(), 'reelnotes-aac-mono-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Three seconds of a different tone in each channel, as AAC in `file`. */
function aac(file: string, channels: number): string {
  const path = join(dir, file);
  const tones = Array.from({ length: channels }, (_, c) => `sine=frequency=${220 * (c + 1)}:duration=3`);
  execFileSync('ffmpeg', [
    ...['-loglevel', 'error', '-y', ...tones.flatMap((tone) => ['-f', 'lavfi', '-i', tone])],
    ...[
      '-filter_complex',
      `${tones.map((_, c) => `[${c}:a]`).join('')}join=inputs=${channels}:channel_layout=${channels === 2 ? 'stereo' : '5.1'}`
    ],
    ...['-c:a', 'aac', '-ar', '48000', '-b:a', '128k', path]
  ]);
  return path;
}

async function packetsOf(path: string): Promise<{ packets: Uint8Array[]; config: Uint8Array | undefined }> {
  const input = new Input({ source: new FilePathSource(path), formats: ALL_FORMATS });
  try {
    const track = (await input.getAudioTracks())[0];
    const description = (await track.getDecoderConfig())?.description;
    const packets: Uint8Array[] = [];
    for await (const packet of new EncodedPacketSink(track).packets()) packets.push(packet.data);
    return { packets, config: description ? new Uint8Array(description as ArrayBuffer) : undefined };
  } finally {
    input.dispose();
  }
}

for (const [name, file, channels] of [
  ['stereo in MP4', 'film.mp4', 2],
  ['stereo as ADTS frames (MPEG-TS, .aac): no AudioSpecificConfig', 'film.aac', 2],
  ['5.1 in MP4', 'film-51.mp4', 6]
] as const) {
  it(`decodes AAC packets to the mean of their channels as the package's own decode does: ${name}`, async () => {
    const { packets, config } = await packetsOf(aac(file, channels));
    expect(config === undefined).toBe(file.endsWith('.aac'));
    const reference = await decoder(config ? { asc: config } : undefined);
    const fused = await AacToMono.open(config, packets[0]);
    try {
      const into = new Float32Array(4096);
      let frames = 0;
      for (const packet of packets) {
        const { channelData } = reference.decode(packet);
        const expected = channelData.length ? mixToMono(channelData) : new Float32Array(0);
        expect(channelData.length === 0 || channelData.length === channels).toBe(true);
        const count = fused.decode(packet, into, 7);
        expect(count).toBe(expected.length);
        // Stereo is the same to the bit; more channels are summed in another order.
        const differences = expected.map((sample, i) => Math.abs(sample - into[7 + i]));
        expect(Math.max(0, ...differences)).toBeLessThanOrEqual(channels === 2 ? 0 : 1e-6);
        frames += count;
      }
      expect(fused.sampleRate).toBe(48000);
      expect(frames).toBeGreaterThan(2.9 * 48000);
    } finally {
      reference.free();
      fused.free();
    }
  });
}
