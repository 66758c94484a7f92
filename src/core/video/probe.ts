import { ALL_FORMATS, EncodedPacketSink, FilePathSource, Input, type InputTrack } from 'mediabunny';
import { basename } from 'node:path';
import { ReelnotesError } from '../../shared/errors';
import type { FilmAudioTrack, FilmSubtitleTrack } from '../../shared/video';
import { subtitlesInFilm } from '../subtitles/in-film';

/** What the container says about a film file, read by mediabunny (never from the file's name). */
export interface VideoFacts {
  container: string;
  mimeType: string;
  videoCodec: string;
  durationMs: number;
  frameRate: number;
  width: number;
  height: number;
  audioTracks: FilmAudioTrack[];
  subtitleTracks: FilmSubtitleTrack[];
  /** The year the file's own tags give, for a frame grab's citation (kept in memory by `filmYear`, not in the library). */
  year: number | null;
}

/** The containers a person's film comes in that Chromium can also read. */
const filmContainers = new Set(['MP4', 'QuickTime File Format', 'Matroska', 'WebM']);

/** Picture codecs Chromium decodes on every system (HEVC only with some hardware, so not counted on). */
const playableVideo = new Set(['avc', 'vp8', 'vp9', 'av1']);

/** Sound codecs Chromium decodes; AC-3, E-AC-3 and DTS are not among them. */
const playableAudio = new Set(['aac', 'opus', 'vorbis', 'mp3', 'flac', 'pcm-s16', 'pcm-s24', 'pcm-s32', 'pcm-f32', 'pcm-u8']);

const codecNames: Record<string, string> = {
  hevc: 'HEVC (H.265)',
  avc: 'H.264',
  mpeg4: 'MPEG-4 Part 2',
  ac3: 'AC-3 (Dolby Digital)',
  eac3: 'E-AC-3 (Dolby Digital Plus)'
};

/** The name a person knows a codec by. */
export function codecName(codec: string): string {
  return codecNames[codec] ?? codec.toUpperCase();
}

function unsupported(path: string, why: string): ReelnotesError {
  return new ReelnotesError('UNSUPPORTED_VIDEO', `${basename(path)}: ${why} Nothing was attached.`);
}

/**
 * Reads the facts of the film at `path` and refuses what the desk could not play: not a film
 * container, no picture, a picture codec Chromium does not decode (named, with what to do), or a file
 * cut short (its last packets are not in it). Reads the container's index and a few packets, never
 * the whole file.
 */
export async function probeVideo(path: string): Promise<VideoFacts> {
  const input = new Input({ source: new FilePathSource(path), formats: ALL_FORMATS });
  try {
    const format = await input.getFormat().catch(() => {
      throw unsupported(path, 'this is not a film file Reelnotes can read (MP4, MOV, M4V, MKV or WebM).');
    });
    if (!filmContainers.has(format.name)) {
      throw unsupported(path, `this is a ${format.name} file, not a film: attach an MP4, MOV, M4V, MKV or WebM file.`);
    }
    const tracks = await input.getTracks().catch(() => {
      throw unsupported(path, 'its container cannot be read: the file is damaged or incomplete.');
    });
    const video = tracks.find((track) => track.isVideoTrack());
    if (!video || !video.isVideoTrack()) throw unsupported(path, 'it holds no picture (no video track).');
    const videoCodec = video.codec ?? String(video.internalCodecId ?? 'unknown');
    if (!playableVideo.has(videoCodec)) {
      throw unsupported(
        path,
        `its picture is ${codecName(videoCodec)}, which Chromium (and so Reelnotes) cannot decode on this computer. ` +
          'Convert the picture to H.264, for example `ffmpeg -i film.mkv -c:v libx264 -crf 18 -c:a copy film-h264.mkv`, and attach that copy.'
      );
    }
    const durationMs = Math.round((await runningTime(path, input, tracks)) * 1000);
    if (!(durationMs > 0)) throw unsupported(path, 'its running time is zero.');
    const stats = await video.computePacketStats(100);
    return {
      container: format.name,
      mimeType: mimeTypeOf(format.name),
      videoCodec,
      durationMs,
      frameRate: Math.round(stats.averagePacketRate * 1000) / 1000,
      width: video.displayWidth,
      height: video.displayHeight,
      audioTracks: tracks.filter((t) => t.isAudioTrack()).map(audioTrack),
      // Mediabunny lists no subtitle track; each container's are read by our own reader.
      subtitleTracks: (await subtitlesInFilm[format.name]?.list(path)) ?? [],
      year: await yearOf(input).catch(() => null)
    };
  } finally {
    input.dispose();
  }
}

