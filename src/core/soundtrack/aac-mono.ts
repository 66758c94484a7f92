/**
 * A film's AAC packets decoded by FAAD2 (the WebAssembly build in @audio/decode-aac) straight to
 * mono, the channels' mean, as the analysis wants it. The package's `decode` copies each frame out
 * of WebAssembly memory and then de-interleaves it into new channel arrays: for a film's sound that
 * was a quarter of the analysis' time, as long as FAAD2's own decoding took. So this reads FAAD2's
 * interleaved output where it lies, one pass per frame into the caller's buffer.
 *
 * To do so it reaches into the decoder the package returns: its FAAD2 module and handle, which the
 * package's types leave out. A package that no longer has them is refused by name, and the unit test
 * holds this reader to the package's own `decode`.
 */
import type { decoder } from '@audio/decode-aac';

/** The parts of the FAAD2 module (an Emscripten build) this reader calls. */
interface Faad2Module {
  HEAPU8: Uint8Array;
  HEAPF32: Float32Array;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  /** Decodes one access unit; answers a pointer to its interleaved float samples, or 0. */
  _aac_decode(handle: number, pointer: number, bytes: number): number;
  /** Samples (all channels) of the last frame decoded, its channels and its rate. */
  _aac_samples(): number;
  _aac_channels(): number;
  _aac_samplerate(): number;
}

type PackageDecoder = Awaited<ReturnType<typeof decoder>>;

export class AacToMono {
  private pointer = 0;
  private capacity = 0;
  /** The rate of the frames decoded last (0 before the first). */
  sampleRate = 0;

  private constructor(
    private readonly aac: PackageDecoder,
    private readonly faad2: Faad2Module,
    private readonly handle: number,
    /** Packets are ADTS frames: their header is dropped before FAAD2 sees the access unit. */
    private readonly adts: boolean,
    /** Channels of the frames decoded last (FAAD2 may answer 0 for a frame without them). */
    private channels: number
  ) {}

  /**
   * A decoder for the track's packets: raw access units described by its AudioSpecificConfig (MP4,
   * Matroska), or, without one, ADTS frames (MPEG-TS, .aac), described by the first one's header.
   */
  static async open(audioSpecificConfig: Uint8Array | undefined, firstPacket: Uint8Array): Promise<AacToMono> {
    const adts = !audioSpecificConfig;
    // Imported when a film is analysed: the library's thread need not load FAAD2.
    const aac = await (await import('@audio/decode-aac')).decoder({ asc: audioSpecificConfig ?? configOfAdts(firstPacket) });
    const inner = aac as unknown as { m?: Partial<Faad2Module>; h?: number; ch?: number };
    const faad2 = inner.m;
    if (!faad2?.HEAPU8 || typeof faad2._aac_decode !== 'function' || typeof faad2._malloc !== 'function' || !inner.h) {
      aac.free();
      throw new Error('@audio/decode-aac no longer holds its FAAD2 module where the analysis reads it (src/core/soundtrack/aac-mono.ts)');
    }
    return new AacToMono(aac, faad2 as Faad2Module, inner.h, adts, inner.ch ?? 2);
  }

  /**
   * Decodes one packet and writes its frame's mono samples into `into` from `at`; answers how many
   * (0 for FAAD2's first packet, which it answers with nothing, and for a packet it cannot decode).
   */
  decode(packet: Uint8Array, into: Float32Array, at: number): number {
    const { faad2 } = this;
    if (this.adts) packet = packet.subarray(adtsHeaderLength(packet));
    if (packet.length > this.capacity) {
      if (this.pointer) faad2._free(this.pointer);
      this.capacity = Math.max(packet.length, 4096);
      this.pointer = faad2._malloc(this.capacity);
    }
    faad2.HEAPU8.set(packet, this.pointer);
    const output = faad2._aac_decode(this.handle, this.pointer, packet.length);
    if (!output) return 0;
    const channels = (this.channels = faad2._aac_channels() || this.channels);
    const frames = faad2._aac_samples() / channels;
    this.sampleRate = faad2._aac_samplerate() || this.sampleRate;
    if (into.length - at < frames) throw new Error(`an AAC frame of ${frames} samples does not fit the ${into.length - at} left`);
    // Read after decoding: the module's memory may have grown, and its views with it.
    const heap = faad2.HEAPF32;
    const first = output >> 2;
    if (channels === 2) {
      for (let i = 0; i < frames; i++) into[at + i] = (heap[first + 2 * i] + heap[first + 2 * i + 1]) * 0.5;
    } else {
      const scale = 1 / channels;
      for (let i = 0; i < frames; i++) {
        let sum = 0;
        for (let c = 0, from = first + i * channels; c < channels; c++) sum += heap[from + c];
        into[at + i] = sum * scale;
      }
    }
    return frames;
  }

  free(): void {
    if (this.pointer) this.faad2._free(this.pointer);
    this.pointer = 0;
    this.aac.free();
  }
}

/** An ADTS frame's header: 7 bytes, 9 with its CRC (ISO/IEC 14496-3, 1.A.2). */
function adtsHeaderLength(frame: Uint8Array): number {
  if (frame.length < 7 || frame[0] !== 0xff || (frame[1] & 0xf6) !== 0xf0) throw new Error('an AAC packet without its ADTS header');
  if ((frame[6] & 3) !== 0) throw new Error('ADTS frames holding several AAC blocks, which the analysis does not read');
  return frame[1] & 1 ? 7 : 9;
}

/** The AudioSpecificConfig an ADTS header stands for: object type (profile + 1), rate index, channels. */
function configOfAdts(frame: Uint8Array): Uint8Array {
  adtsHeaderLength(frame);
  const objectType = (frame[2] >> 6) + 1;
  const rateIndex = (frame[2] >> 2) & 15;
  const channels = ((frame[2] & 1) << 2) | (frame[3] >> 6);
  return Uint8Array.of((objectType << 3) | (rateIndex >> 1), ((rateIndex & 1) << 7) | (channels << 3));
}
