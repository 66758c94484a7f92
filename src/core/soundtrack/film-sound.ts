/**
 * The film's sound, decoded under Node and brought to the analysis rate in mono, a piece at a time:
 * two hours of film are never held decoded. Where the film's sound comes from:
 * - the WAV that `video.convertAudio` made of an AC-3 or E-AC-3 track (the film work keeps it), read as it lies;
 * - an AAC track (MP4, Matroska), demuxed by mediabunny and decoded by FAAD2 in WebAssembly
 *   (@audio/decode-aac: Node has no WebCodecs);
 * - an AC-3 or E-AC-3 track not yet converted, decoded by mediabunny's AC-3 extension (slower).
 * Opus, Vorbis and DTS are refused with what to do.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { pcmFrames, readWavLayout } from '../recordings/decoders/wav';
import { ANALYSIS_RATE } from './constellation';
import { mixToMono, Resampler } from './resample';

export type FilmSoundSource = { kind: 'wav'; path: string } | { kind: 'track'; path: string; trackNumber: number };

/** Thrown for sound the analysis cannot decode: the message is for the person. */
export class UndecodableSound extends Error {}

/** Hands the film's sound, at `ANALYSIS_RATE` in mono, to `take`; `onProgress` gets the fraction done. */
export async function decodeFilmSound(
  source: FilmSoundSource,
  take: (mono: Float32Array) => void,
  onProgress: (fraction: number) => void
): Promise<void> {
  if (source.kind === 'wav') return decodeWav(source.path, take, onProgress);
  return decodeTrack(source.path, source.trackNumber, take, onProgress);
}

/** Brings decoded channels at any rate to the analysis rate in mono; one per source, as its rate is fixed. */
class ToAnalysis {
  private resampler: Resampler | undefined;
  constructor(private readonly take: (mono: Float32Array) => void) {}
  push(channels: readonly Float32Array[], frames: number, rate: number): void {
    if (frames === 0) return;
    this.resampler ??= new Resampler(rate, ANALYSIS_RATE);
    if (rate !== this.resampler.fromRate)
      throw new UndecodableSound(`the sound changes its sample rate (${this.resampler.fromRate} to ${rate} Hz)`);
    this.take(this.resampler.push(mixToMono([...channels], frames)));
  }
  finish(): void {
    if (this.resampler) this.take(this.resampler.finish());
  }
}

const READ_BYTES = 1 << 20;

/** The WAV the AC-3 conversion writes (16-bit PCM), read a megabyte at a time. */
function decodeWav(path: string, take: (mono: Float32Array) => void, onProgress: (fraction: number) => void): void {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const layout = readWavLayout(head.subarray(0, readSync(fd, head, 0, head.length, 0)), fstatSync(fd).size);
    if (!layout) throw new UndecodableSound('the converted sound is not a PCM WAV; convert the film’s sound again');
    const out = new ToAnalysis(take);
    const buffer = Buffer.alloc(READ_BYTES - (READ_BYTES % layout.blockAlign));
    const planes = Array.from({ length: layout.channels }, () => new Float32Array(buffer.length / layout.blockAlign));
    const dataBytes = layout.dataEnd - layout.dataStart;
    for (let done = 0; done < dataBytes;) {
      const read = readSync(fd, buffer, 0, Math.min(buffer.length, dataBytes - done), layout.dataStart + done);
      if (read <= 0) break;
      out.push(planes, pcmFrames(buffer.subarray(0, read), layout, planes), layout.sampleRate);
      done += read;
      onProgress(done / dataBytes);
    }
    out.finish();
  } finally {
    closeSync(fd);
  }
}

async function decodeTrack(
  path: string,
  trackNumber: number,
  take: (mono: Float32Array) => void,
  onProgress: (fraction: number) => void
): Promise<void> {
  const mediabunny = await import('mediabunny');
  const input = new mediabunny.Input({ source: new mediabunny.FilePathSource(path), formats: mediabunny.ALL_FORMATS });
  try {
    const track = (await input.getAudioTracks())[trackNumber - 1];
    if (!track) throw new UndecodableSound(`the film has no audio track ${trackNumber}`);
    const duration = Math.max(1e-3, await input.computeDuration());
    const out = new ToAnalysis(take);
    const codec = track.codec;
    if (codec === 'aac') {
      const config = await track.getDecoderConfig();
      const { decoder } = await import('@audio/decode-aac');
      const aac = await decoder(config?.description ? { asc: toBytes(config.description) } : undefined);
      try {
        const sink = new mediabunny.EncodedPacketSink(track);
        let packets = 0;
        for await (const packet of sink.packets()) {
          const { channelData, sampleRate } = aac.decode(packet.data);
          if (channelData.length) out.push(channelData, channelData[0].length, sampleRate);
          if (++packets % 500 === 0) onProgress(Math.min(1, packet.timestamp / duration));
        }
        const rest = aac.flush();
        if (rest.channelData.length) out.push(rest.channelData, rest.channelData[0].length, rest.sampleRate);
      } finally {
        aac.free();
      }
    } else if (codec === 'ac3' || codec === 'eac3') {
      const { registerAc3Decoder } = await import('@mediabunny/ac3');
      registerAc3Decoder();
      const sink = new mediabunny.AudioSampleSink(track);
      let planes: Float32Array[] = [];
      for await (const sample of sink.samples()) {
        try {
          const frames = sample.numberOfFrames;
          if (planes.length !== sample.numberOfChannels || planes[0].length < frames) {
            planes = Array.from({ length: sample.numberOfChannels }, () => new Float32Array(frames));
          }
          planes.forEach((plane, planeIndex) => sample.copyTo(plane, { planeIndex, format: 'f32-planar' }));
          out.push(planes, frames, sample.sampleRate);
          onProgress(Math.min(1, sample.timestamp / duration));
        } finally {
          sample.close();
        }
      }
    } else {
      throw new UndecodableSound(
        `its sound is ${codec ?? 'in an unknown codec'}, which the analysis cannot decode here (AAC, AC-3 and E-AC-3 are). ` +
          'Convert it with ffmpeg, for example `ffmpeg -i film.mkv -c:v copy -c:a aac film-aac.mkv`, and attach that copy.'
      );
    }
    out.finish();
    onProgress(1);
  } finally {
    input.dispose();
  }
}

function toBytes(source: ArrayBufferView | ArrayBufferLike): Uint8Array {
  if (source instanceof Uint8Array) return source;
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  return new Uint8Array(source);
}
