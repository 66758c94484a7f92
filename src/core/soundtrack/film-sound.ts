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
import type { EncodedPacket, EncodedPacketSink } from 'mediabunny';
import { AacToMono } from './aac-mono';
import { ANALYSIS_RATE } from './constellation';
import { mixToMono, Resampler } from './resample';

export type FilmSoundSource = { kind: 'wav'; path: string } | { kind: 'track'; path: string; trackNumber: number };

/**
 * A stretch of the film's sound, in samples at `ANALYSIS_RATE` counted from the start of the sound:
 * from `from` to `to` (or the end). Its samples are the whole sound's, so the analysis can be cut
 * into parts, one per thread: the reading starts a little before (the resampler's kernel reaches
 * back, an AAC decoder needs a packet to warm up) and what comes before `from` is dropped.
 */
export interface SoundPart {
  from: number;
  to?: number;
}

/** Before a part, the AAC reading starts this much earlier: a warm-up packet and the kernel's reach. */
const AAC_LEAD_SECONDS = 0.25;

/** Thrown for sound the analysis cannot decode: the message is for the person. */
export class UndecodableSound extends Error {}

/**
 * Hands the film's sound (or a part of it), at `ANALYSIS_RATE` in mono, to `take`; `onProgress` gets
 * the fraction of the part done. Answers whether the sound ended (rather than the part).
 */
export async function decodeFilmSound(
  source: FilmSoundSource,
  take: (mono: Float32Array) => void,
  onProgress: (fraction: number) => void,
  part: SoundPart = { from: 0 }
): Promise<boolean> {
  const out = new ToAnalysis(take, part);
  if (source.kind === 'wav') decodeWav(source.path, out, onProgress);
  else await decodeTrack(source.path, source.trackNumber, out, onProgress);
  const soundEnded = !out.ended;
  if (soundEnded) out.finish();
  return soundEnded;
}

/**
 * Brings decoded channels at any rate to the analysis rate in mono, and hands on the part's samples;
 * one per source, as its rate is fixed.
 */
class ToAnalysis {
  private resampler: Resampler | undefined;
  constructor(
    private readonly take: (mono: Float32Array) => void,
    readonly part: SoundPart
  ) {}

  /** The source index (at `rate`) to start reading at for the part's first sample to be the whole's. */
  sourceStart(rate: number): number {
    return Math.max(0, new Resampler(rate, ANALYSIS_RATE).sourceFor(this.part.from));
  }

  /** `mono`: the channels' mean; `startAt`: the source index of its first sample. */
  push(mono: Float32Array, rate: number, startAt = 0): void {
    if (mono.length === 0 || this.ended) return;
    if (!this.resampler) {
      this.resampler = new Resampler(rate, ANALYSIS_RATE, startAt);
      // Before the sound's start is silence to the whole as well; elsewhere the kernel must reach only what was read.
      if (startAt > 0 && this.resampler.firstExact(startAt) > this.part.from) {
        throw new Error(`the sound was taken up too late for its part from sample ${this.part.from}`);
      }
    }
    if (rate !== this.resampler.fromRate)
      throw new UndecodableSound(`the sound changes its sample rate (${this.resampler.fromRate} to ${rate} Hz)`);
    const first = this.resampler.nextIndex;
    this.handOn(first, this.resampler.push(mono));
  }

  /** The part's end is reached: the reading can stop. */
  get ended(): boolean {
    return this.part.to !== undefined && this.resampler !== undefined && this.resampler.nextIndex >= this.part.to;
  }

  finish(): void {
    if (this.resampler) this.handOn(this.resampler.nextIndex, this.resampler.finish());
  }

  private handOn(first: number, samples: Float32Array): void {
    const from = Math.max(0, this.part.from - first);
    const to = this.part.to === undefined ? samples.length : Math.min(samples.length, this.part.to - first);
    if (to > from) this.take(from === 0 && to === samples.length ? samples : samples.subarray(from, to));
  }
}

const READ_BYTES = 1 << 20;

