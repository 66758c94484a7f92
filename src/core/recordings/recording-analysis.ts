import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { ReelnotesError } from '../../shared/errors';
import { decodePlanned, decodingThreads } from './decoders/pool';
import { END_OF_STREAM } from './decoders/ogg-pages';
import { planDecode } from './decoders/plan';
import { baseSamplesPerBucket, type PeakSummary } from './peaks';

/** The formats Reelnotes accepts, as the decoder names them. */
type DecoderFormat = 'oga' | 'opus' | 'mp3' | 'flac' | 'wav' | 'm4a';

interface FormatInfo {
  decoder: DecoderFormat;
  extension: string;
  mimeType: string;
}

export interface AudioFacts {
  container: string;
  codec: string;
  extension: string;
  mimeType: string;
  durationMs: number;
  sampleRate: number;
  channels: number;
}

export interface RecordingAnalysis {
  facts: AudioFacts;
  peaks: PeakSummary;
}

const ACCEPTED = 'OGG (Vorbis or Opus), MP3, FLAC, WAV or M4A (AAC)';

/** A decoded recording may fall this much short of the length its header declares (encoder padding). */
const SHORTFALL_TOLERANCE_SECONDS = 0.25;

function refuse(fileName: string, why: string): ReelnotesError {
  return new ReelnotesError('UNSUPPORTED_AUDIO', `${fileName} cannot be attached: ${why}`);
}

/**
 * Reads a recording's facts with music-metadata, then decodes it from start to end in chunks to be
 * sure it is what it claims: the same pass computes the waveform peaks. A file that is not audio,
 * is in another format, cannot be decoded, or ends before its header says it should is refused.
 * `onProgress` receives the fraction of the file decoded so far.
 */
export async function analyseRecording(
  path: string,
  fileName: string,
  onProgress: (fraction: number) => void = () => {}
): Promise<RecordingAnalysis> {
  const size = statSync(path).size;
  if (size === 0) throw refuse(fileName, 'the file is empty.');

  const { parseFile } = await import('music-metadata');
  let format: Awaited<ReturnType<typeof parseFile>>['format'];
  try {
    // No `duration: true`: it would read the whole file (an Ogg's or a header-less MP3's) before
    // decoding reads it again; the decoding gives the length, and headers give what is declared.
    format = (await parseFile(path, { skipCovers: true })).format;
  } catch (error) {
    throw refuse(fileName, `it is not a readable audio file (${error instanceof Error ? error.message : String(error)}). Use ${ACCEPTED}.`);
  }
  const info = formatOf(format.container, format.codec);
  if (!info) {
    const what = format.container
      ? `${format.container}${format.codec ? ` / ${format.codec}` : ''} is not a format Reelnotes plays`
      : 'it is not an audio file';
    throw refuse(fileName, `${what}. Use ${ACCEPTED}.`);
  }
  if (!format.sampleRate || !format.numberOfChannels)
    throw refuse(fileName, 'its audio stream has no sample rate or channels; the file looks damaged.');
  const oggEnd = info.decoder === 'oga' || info.decoder === 'opus' ? oggLastPage(path, size) : undefined;
  if ((info.decoder === 'wav' && !wavDataComplete(path, size)) || (oggEnd && !oggEnd.endsStream)) {
    throw refuse(fileName, 'the file ends in the middle of the recording (it looks truncated).');
  }

  // An Ogg declares its length only in its last page's granule position (Opus counts at 48 kHz).
  const oggSeconds = oggEnd && oggEnd.granule > 0 ? oggEnd.granule / (info.decoder === 'opus' ? 48000 : format.sampleRate) : 0;
  const declaredSeconds = format.duration ?? oggSeconds;
  // The finest level of the waveform: the coarser ones, up to the overview, are made from it (peakPyramid).
  const samplesPerBucket = baseSamplesPerBucket(format.sampleRate);
  let decoded: Awaited<ReturnType<typeof decodePlanned>>;
  try {
    const plan = await planDecode(path, size, info.decoder, decodingThreads());
    decoded = await decodePlanned(path, plan, samplesPerBucket, onProgress);
  } catch (error) {
    throw refuse(fileName, `its audio could not be decoded (${error instanceof Error ? error.message : String(error)}).`);
  }

  const summary = decoded.peaks;
  const decodedSeconds = summary.frames / (decoded.sampleRate || format.sampleRate);
  if (summary.frames === 0) throw refuse(fileName, 'no audio could be decoded from it.');
  if (declaredSeconds > 0 && decodedSeconds < declaredSeconds - SHORTFALL_TOLERANCE_SECONDS) {
    throw refuse(
      fileName,
      `the file ends early: it declares ${declaredSeconds.toFixed(1)} s but holds only ${decodedSeconds.toFixed(1)} s (it looks truncated).`
    );
  }
  onProgress(1);
  return {
    facts: {
      container: format.container ?? '',
      codec: displayCodec(format.codec ?? info.decoder),
      extension: info.extension,
      mimeType: info.mimeType,
      durationMs: Math.max(1, Math.round(decodedSeconds * 1000)),
      sampleRate: format.sampleRate,
      channels: format.numberOfChannels
    },
    peaks: summary
  };
}

