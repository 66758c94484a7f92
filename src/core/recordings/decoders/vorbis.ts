import type { AudioSink } from './sink';
import type { EmscriptenModule, HeapArray, WrapperCommon } from './wasm-memory';

interface LibVorbisModule extends EmscriptenModule {
  decode_packets(decoder: number): void;
}

/** @wasm-audio-decoders/ogg-vorbis 0.1.20's inner decoder, as far as Reelnotes uses it. */
interface LibVorbisWrapper extends WrapperCommon<LibVorbisModule> {
  sendSetupHeader(packet: Uint8Array): void;
  initDsp(): void;
  _decoder: number;
  _input: HeapArray<Uint8Array>;
  _inputLen: HeapArray<Uint32Array>;
  _outputBufferPtr: HeapArray<Uint32Array>;
  _channels: HeapArray<Uint32Array>;
  _sampleRate: HeapArray<Uint32Array>;
  _samplesDecoded: HeapArray<Uint32Array>;
  _errorsLength: HeapArray<Int32Array>;
}

export interface VorbisHeaders {
  identification: Uint8Array;
  setup: Uint8Array;
}

/**
 * libvorbis, one packet at a time, set up from the stream's identification and setup headers (the
 * comment header is not needed to decode). The first packet after set-up only primes the decoder.
 */
export async function vorbisDecoder(
  headers: VorbisHeaders
): Promise<{ decodePacket(packet: Uint8Array, sink: AudioSink): number; free(): void }> {
  const { OggVorbisDecoder } = await import('@wasm-audio-decoders/ogg-vorbis');
  const outer = new OggVorbisDecoder() as unknown as { ready: Promise<void>; free(): void; _decoder: LibVorbisWrapper };
  await outer.ready;
  const w = outer._decoder;
  const wasm = w._common.wasm;
  w.sendSetupHeader(headers.identification);
  w.sendSetupHeader(headers.setup);
  w.initDsp();
  return {
    /** Decodes one packet and returns how many frames it gave. */
    decodePacket(packet, sink) {
      if (packet.length > w._input.len) throw new Error(`a Vorbis packet of ${packet.length} bytes is larger than any encoder writes`);
      w._input.buf.set(packet);
      w._inputLen.buf[0] = packet.length;
      wasm.decode_packets(w._decoder);
      // A damaged packet is skipped (as with the wrapper); the length check refuses a file of them.
      w._errorsLength.buf[0] = 0;
      const frames = w._samplesDecoded.buf[0];
      if (frames > 0) {
        const pointers = new Uint32Array(wasm.HEAP, w._outputBufferPtr.buf[0], w._channels.buf[0]);
        sink(
          Array.from(pointers, (pointer) => new Float32Array(wasm.HEAP, pointer, frames)),
          w._sampleRate.buf[0]
        );
      }
      return frames;
    },
    free: () => outer.free()
  };
}
