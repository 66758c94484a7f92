import { open, type FileHandle } from 'node:fs/promises';
import { findFlacFrame, readFlacStreamInfo } from './flac-frames';
import { id3v2Length, isInfoFrame, readMp3FrameHeader } from './mp3-frames';
import { findOggPage, OggPacketReader, packetsEnding, readOggPage, type OggPage } from './ogg-pages';
import type { VorbisHeaders } from './vorbis';
import { readWavLayout, type WavLayout } from './wav';

/**
 * How a recording is cut into segments that decode on separate threads and still add up to exactly
 * the samples of decoding it in one go.
 */
export interface Segment {
  /** Bytes [from, to) of the file are decoded. */
  from: number;
  to: number;
  /** Samples of bytes before this offset only warm the decoder up (an MP3's bit reservoir, Vorbis' overlap) and are not counted. */
  countFrom: number;
  /** The recording's frame at which this segment's counted samples begin. */
  firstFrame: number;
}

export type DecodePlan =
  | { codec: 'mp3'; segments: Segment[] }
  | { codec: 'flac'; segments: Segment[]; fixedBlockSize: number; minFrameBytes: number }
  | { codec: 'vorbis'; segments: Segment[]; headers: VorbisHeaders }
  /** A WAV of plain samples: read where they lie, no decoder. */
  | { codec: 'pcm'; segments: Segment[]; layout: WavLayout }
  /** Formats decoded in one piece by audio-decode, and files whose structure the planning could not follow. */
  | { codec: 'other'; segments: Segment[]; format: PlannedFormat };

export type PlannedFormat = 'mp3' | 'flac' | 'oga' | 'opus' | 'wav' | 'm4a';

/** Smaller files are decoded in one piece: a thread's start-up would cost more than it saves. */
const MIN_BYTES_TO_SPLIT = 2 * 1024 * 1024;

/** MP3 frames decoded before a segment's first frame, for the bit reservoir (up to 511 bytes back) and the filter banks. */
const MP3_WARM_UP_FRAMES = 10;

/**
 * Plans the decoding of the file at `path` in up to `parts` segments. A file whose structure cannot
 * be followed (damaged, or unusual) is planned as one segment, decoded as before, so that it is
 * refused or accepted for what the decoder makes of it, never for the planning.
 */
export async function planDecode(
  path: string,
  size: number,
  format: PlannedFormat,
  parts: number,
  minBytesToSplit = MIN_BYTES_TO_SPLIT
): Promise<DecodePlan> {
  const whole: Segment[] = [{ from: 0, to: size, countFrom: 0, firstFrame: 0 }];
  if (format === 'opus' || format === 'm4a') return { codec: 'other', segments: whole, format };
  const file = await open(path, 'r');
  try {
    const wanted = size >= minBytesToSplit ? parts : 1;
    if (format === 'wav') {
      const layout = readWavLayout(await readAt(file, 0, 64 * 1024), size);
      return layout ? { codec: 'pcm', segments: pcmSegments(layout, wanted), layout } : { codec: 'other', segments: whole, format };
    }
    if (format === 'mp3') return { codec: 'mp3', segments: (await mp3Segments(file, size, wanted)) ?? whole };
    if (format === 'flac') return await flacPlan(file, size, wanted);
    return await vorbisPlan(file, size, wanted);
  } finally {
    await file.close();
  }
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(Math.max(0, length));
  const { bytesRead } = await file.read(bytes, 0, bytes.length, position);
  return bytes.subarray(0, bytesRead);
}

/** Even shares of a WAV's frames, cut between frames; or the frames [fromFrame, toFrame) alone. */
export function pcmSegments(layout: WavLayout, parts: number, fromFrame = 0, toFrame = Infinity): Segment[] {
  const frames = (layout.dataEnd - layout.dataStart) / layout.blockAlign;
  const [first, last] = [Math.max(0, Math.min(fromFrame, frames)), Math.max(0, Math.min(toFrame, frames))];
  const cut = (i: number) => first + Math.round(((last - first) * i) / parts);
  return Array.from({ length: parts }, (_, i) => {
    const from = layout.dataStart + cut(i) * layout.blockAlign;
    return { from, to: layout.dataStart + cut(i + 1) * layout.blockAlign, countFrom: from, firstFrame: cut(i) };
  });
}

