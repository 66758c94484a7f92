/**
 * A WAV file's layout: where its samples lie and how each is written. PCM samples need no decoder:
 * frame n is at `dataStart + n × blockAlign`, so any stretch of an hour-long file is read directly
 * (a spectrogram's view, a segment of the waveform's analysis on its own thread, a cue's sound).
 */
export interface WavLayout {
  channels: number;
  sampleRate: number;
  /** 8, 16, 24 or 32 bits of integer PCM, or 32 or 64 bits of float. */
  bitsPerSample: number;
  float: boolean;
  /** Bytes of one frame: one sample of every channel. */
  blockAlign: number;
  /** The byte offset of the first sample, and where the samples end (never past the file's end). */
  dataStart: number;
  dataEnd: number;
}

const PCM = 1;
const IEEE_FLOAT = 3;
const EXTENSIBLE = 0xfffe;

/**
 * Reads the layout from the file's first bytes (its chunks up to `data`); undefined for a file that
 * is not a WAV of plain integer or float samples (compressed WAVs, damaged headers), which is then
 * decoded as before, whole, and accepted or refused for what the decoder makes of it.
 */
export function readWavLayout(head: Uint8Array, fileSize: number): WavLayout | undefined {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const text = (at: number) => String.fromCharCode(...head.subarray(at, at + 4));
  if (head.length < 12 || text(0) !== 'RIFF' || text(8) !== 'WAVE') return undefined;
  let format: Omit<WavLayout, 'dataStart' | 'dataEnd'> | undefined;
  for (let at = 12; at + 8 <= head.length;) {
    const id = text(at);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ' && at + 24 <= head.length) {
      let tag = view.getUint16(at + 8, true);
      // WAVE_FORMAT_EXTENSIBLE names the real format in the first two bytes of its sub-format GUID.
      if (tag === EXTENSIBLE && size >= 40 && at + 34 <= head.length) tag = view.getUint16(at + 32, true);
      const bitsPerSample = view.getUint16(at + 22, true);
      const float = tag === IEEE_FLOAT;
      const supported = float ? bitsPerSample === 32 || bitsPerSample === 64 : tag === PCM && [8, 16, 24, 32].includes(bitsPerSample);
      if (!supported) return undefined;
      format = {
        channels: view.getUint16(at + 10, true),
        sampleRate: view.getUint32(at + 12, true),
        blockAlign: view.getUint16(at + 20, true),
        bitsPerSample,
        float
      };
    } else if (id === 'data') {
      if (!format || format.channels < 1 || format.sampleRate <= 0 || format.blockAlign !== (format.channels * format.bitsPerSample) / 8)
        return undefined;
      const dataStart = at + 8;
      // A file written as a stream may declare 0 or 0xFFFFFFFF bytes of data: its samples run to the file's end.
      const declared = size === 0 || size === 0xffffffff ? fileSize - dataStart : size;
      const whole = Math.floor(Math.min(declared, fileSize - dataStart) / format.blockAlign) * format.blockAlign;
      return { ...format, dataStart, dataEnd: dataStart + whole };
    }
    at += 8 + size + (size % 2);
  }
  return undefined;
}

/**
 * Converts whole frames of `bytes` into `planes` (one per channel, each at least as long as the
 * frames), scaled to [-1, 1) as decoders do; answers how many frames were converted.
 */
export function pcmFrames(bytes: Uint8Array, layout: WavLayout, planes: Float32Array[]): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const frames = Math.floor(bytes.length / layout.blockAlign);
  const width = layout.bitsPerSample / 8;
  const read: (at: number) => number = layout.float
    ? width === 4
      ? (at) => view.getFloat32(at, true)
      : (at) => view.getFloat64(at, true)
    : width === 1
      ? (at) => (bytes[at] - 128) / 128
      : width === 2
        ? (at) => view.getInt16(at, true) / 32768
        : width === 3
          ? (at) => ((bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) << 8) / 2147483648
          : (at) => view.getInt32(at, true) / 2147483648;
  for (let c = 0; c < layout.channels; c++) {
    const plane = planes[c];
    for (let f = 0, at = c * width; f < frames; f++, at += layout.blockAlign) plane[f] = read(at);
  }
  return frames;
}
