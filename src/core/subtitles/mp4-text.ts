import type { FilmSubtitleTrack } from '../../shared/video';
import {
  chosenTextTrack,
  lineText,
  refused,
  withReader,
  type ContainerLine,
  type ContainerText,
  type WindowReader
} from './container-text';

/**
 * Subtitle tracks inside an MP4 or QuickTime film, read by our own walk over its boxes: mediabunny,
 * which reads the picture and the sound, lists no subtitle track. A track's sample table (stts, stsz,
 * stsc, stco/co64) says where each sample lies and when it plays; only those samples are read.
 *
 * - mov_text (`tx3g`, 3GPP timed text, what `ffmpeg -c:s mov_text` writes; QuickTime's `text`): each sample is a 16-bit
 *   big-endian length and that many bytes of text (UTF-8, or UTF-16 after its byte-order mark),
 *   optionally followed by style boxes, which are left out. An empty sample is a gap between lines.
 * - WebVTT (`wvtt`, ISO 14496-30): each sample holds `vttc` boxes, the text in their `payl`, or one
 *   `vtte` (no line).
 */

/** Handlers of subtitle and caption tracks (QuickTime `text` tracks are chapters when a `chap` reference names them). */
const subtitleHandlers = new Set(['sbtl', 'subt', 'text', 'clcp']);

/** Sample entries by the codec a person knows; `mov_text` and `webvtt` are read. */
const sampleCodecs: Record<string, string> = {
  tx3g: 'mov_text',
  // QuickTime's own text media: its samples are laid out as tx3g's (ffmpeg writes mov_text so in a .mov).
  text: 'mov_text',
  wvtt: 'webvtt',
  stpp: 'TTML',
  c608: 'CEA-608 captions',
  c708: 'CEA-708 captions'
};

interface Box {
  type: string;
  dataStart: number;
  end: number;
}

/** The box at `position`, or null past `limit` or where the file is cut short. */
async function readBox(reader: WindowReader, position: number, limit: number): Promise<Box | null> {
  if (position + 8 > limit) return null;
  const head = await reader.bytes(position, 16);
  if (head.length < 8) return null;
  let size = head.readUInt32BE(0);
  const type = head.toString('latin1', 4, 8);
  let dataStart = position + 8;
  if (size === 1) {
    if (head.length < 16) return null;
    size = Number(head.readBigUInt64BE(8));
    dataStart = position + 16;
  } else if (size === 0) {
    size = limit - position;
  }
  const end = position + size;
  if (end < dataStart || end > limit) return null;
  return { type, dataStart, end };
}

async function* boxesIn(reader: WindowReader, start: number, end: number): AsyncGenerator<Box> {
  let position = start;
  for (;;) {
    const box = await readBox(reader, position, end);
    if (!box) return;
    yield box;
    position = box.end;
  }
}

/** The first child of `parent` along the path of types (`['mdia', 'minf', 'stbl']`), or null. */
async function find(reader: WindowReader, parent: Box, path: readonly string[]): Promise<Box | null> {
  let box: Box | null = parent;
  for (const type of path) {
    let found: Box | null = null;
    for await (const child of boxesIn(reader, box.dataStart, box.end)) {
      if (child.type === type) {
        found = child;
        break;
      }
    }
    if (!found) return null;
    box = found;
  }
  return box;
}

const dataOf = (reader: WindowReader, box: Box) => reader.bytes(box.dataStart, box.end - box.dataStart);

/**
 * ISO 639-2/T packed in 15 bits, as mdhd holds it; `und` when unset, and for QuickTime's older
 * Macintosh language codes (below 0x400), which name no ISO language.
 */
function languageOf(packed: number): string {
  if (packed < 0x400 || packed === 0x7fff) return 'und';
  const letters = [(packed >> 10) & 0x1f, (packed >> 5) & 0x1f, packed & 0x1f].map((code) => String.fromCharCode(code + 0x60));
  return /^[a-z]{3}$/.test(letters.join('')) ? letters.join('') : 'und';
}

interface Mp4TextTrack extends FilmSubtitleTrack {
  trak: Box;
  timescale: number;
}

/** The movie box, walking the top-level boxes only (the pictures in `mdat` are stepped over, never read). */
async function movieOf(reader: WindowReader, path: string): Promise<Box> {
  let movie: Box | null = null;
  let fragmented = false;
  for await (const box of boxesIn(reader, 0, reader.size)) {
    if (box.type === 'moov') movie = box;
    else if (box.type === 'moof') {
      fragmented = true;
      break;
    }
  }
  if (!movie) throw refused(path, 'its movie box (moov) cannot be found: the file is damaged or incomplete.');
  if (fragmented) throw refused(path, 'it is a fragmented MP4, whose subtitle tracks Reelnotes does not read.');
  return movie;
}

