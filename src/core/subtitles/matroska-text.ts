import type { FilmSubtitleTrack } from '../../shared/video';
import { chosenTextTrack, lineText, refused, withReader, type ContainerText, type WindowReader } from './container-text';

/**
 * Subtitle tracks inside a Matroska or WebM film, read by our own small EBML walker: mediabunny, which
 * reads the picture and the sound, lists no subtitle track. Only what a text track needs is read:
 * the segment's timestamp scale, the track entries, and the blocks of one track in the clusters.
 */

const ids = {
  ebml: 0x1a45dfa3,
  segment: 0x18538067,
  info: 0x1549a966,
  timestampScale: 0x2ad7b1,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackNumber: 0xd7,
  trackType: 0x83,
  codecId: 0x86,
  language: 0x22b59c,
  languageBcp47: 0x22b59d,
  defaultDuration: 0x23e383,
  cluster: 0x1f43b675,
  clusterTimestamp: 0xe7,
  simpleBlock: 0xa3,
  blockGroup: 0xa0,
  block: 0xa1,
  blockDuration: 0x9b
};

/** The elements that sit directly in a segment: where a cluster of unknown size ends. */
const segmentChildren = new Set([0x114d9b74, ids.info, ids.tracks, ids.cluster, 0x1c53bb6b, 0x1043a770, 0x1254c367, 0x1941a469]);

const SUBTITLE_TRACK_TYPE = 0x11;

/** The container's codec ids of text subtitles, by the format their blocks hold. */
const textCodecs: Record<string, 'srt' | 'webvtt'> = {
  'S_TEXT/UTF8': 'srt',
  'S_TEXT/WEBVTT': 'webvtt',
  'D_WEBVTT/SUBTITLES': 'webvtt',
  'D_WEBVTT/CAPTIONS': 'webvtt',
  'D_WEBVTT/DESCRIPTIONS': 'webvtt'
};

const codecNames: Record<string, string> = {
  'S_TEXT/ASS': 'ASS',
  'S_TEXT/SSA': 'SSA',
  'S_HDMV/PGS': 'PGS (pictures)',
  S_VOBSUB: 'VobSub (pictures)',
  S_DVBSUB: 'DVB (pictures)'
};

/** A subtitle track as the container describes it, with the codec a person knows. */
export interface MatroskaTextTrack extends FilmSubtitleTrack {
  /** The track's number in the container's blocks (not its place among subtitle tracks). */
  matroskaNumber: number;
  defaultDurationNs: number | null;
}

const UNKNOWN_SIZE = -1;

/** An EBML variable-length integer at `offset`: its value (with or without its length marker) and length. */
function readVint(bytes: Buffer, offset: number, keepMarker: boolean): { value: number; length: number } | null {
  const first = bytes[offset];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (offset + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[offset + i];
    if (bytes[offset + i] !== 0xff) allOnes = false;
  }
  return { value: !keepMarker && allOnes ? UNKNOWN_SIZE : value, length };
}

interface Element {
  id: number;
  /** Where its data starts and ends; `end` is null for an element of unknown size. */
  dataStart: number;
  end: number | null;
}

async function readElement(reader: WindowReader, position: number): Promise<Element | null> {
  const head = await reader.bytes(position, 12);
  const id = readVint(head, 0, true);
  const size = id && readVint(head, id.length, false);
  if (!id || !size) return null;
  const dataStart = position + id.length + size.length;
  return { id: id.value, dataStart, end: size.value === UNKNOWN_SIZE ? null : dataStart + size.value };
}

/** The children of the element spanning `start`..`end`, one at a time. */
async function* children(reader: WindowReader, start: number, end: number): AsyncGenerator<Element> {
  let position = start;
  while (position < end) {
    const element = await readElement(reader, position);
    if (!element || element.end === null || element.end > end) return;
    yield element;
    position = element.end;
  }
}

const unsigned = (bytes: Buffer) => bytes.reduce((value, byte) => value * 256 + byte, 0);

/** The file's Matroska segment: where its data starts and ends. */
async function segmentOf(reader: WindowReader, path: string): Promise<{ start: number; end: number }> {
  const header = await readElement(reader, 0);
  if (!header || header.id !== ids.ebml || header.end === null) throw refused(path, 'this is not a Matroska or WebM file.');
  const segment = await readElement(reader, header.end);
  if (!segment || segment.id !== ids.segment) throw refused(path, 'its Matroska segment cannot be read: the file is damaged.');
  return { start: segment.dataStart, end: Math.min(segment.end ?? reader.size, reader.size) };
}

