import { open, type FileHandle } from 'node:fs/promises';
import { findFlacFrame } from './flac-frames';
import { id3v2Length, isInfoFrame, readMp3FrameHeader } from './mp3-frames';
import { pcmSegments, planDecode, vorbisCut, type DecodePlan, type PlannedFormat, type Segment } from './plan';

/**
 * The bytes to decode for one stretch of a recording, frames [fromFrame, toFrame): a plan of one
 * segment that starts at a frame (FLAC), a page (Ogg) or a few frames before (MP3, for its bit
 * reservoir) at or before `fromFrame`, and ends at or after `toFrame`, so that reading a few seconds
 * of an hour-long file reads a few seconds of it. FLAC frames and Ogg pages carry their position, and
 * are found by bisection; MP3 frames do not, so an MP3's frame offsets are walked once and kept. A
 * WAV's samples lie at known offsets and are read exactly. Formats without such structure (Opus, AAC)
 * are planned whole.
 */
export async function planRange(
  path: string,
  size: number,
  format: PlannedFormat,
  fromFrame: number,
  toFrame: number
): Promise<DecodePlan> {
  const whole = await planDecode(path, size, format, 1);
  if (whole.codec === 'pcm') return { ...whole, segments: pcmSegments(whole.layout, 1, fromFrame, toFrame) };
  const file = await open(path, 'r');
  try {
    const segment =
      whole.codec === 'flac'
        ? await flacRange(file, size, whole, fromFrame, toFrame)
        : whole.codec === 'vorbis'
          ? await vorbisRange(file, size, whole.segments[0].from, fromFrame, toFrame)
          : whole.codec === 'mp3'
            ? await mp3Range(path, file, size, fromFrame, toFrame)
            : undefined;
    return segment ? { ...whole, segments: [segment] } : whole;
  } finally {
    await file.close();
  }
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(Math.max(0, length));
  const { bytesRead } = await file.read(bytes, 0, bytes.length, position);
  return bytes.subarray(0, bytesRead);
}

/**
 * The last position in [low, high) whose mark (a frame or page found from there) begins at or before
 * `frame`; `markAt` reads the first mark at or after a byte offset. Bisection over the bytes: a few
 * dozen small reads for any length of file.
 */
async function bisect<M extends { at: number; firstFrame: number }>(
  low: number,
  high: number,
  frame: number,
  markAt: (offset: number) => Promise<M | undefined>
): Promise<M | undefined> {
  let best = await markAt(low);
  if (!best || best.firstFrame > frame) return best;
  while (high - low > 16 * 1024) {
    const middle = Math.floor((low + high) / 2);
    const mark = await markAt(middle);
    if (mark && mark.firstFrame <= frame) {
      best = mark;
      low = Math.max(middle, mark.at) + 1;
    } else high = middle;
  }
  // The bisection stops within a few frames or pages of it: walk the rest.
  for (let next = await markAt(best.at + 1); next && next.firstFrame <= frame && next.at > best.at; next = await markAt(next.at + 1))
    best = next;
  return best;
}

/**
 * Where FLAC frames are looked for: enough for two frames of any usual stream (a frame of 4,096
 * samples of 16-bit stereo is at most 16 KB), read again four times wider where two frames do not fit.
 * A view's plan looks in a few dozen places, and reading 256 KB at each took most of its time.
 */
const FLAC_LOOK_BYTES = 64 * 1024;

async function flacRange(
  file: FileHandle,
  size: number,
  plan: Extract<DecodePlan, { codec: 'flac' }>,
  fromFrame: number,
  toFrame: number
): Promise<Segment | undefined> {
  const { fixedBlockSize } = plan;
  const frameAt = async (offset: number, bytes = FLAC_LOOK_BYTES): Promise<{ at: number; firstFrame: number } | undefined> => {
    const window = await readAt(file, offset, bytes);
    const frame = findFlacFrame(window, 0, fixedBlockSize);
    // Two headers in a row, numbered one after the other, are frames and not chance bytes.
    const next = frame && findFlacFrame(window, frame.at + 1, fixedBlockSize, frame.header.firstSample + frame.header.blockSize);
    if (frame && (next || offset + window.length >= size)) return { at: offset + frame.at, firstFrame: frame.header.firstSample };
    return bytes === FLAC_LOOK_BYTES && offset + window.length < size ? frameAt(offset, 4 * FLAC_LOOK_BYTES) : undefined;
  };
  // The whole file's plan starts at the first frame, past the metadata.
  const start = await bisect(plan.segments[0].from, size, fromFrame, frameAt);
  if (!start) return undefined;
  const end = await bisect(start.at, size, toFrame, frameAt);
  const after = end && end.firstFrame < toFrame ? await frameAt(end.at + 1) : end;
  return { from: start.at, to: after?.at ?? size, countFrom: start.at, firstFrame: start.firstFrame };
}