/** The film's subtitle tracks in the order of the file, numbered from 1, with their codec and language. */
async function readTracks(reader: WindowReader, path: string): Promise<{ movie: Box; tracks: Mp4TextTrack[] }> {
  const movie = await movieOf(reader, path);
  const traks: { trak: Box; id: number }[] = [];
  const chapters = new Set<number>();
  for await (const trak of boxesIn(reader, movie.dataStart, movie.end)) {
    if (trak.type !== 'trak') continue;
    const header = await find(reader, trak, ['tkhd']);
    if (!header) continue;
    const tkhd = await dataOf(reader, header);
    traks.push({ trak, id: tkhd.readUInt32BE(tkhd[0] === 1 ? 20 : 12) });
    const chap = await find(reader, trak, ['tref', 'chap']);
    if (chap) {
      const ids = await dataOf(reader, chap);
      for (let at = 0; at + 4 <= ids.length; at += 4) chapters.add(ids.readUInt32BE(at));
    }
  }
  const tracks: Mp4TextTrack[] = [];
  for (const { trak, id } of traks) {
    if (chapters.has(id)) continue;
    const handler = await find(reader, trak, ['mdia', 'hdlr']);
    const mediaHeader = await find(reader, trak, ['mdia', 'mdhd']);
    const descriptions = await find(reader, trak, ['mdia', 'minf', 'stbl', 'stsd']);
    if (!handler || !mediaHeader || !descriptions) continue;
    if (!subtitleHandlers.has((await dataOf(reader, handler)).toString('latin1', 8, 12))) continue;
    const mdhd = await dataOf(reader, mediaHeader);
    const v1 = mdhd[0] === 1;
    const entry = await readBox(reader, descriptions.dataStart + 8, descriptions.end);
    const format = entry?.type ?? '';
    tracks.push({
      number: tracks.length + 1,
      codec: sampleCodecs[format] ?? format,
      language: languageOf(mdhd.readUInt16BE(v1 ? 32 : 20)),
      trak,
      timescale: mdhd.readUInt32BE(v1 ? 20 : 12)
    });
  }
  return { movie, tracks };
}

/** The subtitle tracks of an MP4 or QuickTime film (its movie box only). */
export function listMp4Subtitles(path: string): Promise<FilmSubtitleTrack[]> {
  return withReader(path, async (reader) =>
    (await readTracks(reader, path)).tracks.map(({ number, codec, language }) => ({ number, codec, language }))
  );
}

/** A table of 32-bit fields after a full box's version, flags and entry count: `width` fields an entry. */
async function table(reader: WindowReader, box: Box | null, width: number): Promise<number[][]> {
  if (!box) return [];
  const data = await dataOf(reader, box);
  const count = Math.min(data.readUInt32BE(4), Math.floor((data.length - 8) / (4 * width)));
  return Array.from({ length: count }, (_, i) => Array.from({ length: width }, (_, f) => data.readUInt32BE(8 + (i * width + f) * 4)));
}

interface Sample {
  offset: number;
  size: number;
  /** Decode time and duration, in the track's timescale. */
  time: number;
  duration: number;
}

/** Where each sample of the track lies in the file and when it plays, from its sample table. */
async function samplesOf(reader: WindowReader, stbl: Box, path: string, number: number): Promise<Sample[]> {
  const damaged = () => refused(path, `subtitle track ${number} has a damaged sample table.`);
  const sizesBox = await find(reader, stbl, ['stsz']);
  if (!sizesBox) throw damaged();
  const sizesData = await dataOf(reader, sizesBox);
  const fixedSize = sizesData.readUInt32BE(4);
  const count = sizesData.readUInt32BE(8);
  if (fixedSize === 0 && sizesData.length < 12 + count * 4) throw damaged();
  const sizes = Array.from({ length: count }, (_, i) => (fixedSize !== 0 ? fixedSize : sizesData.readUInt32BE(12 + i * 4)));

  const chunkOffsets: number[] = [];
  const co64 = await find(reader, stbl, ['co64']);
  if (co64) {
    const data = await dataOf(reader, co64);
    for (let i = 0; i < data.readUInt32BE(4) && 16 + i * 8 <= data.length; i++) chunkOffsets.push(Number(data.readBigUInt64BE(8 + i * 8)));
  } else {
    for (const [offset] of await table(reader, await find(reader, stbl, ['stco']), 1)) chunkOffsets.push(offset);
  }
  const runs = await table(reader, await find(reader, stbl, ['stsc']), 3);
  const durations = (await table(reader, await find(reader, stbl, ['stts']), 2)).flatMap(([times, delta]) =>
    Array.from({ length: times }, () => delta)
  );
  if (durations.length < count) throw damaged();

  const samples: Sample[] = [];
  let time = 0;
  for (let run = 0; run < runs.length && samples.length < count; run++) {
    const [firstChunk, perChunk] = runs[run];
    const lastChunk = run + 1 < runs.length ? runs[run + 1][0] - 1 : chunkOffsets.length;
    for (let chunk = firstChunk; chunk <= lastChunk && samples.length < count; chunk++) {
      let offset = chunkOffsets[chunk - 1];
      if (offset === undefined) throw damaged();
      for (let i = 0; i < perChunk && samples.length < count; i++) {
        const index = samples.length;
        samples.push({ offset, size: sizes[index], time, duration: durations[index] });
        offset += sizes[index];
        time += durations[index];
      }
    }
  }
  if (samples.length < count) throw damaged();
  return samples;
}

