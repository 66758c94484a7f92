import type { EmscriptenModule, HeapArray, WrapperCommon } from './wasm-memory';
import { planarChannels } from './wasm-memory';
import type { AudioSink } from './sink';

interface Mpg123Module extends EmscriptenModule {
  mpeg_decoder_feed(decoder: number, input: number, length: number): number;
  mpeg_decoder_read(decoder: number, output: number, outputLength: number, samples: number, sampleRate: number, error: number): number;
}

/** mpg123-decoder 1.0.3's MPEGDecoder, as far as Reelnotes uses it. */
interface Mpg123Wrapper extends WrapperCommon<Mpg123Module> {
  ready: Promise<void>;
  free(): void;
  _decoder: number;
  _input: HeapArray<Uint8Array>;
  _output: HeapArray<Float32Array>;
  _samplesDecodedPtr: HeapArray<Uint32Array>;
  _sampleRatePtr: HeapArray<Uint32Array>;
  _errorStringPtr: HeapArray<Uint32Array>;
}

const NEED_MORE = -10;

/**
 * MPEG audio through mpg123, fed bytes as they come. Gapless trimming is off: every frame gives its
 * full count of samples, so a stretch of the file decoded on its own lines up with the rest.
 */
export async function mp3Decoder(): Promise<{ decode(bytes: Uint8Array, sink: AudioSink): void; free(): void }> {
  const { MPEGDecoder } = await import('mpg123-decoder');
  const wrapper = new MPEGDecoder({ enableGapless: false }) as unknown as Mpg123Wrapper;
  await wrapper.ready;
  const wasm = wrapper._common.wasm;
  const { _decoder: decoder, _input: input, _output: output } = wrapper;
  return {
    decode(bytes, sink) {
      for (let offset = 0; offset < bytes.length;) {
        const chunk = bytes.subarray(offset, offset + input.len);
        offset += chunk.length;
        input.buf.set(chunk);
        if (wasm.mpeg_decoder_feed(decoder, input.ptr, chunk.length) === NEED_MORE) continue;
        for (;;) {
          wrapper._samplesDecodedPtr.buf[0] = 0;
          const status = wasm.mpeg_decoder_read(
            decoder,
            output.ptr,
            output.len,
            wrapper._samplesDecodedPtr.ptr,
            wrapper._sampleRatePtr.ptr,
            wrapper._errorStringPtr.ptr
          );
          const frames = wrapper._samplesDecodedPtr.buf[0];
          // mpg123-decoder always writes two channels (a mono file's one, twice).
          if (frames > 0) sink(planarChannels(wasm.HEAP, output.ptr, 2, frames), wrapper._sampleRatePtr.buf[0]);
          // Any other status is a damaged frame, which mpg123 skips (as the wrapper does); the length
          // check after decoding refuses a file that is mostly damage.
          if (status === NEED_MORE) break;
        }
      }
    },
    free: () => wrapper.free()
  };
}