function formatOf(container: string | undefined, codec: string | undefined): FormatInfo | undefined {
  const c = (container ?? '').toLowerCase();
  const k = (codec ?? '').toLowerCase();
  if (c === 'ogg' && k.startsWith('vorbis')) return { decoder: 'oga', extension: 'ogg', mimeType: 'audio/ogg' };
  if (c === 'ogg' && k.startsWith('opus')) return { decoder: 'opus', extension: 'opus', mimeType: 'audio/ogg' };
  if (c === 'mpeg' && /layer 3/.test(k)) return { decoder: 'mp3', extension: 'mp3', mimeType: 'audio/mpeg' };
  if (c === 'flac') return { decoder: 'flac', extension: 'flac', mimeType: 'audio/flac' };
  if (c === 'wave') return { decoder: 'wav', extension: 'wav', mimeType: 'audio/wav' };
  if (/^(m4a|mp4|isom|mp42|m4b)/.test(c) && k.includes('aac')) return { decoder: 'm4a', extension: 'm4a', mimeType: 'audio/mp4' };
  return undefined;
}

/** music-metadata names extensible WAV by its format tag; people know it as PCM. */
function displayCodec(codec: string): string {
  return /^non-PCM \(65534\)$/.test(codec) ? 'PCM' : codec;
}

function readAt(path: string, position: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, bytes, 0, length, position);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/**
 * A WAV file declares the size of its samples; music-metadata trims the duration to the bytes that
 * are there, so a cut file would pass unnoticed without this check.
 */
function wavDataComplete(path: string, size: number): boolean {
  const head = readAt(path, 0, Math.min(size, 64 * 1024));
  for (let offset = 12; offset + 8 <= head.length;) {
    const id = head.toString('latin1', offset, offset + 4);
    const chunkSize = head.readUInt32LE(offset + 4);
    if (id === 'data') return chunkSize === 0 || chunkSize === 0xffffffff || offset + 8 + chunkSize <= size;
    offset += 8 + chunkSize + (chunkSize % 2);
  }
  return false;
}

/**
 * An Ogg stream's last page: it carries the end-of-stream flag, and its granule position counts the
 * samples of the whole stream. Ogg declares no length up front, so a missing flag is the one sign of
 * a file cut short.
 */
function oggLastPage(path: string, size: number): { endsStream: boolean; granule: number } {
  const tailSize = Math.min(size, 70 * 1024);
  const tail = readAt(path, size - tailSize, tailSize);
  const last = tail.lastIndexOf('OggS');
  if (last < 0 || last + 14 > tail.length) return { endsStream: false, granule: -1 };
  return { endsStream: (tail[last + 5] & END_OF_STREAM) !== 0, granule: Number(tail.readBigInt64LE(last + 6)) };
}