/** Walks the frames from header to header (a few bytes of each), cutting at the frames nearest the even shares of the file. */
async function mp3Segments(file: FileHandle, size: number, parts: number): Promise<Segment[] | undefined> {
  if (parts < 2) return undefined;
  const head = await readAt(file, 0, 64 * 1024);
  let at = id3v2Length(head);
  const offsets: number[] = [];
  let audioFrames = 0;
  let samplesPerFrame = 0;
  const cuts: Segment[] = [];
  const chunkSize = 1024 * 1024;
  let chunk = await readAt(file, at, chunkSize);
  let chunkAt = at;
  while (cuts.length < parts - 1) {
    if (at + 4 > chunkAt + chunk.length) {
      chunkAt = at;
      chunk = await readAt(file, at, chunkSize);
      if (chunk.length < 4) return undefined;
    }
    const header = readMp3FrameHeader(chunk, at - chunkAt);
    if (!header || (samplesPerFrame && header.samplesPerFrame !== samplesPerFrame)) return undefined;
    samplesPerFrame = header.samplesPerFrame;
    if (offsets.length === 0 && isInfoFrame(chunk.subarray(at - chunkAt, at - chunkAt + header.length))) {
      at += header.length;
      continue;
    }
    offsets.push(at);
    const share = Math.round((size * (cuts.length + 1)) / parts);
    if (at >= share && offsets.length > MP3_WARM_UP_FRAMES) {
      cuts.push({
        from: offsets[offsets.length - 1 - MP3_WARM_UP_FRAMES],
        to: 0,
        countFrom: at,
        firstFrame: audioFrames * samplesPerFrame
      });
    }
    audioFrames++;
    at += header.length;
  }
  return joinSegments(cuts, size, 0);
}

/** Segments from the cuts after the first, each ending where the next one's counted part begins. */
function joinSegments(cuts: Segment[], size: number, firstFrom: number): Segment[] {
  const segments = [{ from: firstFrom, to: 0, countFrom: firstFrom, firstFrame: 0 }, ...cuts];
  segments.forEach((segment, i) => (segment.to = segments[i + 1]?.countFrom ?? size));
  return segments;
}

async function flacPlan(file: FileHandle, size: number, parts: number): Promise<DecodePlan> {
  // Metadata blocks may hold cover art: read as far as they go.
  let head = await readAt(file, 0, 256 * 1024);
  let info = readFlacStreamInfo(head);
  if (!info && head.length < size) {
    head = await readAt(file, 0, Math.min(size, 64 * 1024 * 1024));
    info = readFlacStreamInfo(head);
  }
  if (!info) return { codec: 'other', segments: [{ from: 0, to: size, countFrom: 0, firstFrame: 0 }], format: 'flac' };
  const cuts: Segment[] = [];
  for (let k = 1; k < parts; k++) {
    const share = Math.round(info.firstFrameOffset + ((size - info.firstFrameOffset) * k) / parts);
    const window = await readAt(file, share, 1024 * 1024);
    const frame = findFlacFrame(window, 0, info.fixedBlockSize);
    // Two headers in a row, the second numbered after the first, are frames and not chance bytes.
    const next = frame && findFlacFrame(window, frame.at + 1, info.fixedBlockSize, frame.header.firstSample + frame.header.blockSize);
    if (!frame || !next) break;
    const at = share + frame.at;
    if (cuts.length && cuts[cuts.length - 1].from >= at) break;
    cuts.push({ from: at, to: 0, countFrom: at, firstFrame: frame.header.firstSample });
  }
  return {
    codec: 'flac',
    segments: joinSegments(cuts, size, info.firstFrameOffset),
    fixedBlockSize: info.fixedBlockSize,
    minFrameBytes: info.minFrameBytes
  };
}

async function vorbisPlan(file: FileHandle, size: number, parts: number): Promise<DecodePlan> {
  const head = await readAt(file, 0, 1024 * 1024);
  // The identification, comment and setup headers are the stream's first three packets; audio begins on a new page.
  const reader = new OggPacketReader();
  const packets: Uint8Array[] = [];
  let audioFrom = 0;
  for (const { page, packets: ended } of reader.push(head)) {
    packets.push(...ended.map((p) => p.slice()));
    audioFrom = page.at + page.length;
    if (packets.length >= 3) break;
  }
  if (packets.length < 3) return { codec: 'other', segments: [{ from: 0, to: size, countFrom: 0, firstFrame: 0 }], format: 'oga' };
  const headers = { identification: packets[0], setup: packets[2] };
  const cuts: Segment[] = [];
  for (let k = 1; k < parts; k++) {
    const share = Math.round(audioFrom + ((size - audioFrom) * k) / parts);
    const window = await readAt(file, share, 512 * 1024);
    const cut = vorbisCut(window, share);
    if (!cut || (cuts.length && cuts[cuts.length - 1].countFrom >= cut.countFrom)) break;
    cuts.push(cut);
  }
  return { codec: 'vorbis', segments: joinSegments(cuts, size, audioFrom), headers };
}

/**
 * A segment starting at the first page found in `window` (read at `windowAt`): its samples count
 * from the end of the first page on which a packet that began in the segment ends, where the
 * page's granule position says exactly which frame comes next.
 */
export function vorbisCut(window: Uint8Array, windowAt: number): Segment | undefined {
  const first = findOggPage(window, 0);
  if (!first) return undefined;
  let packets = -(first.flags & 1);
  for (let page: OggPage | undefined = first; page; page = readOggPage(window, page.at + page.length)) {
    packets += packetsEnding(page);
    if (packets >= 1 && page.granule >= 0) {
      return { from: windowAt + first.at, to: 0, countFrom: windowAt + page.at + page.length, firstFrame: page.granule };
    }
  }
  return undefined;
}
