import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { ReelnotesError } from '../../shared/errors';
import { isTextSubtitle, type FilmSubtitleTrack } from '../../shared/video';

/**
 * What the readers of text tracks inside a film share (Matroska/WebM in matroska-text.ts, MP4 and
 * QuickTime in mp4-text.ts): a windowed reader over the file, which reads the container's structure and
 * one track's samples without ever reading the pictures, and the shape of what they give back.
 */

const WINDOW = 1024 * 1024;

/** Reads a file through a 1 MB window: a walk over its elements reads each part of the file once. */
export class WindowReader {
  private window = Buffer.alloc(0);
  private start = 0;
  constructor(
    private readonly file: FileHandle,
    readonly size: number
  ) {}

  async bytes(position: number, length: number): Promise<Buffer> {
    const end = Math.min(position + length, this.size);
    if (position >= this.size) return Buffer.alloc(0);
    if (position < this.start || end > this.start + this.window.length) {
      const buffer = Buffer.alloc(Math.min(Math.max(WINDOW, length), this.size - position));
      const { bytesRead } = await this.file.read(buffer, 0, buffer.length, position);
      this.window = buffer.subarray(0, bytesRead);
      this.start = position;
    }
    return this.window.subarray(position - this.start, end - this.start);
  }

  /**
   * Exactly these bytes, read on their own (the window stays as it was): for the few bytes of a sample
   * far from the last one, where a whole window would read a megabyte of pictures around each.
   */
  async exact(position: number, length: number): Promise<Buffer> {
    const buffer = Buffer.alloc(Math.max(0, Math.min(length, this.size - position)));
    const { bytesRead } = await this.file.read(buffer, 0, buffer.length, position);
    return buffer.subarray(0, bytesRead);
  }
}

export async function withReader<T>(path: string, read: (reader: WindowReader) => Promise<T>): Promise<T> {
  const file = await open(path, 'r');
  try {
    return await read(new WindowReader(file, (await file.stat()).size));
  } finally {
    await file.close();
  }
}

/** One timed line of a text track, its text as the container holds it. */
export interface ContainerLine {
  startMs: number;
  endMs: number;
  text: string;
}

/** A text track read whole from the film: which track, and its lines in the order of the file. */
export interface ContainerText {
  track: FilmSubtitleTrack;
  lines: ContainerLine[];
}

/** The film's file refused, named. */
export function refused(path: string, why: string): ReelnotesError {
  return new ReelnotesError('UNSUPPORTED_VIDEO', `${basename(path)}: ${why}`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A line's bytes as UTF-8 text; a line that is not is refused with its track and time. */
export function lineText(bytes: Uint8Array, path: string, number: number, startMs: number): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw refused(path, `subtitle track ${number} has a line at ${Math.round(startMs)} ms that is not UTF-8 text.`);
  }
}

/** The film's `number`th subtitle track, if it is there and is text the library reads. */
export function chosenTextTrack<T extends FilmSubtitleTrack>(tracks: readonly T[], number: number, path: string): T {
  const track = tracks.find((t) => t.number === number);
  if (!track) throw new ReelnotesError('NOT_FOUND', `${basename(path)} has no subtitle track ${number}.`);
  if (!isTextSubtitle(track.codec)) {
    throw refused(path, `subtitle track ${number} is ${track.codec}, not text Reelnotes can read (SRT, WebVTT or mov_text in the film).`);
  }
  return track;
}