async function vorbisRange(
  file: FileHandle,
  size: number,
  audioFrom: number,
  fromFrame: number,
  toFrame: number
): Promise<Segment | undefined> {
  const cutAt = async (offset: number) => {
    const cut = vorbisCut(await readAt(file, offset, 256 * 1024), offset);
    return cut && { ...cut, at: cut.from };
  };
  const start = await bisect(audioFrom, size, fromFrame, cutAt);
  if (!start || start.firstFrame > fromFrame) return undefined;
  // The stream's end is read to its last page: Vorbis needs a packet past the stretch to finish its last samples.
  const end = await bisect(start.at, size, toFrame, cutAt);
  const after = end ? await cutAt(end.countFrom) : undefined;
  return { from: start.from, to: after?.countFrom ?? size, countFrom: start.countFrom, firstFrame: start.firstFrame };
}

/** MP3 frames decoded before the stretch, for the bit reservoir (up to 511 bytes back) and the filter banks. */
const MP3_WARM_UP_FRAMES = 10;

interface Mp3Frames {
  size: number;
  samplesPerFrame: number;
  /** Where each audio frame begins. */
  offsets: Float64Array;
}

/** The frame offsets of the MP3s read lately: walking an hour's headers takes a moment, and a person zooms about one recording. */
const mp3FrameIndex = new Map<string, Mp3Frames>();
const MP3_INDEXES_KEPT = 4;

async function mp3Frames(path: string, file: FileHandle, size: number): Promise<Mp3Frames | undefined> {
  const known = mp3FrameIndex.get(path);
  if (known && known.size === size) return known;
  const chunkSize = 1024 * 1024;
  let chunk = await readAt(file, 0, chunkSize);
  let chunkAt = 0;
  let at = id3v2Length(chunk);
  let offsets = new Float64Array(4096);
  let count = 0;
  let samplesPerFrame = 0;
  for (;;) {
    if (at + 4 > chunkAt + chunk.length) {
      if (at + 4 > size) break;
      chunkAt = at;
      chunk = await readAt(file, at, chunkSize);
    }
    const header = readMp3FrameHeader(chunk, at - chunkAt);
    if (!header) break;
    samplesPerFrame ||= header.samplesPerFrame;
    const isInfo =
      count === 0 &&
      at + header.length <= chunkAt + chunk.length &&
      isInfoFrame(chunk.subarray(at - chunkAt, at - chunkAt + header.length));
    if (!isInfo) {
      if (count === offsets.length) {
        const grown = new Float64Array(count * 2);
        grown.set(offsets);
        offsets = grown;
      }
      offsets[count++] = at;
    }
    at += header.length;
  }
  if (count === 0) return undefined;
  const frames = { size, samplesPerFrame, offsets: offsets.slice(0, count) };
  mp3FrameIndex.delete(path);
  mp3FrameIndex.set(path, frames);
  while (mp3FrameIndex.size > MP3_INDEXES_KEPT) mp3FrameIndex.delete(mp3FrameIndex.keys().next().value!);
  return frames;
}

async function mp3Range(path: string, file: FileHandle, size: number, fromFrame: number, toFrame: number): Promise<Segment | undefined> {
  const frames = await mp3Frames(path, file, size);
  if (!frames) return undefined;
  const { offsets, samplesPerFrame } = frames;
  const first = Math.min(offsets.length - 1, Math.floor(fromFrame / samplesPerFrame));
  const last = Math.ceil(toFrame / samplesPerFrame);
  return {
    from: offsets[Math.max(0, first - MP3_WARM_UP_FRAMES)],
    to: last < offsets.length ? offsets[last] : size,
    countFrom: offsets[first],
    firstFrame: first * samplesPerFrame
  };
}