/**
 * Where the track's media time 0 falls in the film, in ms, from its edit list: an empty edit first
 * (the track starts later, in the movie's timescale) and the first edit's start in the media.
 */
async function editShiftMs(reader: WindowReader, trak: Box, movie: Box, timescale: number): Promise<number> {
  const list = await find(reader, trak, ['edts', 'elst']);
  const movieHeader = await find(reader, movie, ['mvhd']);
  if (!list || !movieHeader) return 0;
  const mvhd = await dataOf(reader, movieHeader);
  const movieTimescale = mvhd.readUInt32BE(mvhd[0] === 1 ? 20 : 12);
  const data = await dataOf(reader, list);
  const v1 = data[0] === 1;
  const entrySize = v1 ? 20 : 12;
  let shiftMs = 0;
  for (let i = 0; i < data.readUInt32BE(4) && 8 + (i + 1) * entrySize <= data.length; i++) {
    const at = 8 + i * entrySize;
    const segmentDuration = v1 ? Number(data.readBigUInt64BE(at)) : data.readUInt32BE(at);
    const mediaTime = v1 ? Number(data.readBigInt64BE(at + 8)) : data.readInt32BE(at + 4);
    if (mediaTime === -1) {
      shiftMs += (segmentDuration / movieTimescale) * 1000;
      continue;
    }
    return shiftMs - (mediaTime / timescale) * 1000;
  }
  return shiftMs;
}

/** A mov_text sample's text: its length-prefixed string (UTF-16 after a byte-order mark), style boxes left out. */
function movText(sample: Buffer, path: string, number: number, startMs: number): string {
  if (sample.length < 2) return '';
  const bytes = sample.subarray(2, 2 + sample.readUInt16BE(0));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return lineText(bytes, path, number, startMs);
}

/** A WebVTT sample's text: the payload of each cue box in it (a `vtte` sample holds none). */
function webvttText(sample: Buffer, path: string, number: number, startMs: number): string {
  const texts: string[] = [];
  for (let at = 0; at + 8 <= sample.length;) {
    const size = sample.readUInt32BE(at);
    if (size < 8 || at + size > sample.length) break;
    if (sample.toString('latin1', at + 4, at + 8) === 'vttc') {
      for (let inner = at + 8; inner + 8 <= at + size;) {
        const innerSize = sample.readUInt32BE(inner);
        if (innerSize < 8 || inner + innerSize > at + size) break;
        if (sample.toString('latin1', inner + 4, inner + 8) === 'payl') {
          texts.push(lineText(sample.subarray(inner + 8, inner + innerSize), path, number, startMs));
        }
        inner += innerSize;
      }
    }
    at += size;
  }
  return texts.join('\n');
}

/**
 * Every line of the film's `number`th subtitle track, with its film time: the sample table is read,
 * then each sample's few bytes. Samples without text (the gaps between lines) are left out.
 */
export function readMp4Subtitles(path: string, number: number): Promise<ContainerText> {
  return withReader(path, async (reader) => {
    const { movie, tracks } = await readTracks(reader, path);
    const track = chosenTextTrack(tracks, number, path);
    const stbl = await find(reader, track.trak, ['mdia', 'minf', 'stbl']);
    if (!stbl || !(track.timescale > 0)) throw refused(path, `subtitle track ${number} has no sample table.`);
    const shiftMs = await editShiftMs(reader, track.trak, movie, track.timescale);
    const textOf = track.codec === 'mov_text' ? movText : webvttText;
    const lines: ContainerLine[] = [];
    for (const sample of await samplesOf(reader, stbl, path, number)) {
      const startMs = shiftMs + (sample.time / track.timescale) * 1000;
      if (sample.offset + sample.size > reader.size) {
        throw refused(path, `subtitle track ${number} goes past the end of the file: the file is cut short.`);
      }
      const text = textOf(await reader.exact(sample.offset, sample.size), path, number, startMs);
      if (text === '') continue;
      lines.push({
        startMs: Math.round(startMs),
        endMs: Math.round(startMs + (sample.duration / track.timescale) * 1000),
        text
      });
    }
    return { track: { number: track.number, codec: track.codec, language: track.language }, lines };
  });
}
