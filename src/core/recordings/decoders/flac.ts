import type { AudioSink } from './sink';
import type { EmscriptenModule, HeapArray, WrapperCommon } from './wasm-memory';
import { planarChannels } from './wasm-memory';

interface LibFlacModule extends EmscriptenModule {
  decode_frame(decoder: number, input: number, length: number): void;
}

/** @wasm-audio-decoders/flac 0.2.11's inner decoder, as far as Reelnotes uses it. */
interface LibFlacWrapper extends WrapperCommon<LibFlacModule> {
  _decoder: number;
  _channels: HeapArray<Uint32Array>;
  _samplesDecoded: HeapArray<Uint32Array>;
  _sampleRate: HeapArray<Uint32Array>;
  _outputBufferPtr: HeapArray<Uint32Array>;
  _outputBufferLen: HeapArray<Uint32Array>;
  _errorStringPtr: HeapArray<Uint32Array>;
  _stateStringPtr: HeapArray<Uint32Array>;
}

/** libFLAC, one whole frame at a time. */
export async function flacDecoder(): Promise<{ decodeFrame(frame: Uint8Array, sink: AudioSink): void; free(): void }> {
  const { FLACDecoder } = await import('@wasm-audio-decoders/flac');
  const outer = new FLACDecoder() as unknown as { ready: Promise<void>; free(): void; _decoder: LibFlacWrapper };
  await outer.ready;
  const w = outer._decoder;
  const wasm = w._common.wasm;
  return {
    decodeFrame(frame, sink) {
      // decode_frame frees the input when it is done with it.
      const input = wasm.malloc(frame.length);
      new Uint8Array(wasm.HEAP, input, frame.length).set(frame);
      wasm.decode_frame(w._decoder, input, frame.length);
      const frames = w._samplesDecoded.buf[0];
      const output = w._outputBufferPtr.buf[0];
      // A damaged frame gives no samples (as with the wrapper); the length check refuses a file of them.
      if (frames > 0) sink(planarChannels(wasm.HEAP, output, w._channels.buf[0], frames), w._sampleRate.buf[0]);
      wasm.free(output);
      w._outputBufferLen.buf[0] = 0;
      w._samplesDecoded.buf[0] = 0;
      w._errorStringPtr.buf[0] = 0;
      w._stateStringPtr.buf[0] = 0;
    },
    free: () => outer.free()
  };
}
