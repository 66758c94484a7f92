import { closeSync, openSync, readSync } from 'node:fs';
import { PeakAccumulator, type PeakPart } from '../peaks';
import { findFlacFrame } from './flac-frames';
import { flacDecoder } from './flac';
import { mp3Decoder } from './mp3';
import { END_OF_STREAM, OggPacketReader } from './ogg-pages';
import type { DecodePlan, Segment } from './plan';
import type { AudioSink } from './sink';
import { vorbisDecoder } from './vorbis';
import { pcmFrames } from './wav';

export interface SegmentResult {
  part: PeakPart;
  sampleRate: number;
}

const READ_BYTES = 512 * 1024;

/** More than any FLAC frame holds (8 channels of 65,535 samples of 32 bits, uncompressed, would be 2 MB). */
const MAX_FLAC_FRAME_BYTES = 4 * 1024 * 1024;

/** The segment's bytes in pieces, with the file offset of each: views on one buffer, valid until the next piece. */
function* pieces(path: string, segment: Segment, size = READ_BYTES): Generator<{ at: number; bytes: Uint8Array }> {
  const fd = openSync(path, 'r');
  const buffer = new Uint8Array(size);
  try {
    for (let at = segment.from; at < segment.to;) {
      const read = readSync(fd, buffer, 0, Math.min(buffer.length, segment.to - at), at);
      if (read === 0) return;
      yield { at, bytes: buffer.subarray(0, read) };
      at += read;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Decodes one segment of a planned recording and summarises its counted samples into the
 * recording's buckets. `onRead` receives the bytes read so far.
 */
export async function decodeSegment(
  path: string,
  plan: DecodePlan,
  index: number,
  samplesPerBucket: number,
  onRead: (bytes: number) => void
): Promise<SegmentResult> {
  const peaks = new PeakAccumulator(samplesPerBucket, plan.segments[index].firstFrame);
  const sampleRate = await decodeSegmentInto(path, plan, index, (channels, frames) => peaks.push(channels, 0, frames), onRead);
  return { part: peaks.finishPart(), sampleRate };
}

/**
 * Decodes one segment of a planned recording and hands its counted samples to `take` (channels and
 * how many of their frames count), in order; answers the sample rate. The waveform sums them into
 * peaks; the cue finder keeps a cue's sound.
 */
export async function decodeSegmentInto(
  path: string,
  plan: DecodePlan,
  index: number,
  take: (channels: readonly Float32Array[], frames: number, sampleRate: number) => void,
  onRead: (bytes: number) => void
): Promise<number> {
  const segment = plan.segments[index];
  let sampleRate = 0;
  let counting = segment.countFrom <= segment.from;
  let taken = 0;
  /** Frames the segment may still count: Vorbis trims the last packet to the stream's end. */
  let limit = Infinity;
  const sink: AudioSink = (channels, rate) => {
    if (!counting) return;
    sampleRate = rate;
    const frames = Math.min(channels[0].length, limit - taken);
    if (frames > 0) {
      take(channels, frames, rate);
      taken += frames;
    }
  };
  let read = 0;

  if (plan.codec === 'mp3') {
    const decoder = await mp3Decoder();
    try {
      for (const { at, bytes } of pieces(path, segment)) {
        const warmUp = Math.max(0, Math.min(bytes.length, segment.countFrom - at));
        if (warmUp > 0) decoder.decode(bytes.subarray(0, warmUp), sink);
        counting = at + warmUp >= segment.countFrom;
        if (warmUp < bytes.length) decoder.decode(bytes.subarray(warmUp), sink);
        onRead((read += bytes.length));
      }
    } finally {
      decoder.free();
    }
  } else if (plan.codec === 'flac') {
    const decoder = await flacDecoder();
    let expected: number | undefined;
    /** Decodes the whole frames at the start of `bytes` and returns how many bytes they took. */
    const decodeFrames = (bytes: Uint8Array, last: boolean): number => {
      // Each frame ends where the next one's header begins; the segment's last frame ends with it.
      let frame = findFlacFrame(bytes, 0, plan.fixedBlockSize, expected) ?? findFlacFrame(bytes, 0, plan.fixedBlockSize);
      while (frame) {
        const from = frame.at + Math.max(plan.minFrameBytes, 8);
        const following = frame.header.firstSample + frame.header.blockSize;
        // Past a damaged frame the numbers no longer follow on: take the next valid header, as libFLAC would resync.
        const next =
          findFlacFrame(bytes, from, plan.fixedBlockSize, following) ??
          (bytes.length - frame.at > MAX_FLAC_FRAME_BYTES ? findFlacFrame(bytes, from, plan.fixedBlockSize) : undefined);
        if (!next && !last) return frame.at;
        decoder.decodeFrame(bytes.subarray(frame.at, next?.at ?? bytes.length), sink);
        expected = following;
        frame = next;
      }
      return bytes.length;
    };
    try {
      // Read into one buffer, moving only the unfinished frame at its end to the front: no copying of the rest.
      let buffer: Uint8Array = new Uint8Array(2 * READ_BYTES);
      let kept = 0;
      for (const { bytes } of pieces(path, segment)) {
        if (buffer.length < kept + bytes.length) buffer = grow(buffer, kept + bytes.length);
        buffer.set(bytes, kept);
        kept += bytes.length;
        onRead((read += bytes.length));
        const used = decodeFrames(buffer.subarray(0, kept), false);
        buffer.copyWithin(0, used, kept);
        kept -= used;
      }
      decodeFrames(buffer.subarray(0, kept), true);
    } finally {
      decoder.free();
    }
  } else if (plan.codec === 'pcm') {
    const { layout } = plan;
    // Pieces of whole frames: the segment starts and ends between frames.
    const pieceBytes = READ_BYTES - (READ_BYTES % layout.blockAlign);
    const planes = Array.from({ length: layout.channels }, () => new Float32Array(pieceBytes / layout.blockAlign));
    for (const { bytes } of pieces(path, segment, pieceBytes)) {
      const frames = pcmFrames(bytes, layout, planes);
      sink(
        planes.map((plane) => plane.subarray(0, frames)),
        layout.sampleRate
      );
      onRead((read += bytes.length));
    }
  } else if (plan.codec === 'vorbis') {
    const decoder = await vorbisDecoder(plan.headers);
    try {
      const reader = new OggPacketReader();
      let pageEnd = segment.from;
      for (const { bytes } of pieces(path, segment)) {
        for (const { page, packets } of reader.push(bytes)) {
          if (counting && page.flags & END_OF_STREAM && page.granule >= 0) limit = page.granule - segment.firstFrame;
          for (const packet of packets) decoder.decodePacket(packet, sink);
          pageEnd += page.length;
          counting = pageEnd >= segment.countFrom;
        }
        onRead((read += bytes.length));
      }
    } finally {
      decoder.free();
    }
  } else {
    const { decodeChunked } = await import('audio-decode');
    async function* counted(): AsyncGenerator<Uint8Array> {
      for (const { bytes } of pieces(path, segment)) {
        onRead((read += bytes.length));
        // audio-decode may keep what it is given.
        yield bytes.slice();
      }
    }
    for await (const { channelData, sampleRate: rate } of decodeChunked(counted(), plan.format)) {
      if (channelData.length) sink(channelData, rate);
    }
  }
  return sampleRate;
}

function grow(buffer: Uint8Array, atLeast: number): Uint8Array {
  const grown = new Uint8Array(Math.max(atLeast, buffer.length * 2));
  grown.set(buffer);
  return grown;
}
