/**
 * The decoders (mpg123-decoder, @wasm-audio-decoders/flac and ogg-vorbis, pinned to exact versions in
 * package.json) are C libraries compiled to WebAssembly with a JavaScript wrapper that copies every
 * decoded sample twice into fresh arrays. Reelnotes reads the samples where the decoder wrote them
 * instead, through the Emscripten module each wrapper holds: a third of the work, for a summary that
 * keeps nothing. These are the few members of the wrappers it relies on.
 */

/** The Emscripten module: its memory and allocator; each decoder adds its own C functions. */
export interface EmscriptenModule {
  HEAP: ArrayBuffer;
  malloc(bytes: number): number;
  free(pointer: number): void;
}

/** A block of the module's memory the wrapper allocated, seen as a typed array. */
export interface HeapArray<T> {
  ptr: number;
  len: number;
  buf: T;
}

export interface WrapperCommon<M extends EmscriptenModule> {
  _common: { wasm: M };
}

/** Channel views on planar float samples in the module's memory: no copy. */
export function planarChannels(heap: ArrayBuffer, pointer: number, channels: number, frames: number): Float32Array[] {
  return Array.from({ length: channels }, (_, c) => new Float32Array(heap, pointer + c * frames * 4, frames));
}