function codecOf(track: InputTrack): string {
  return track.codec ?? (typeof track.internalCodecId === 'string' ? track.internalCodecId : 'unknown');
}

function audioTrack(track: InputTrack): FilmAudioTrack {
  const codec = codecOf(track);
  return {
    number: track.number,
    codec,
    language: track.languageCode,
    channels: track.isAudioTrack() ? track.numberOfChannels : 0,
    sampleRate: track.isAudioTrack() ? track.sampleRate : 0,
    playable: playableAudio.has(codec)
  };
}

/** How far the picture may end before the running time the container declares (sound may run a little longer). */
const DECLARED_END_SLACK_S = 1;

/**
 * The film's running time in seconds, from its last packets, read where the container says the film
 * ends. The declared duration only says where to look: the packet of each picture and sound track at
 * that time is read with its bytes, so a file cut short is found either way it can be cut. An MP4
 * whose index comes first still lists every frame, but the last one's bytes are not in the file; a
 * Matroska file keeps its declared duration at the start, but its picture stops long before it.
 * Looking up one packet at a known time reads one cluster or sample, where finding the last packet
 * without it (mediabunny's `computeDuration`) searches from the end of the index for each track.
 */
async function runningTime(path: string, input: Input, tracks: InputTrack[]): Promise<number> {
  const declared = await input.getDurationFromMetadata(tracks).catch(() => null);
  const cutShort = () =>
    unsupported(path, 'the file is cut short: its index names frames that are not in it (an unfinished download or copy?).');
  let end = 0;
  for (const track of tracks.filter((t) => t.isVideoTrack() || t.isAudioTrack())) {
    const packet = await new EncodedPacketSink(track).getPacket(declared ?? Infinity).catch(() => null);
    if (!packet || packet.byteLength === 0) throw cutShort();
    const trackEnd = packet.timestamp + packet.duration;
    if (declared !== null && track.isVideoTrack() && trackEnd < declared - DECLARED_END_SLACK_S) throw cutShort();
    end = Math.max(end, trackEnd);
  }
  return end;
}

/** What the media element is told it receives; Chromium reads Matroska with its WebM demuxer. */
function mimeTypeOf(container: string): string {
  if (container === 'WebM' || container === 'Matroska') return 'video/webm';
  if (container === 'QuickTime File Format') return 'video/quicktime';
  return 'video/mp4';
}

/** The year the film file's own tags give (MP4 ©day, Matroska DATE_RELEASED), for citations. */
async function yearOf(input: Input): Promise<number | null> {
  const year = (await input.getMetadataTags()).date?.getUTCFullYear();
  return year && year > 1800 ? year : null;
}

/**
 * Each film file's year, by its fingerprint (the same bytes wherever the file lies). Reading the tags
 * opens the container's index: on a two-hour Matroska film 110–800 ms, which every frame grab paid
 * before; now the probe that attaches the file gives it, and a file attached before a restart is read
 * once.
 */
const yearsOfFiles = new Map<string, Promise<number | null>>();

export function rememberFilmYear(fingerprint: string, year: number | null): void {
  yearsOfFiles.set(fingerprint, Promise.resolve(year));
}

export function filmYear({ path, fingerprint }: { path: string; fingerprint: string }): Promise<number | null> {
  let year = yearsOfFiles.get(fingerprint);
  if (!year) {
    const input = new Input({ source: new FilePathSource(path), formats: ALL_FORMATS });
    year = yearOf(input)
      .catch(() => null)
      .finally(() => input.dispose());
    yearsOfFiles.set(fingerprint, year);
  }
  return year;
}