/** The segment's timestamp scale (ns per tick) and its subtitle tracks, read from the elements before the first cluster. */
async function readHeader(reader: WindowReader, path: string) {
  const segment = await segmentOf(reader, path);
  let timestampScale = 1_000_000;
  const tracks: MatroskaTextTrack[] = [];
  let firstCluster = segment.end;
  let position = segment.start;
  while (position < segment.end) {
    const element = await readElement(reader, position);
    if (!element) break;
    if (element.id === ids.cluster) {
      firstCluster = position;
      break;
    }
    if (element.end === null) break;
    if (element.id === ids.info) {
      for await (const child of children(reader, element.dataStart, element.end)) {
        if (child.id === ids.timestampScale) timestampScale = unsigned(await reader.bytes(child.dataStart, child.end! - child.dataStart));
      }
    } else if (element.id === ids.tracks) {
      for await (const entry of children(reader, element.dataStart, element.end)) {
        if (entry.id !== ids.trackEntry) continue;
        const fields = new Map<number, Buffer>();
        for await (const field of children(reader, entry.dataStart, entry.end!)) {
          fields.set(field.id, Buffer.from(await reader.bytes(field.dataStart, field.end! - field.dataStart)));
        }
        if (unsigned(fields.get(ids.trackType) ?? Buffer.alloc(0)) !== SUBTITLE_TRACK_TYPE) continue;
        const codecId = (fields.get(ids.codecId)?.toString('latin1') ?? '').replace(/\0+$/, '');
        const text = (id: number) => fields.get(id)?.toString('utf8').replace(/\0+$/, '');
        tracks.push({
          number: tracks.length + 1,
          matroskaNumber: unsigned(fields.get(ids.trackNumber) ?? Buffer.alloc(0)),
          codec: textCodecs[codecId] ?? codecNames[codecId] ?? codecId,
          // Matroska's default language is English when a track names none.
          language: text(ids.languageBcp47) ?? text(ids.language) ?? 'eng',
          defaultDurationNs: fields.has(ids.defaultDuration) ? unsigned(fields.get(ids.defaultDuration)!) : null
        });
      }
    }
    position = element.end;
  }
  return { segment, timestampScale, tracks, firstCluster };
}

/** The subtitle tracks of a Matroska or WebM film (read from the start of the file only). */
export function listMatroskaSubtitles(path: string): Promise<FilmSubtitleTrack[]> {
  return withReader(path, async (reader) =>
    (await readHeader(reader, path)).tracks.map(({ number, codec, language }) => ({ number, codec, language }))
  );
}

/**
 * Every line of the film's `number`th subtitle track, in the order of the file, with its film time.
 * The clusters are walked from the first to the last, reading the header of each block and the
 * bytes of only this track's: an import reads the file's structure once, never its pictures.
 * A block without a duration lasts the track's default duration, else until the next line (at most 5 s).
 */
export async function readMatroskaSubtitles(path: string, number: number): Promise<ContainerText> {
  return withReader(path, async (reader) => {
    const { segment, timestampScale, tracks, firstCluster } = await readHeader(reader, path);
    const track = chosenTextTrack(tracks, number, path);
    const msPerTick = timestampScale / 1_000_000;
    const found: { startMs: number; durationMs: number | null; bytes: Buffer }[] = [];

    /** A block of this track (its header read), with the duration its group gives. */
    const takeBlock = async (block: Element, clusterTime: number, durationTicks: number | null) => {
      const head = await reader.bytes(block.dataStart, 12);
      const trackNumber = readVint(head, 0, false);
      if (!trackNumber || trackNumber.value !== track.matroskaNumber) return;
      const relative = head.readInt16BE(trackNumber.length);
      if ((head[trackNumber.length + 2] & 0x06) !== 0) {
        throw refused(path, `subtitle track ${number} packs several lines in one block (lacing), which Reelnotes does not read.`);
      }
      const payloadStart = block.dataStart + trackNumber.length + 3;
      found.push({
        startMs: (clusterTime + relative) * msPerTick,
        durationMs: durationTicks === null ? null : durationTicks * msPerTick,
        bytes: Buffer.from(await reader.bytes(payloadStart, block.end! - payloadStart))
      });
    };

    let position = firstCluster;
    while (position < segment.end) {
      const cluster = await readElement(reader, position);
      if (!cluster) break;
      if (cluster.id !== ids.cluster) {
        if (cluster.end === null) break;
        position = cluster.end;
        continue;
      }
      const clusterEnd = cluster.end ?? segment.end;
      let clusterTime = 0;
      let child = cluster.dataStart;
      while (child < clusterEnd) {
        const element = await readElement(reader, child);
        // A cluster of unknown size ends where the next element of the segment begins.
        if (!element || element.end === null || segmentChildren.has(element.id)) break;
        if (element.id === ids.clusterTimestamp)
          clusterTime = unsigned(await reader.bytes(element.dataStart, element.end - element.dataStart));
        else if (element.id === ids.simpleBlock) await takeBlock(element, clusterTime, null);
        else if (element.id === ids.blockGroup) {
          let block: Element | null = null;
          let duration: number | null = null;
          for await (const part of children(reader, element.dataStart, element.end)) {
            if (part.id === ids.block) block = part;
            else if (part.id === ids.blockDuration) duration = unsigned(await reader.bytes(part.dataStart, part.end! - part.dataStart));
          }
          if (block) await takeBlock(block, clusterTime, duration);
        }
        child = element.end;
      }
      position = child;
    }

    const lines = found.map((line, i) => {
      const text = lineText(line.bytes, path, number, line.startMs);
      const defaultMs = track.defaultDurationNs === null ? null : track.defaultDurationNs / 1_000_000;
      const next = found[i + 1]?.startMs ?? Infinity;
      const durationMs = line.durationMs ?? defaultMs ?? Math.min(next - line.startMs, 5000);
      return { startMs: Math.round(line.startMs), endMs: Math.round(line.startMs + durationMs), text };
    });
    return { track: { number: track.number, codec: track.codec, language: track.language }, lines };
  });
}