/** The WAV the AC-3 conversion writes (16-bit PCM), read a megabyte at a time from where the part needs. */
function decodeWav(path: string, out: ToAnalysis, onProgress: (fraction: number) => void): void {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const layout = readWavLayout(head.subarray(0, readSync(fd, head, 0, head.length, 0)), fstatSync(fd).size);
    if (!layout) throw new UndecodableSound('the converted sound is not a PCM WAV; convert the film’s sound again');
    const buffer = Buffer.alloc(READ_BYTES - (READ_BYTES % layout.blockAlign));
    const planes = Array.from({ length: layout.channels }, () => new Float32Array(buffer.length / layout.blockAlign));
    const dataBytes = layout.dataEnd - layout.dataStart;
    const startAt = Math.min(out.sourceStart(layout.sampleRate), Math.floor(dataBytes / layout.blockAlign));
    const toRead =
      out.part.to === undefined
        ? dataBytes
        : Math.min(dataBytes, Math.ceil((out.part.to / ANALYSIS_RATE) * layout.sampleRate) * layout.blockAlign);
    for (let done = startAt * layout.blockAlign; done < dataBytes && !out.ended;) {
      const read = readSync(fd, buffer, 0, Math.min(buffer.length, dataBytes - done), layout.dataStart + done);
      if (read <= 0) break;
      out.push(mixToMono(planes, pcmFrames(buffer.subarray(0, read), layout, planes)), layout.sampleRate, startAt);
      done += read;
      onProgress(Math.min(1, (done - startAt * layout.blockAlign) / Math.max(1, toRead - startAt * layout.blockAlign)));
    }
  } finally {
    closeSync(fd);
  }
}

async function decodeTrack(path: string, trackNumber: number, out: ToAnalysis, onProgress: (fraction: number) => void): Promise<void> {
  const mediabunny = await import('mediabunny');
  const input = new mediabunny.Input({ source: new mediabunny.FilePathSource(path), formats: mediabunny.ALL_FORMATS });
  try {
    const track = (await input.getAudioTracks())[trackNumber - 1];
    if (!track) throw new UndecodableSound(`the film has no audio track ${trackNumber}`);
    const duration = Math.max(1e-3, await input.computeDuration());
    const codec = track.codec;
    if (codec === 'aac') {
      const config = await track.getDecoderConfig();
      const sink = new mediabunny.EncodedPacketSink(track);
      const first = await sink.getFirstPacket();
      if (first) await decodeAac(sink, first, config?.description && toBytes(config.description), duration, out, onProgress);
    } else if (codec === 'ac3' || codec === 'eac3') {
      if (out.part.from > 0) throw new Error('an AC-3 track is analysed whole, not in parts');
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
          out.push(mixToMono(planes, frames), sample.sampleRate);
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
    onProgress(1);
  } finally {
    input.dispose();
  }
}

/** Decoded AAC frames gathered before they go on to the resampler: a few hundred milliseconds. */
const AAC_BATCH = 16_384;

/** Reads the AAC track's packets from where the part needs and hands on their sound, a batch of frames at a time. */
async function decodeAac(
  sink: EncodedPacketSink,
  first: EncodedPacket,
  audioSpecificConfig: Uint8Array | undefined,
  duration: number,
  out: ToAnalysis,
  onProgress: (fraction: number) => void
): Promise<void> {
  const aac = await AacToMono.open(audioSpecificConfig, first.data);
  try {
    const from = out.part.from / ANALYSIS_RATE;
    const until = out.part.to === undefined ? duration : out.part.to / ANALYSIS_RATE;
    const start = out.part.from > 0 ? ((await sink.getPacket(first.timestamp + Math.max(0, from - AAC_LEAD_SECONDS))) ?? first) : first;
    // Taken up part way, the first frame decoded lacks the overlap of the one before: dropped.
    let warm = start === first;
    const batch = new Float32Array(AAC_BATCH);
    let held = 0;
    let batchStart = 0;
    let packets = 0;
    for await (const packet of sink.packets(start)) {
      if (held > AAC_BATCH / 2) {
        out.push(batch.subarray(0, held), aac.sampleRate, batchStart);
        held = 0;
        if (out.ended) return;
      }
      const frames = aac.decode(packet.data, batch, held);
      if (frames && !warm) warm = true;
      else if (frames) {
        if (held === 0 && out.part.from > 0) batchStart = aacStart(packet.timestamp - first.timestamp, frames, aac.sampleRate);
        held += frames;
      }
      if (++packets % 500 === 0) onProgress(Math.min(1, Math.max(0, (packet.timestamp - from) / Math.max(1e-3, until - from))));
    }
    out.push(batch.subarray(0, held), aac.sampleRate, batchStart);
  } finally {
    aac.free();
  }
}

/**
 * Where a decoded AAC frame lies in the whole sound: FAAD2 answers a packet with the frame of the
 * packet before it (its first packet gives nothing), and every frame is as long, so the frame that
 * came with the packet `sinceFirst` seconds after the first starts one frame before that time. The
 * time is rounded to whole frames: Matroska's timestamps are in milliseconds.
 */
function aacStart(sinceFirst: number, frames: number, rate: number): number {
  return (Math.round((sinceFirst * rate) / frames) - 1) * frames;
}

function toBytes(source: ArrayBufferView | ArrayBufferLike): Uint8Array {
  if (source instanceof Uint8Array) return source;
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  return new Uint8Array(source);
}
