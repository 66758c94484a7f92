/** The person's own copy of a film, as the desk sees it (see src/core/video). */

export interface FilmAudioTrack {
  /** The track's number among the film's tracks of its kind (audio, subtitle), from 1. */
  number: number;
  /** Mediabunny's codec name (aac, opus, ac3, eac3, …), or the container's own id when unknown (A_DTS). */
  codec: string;
  /** ISO 639-2 code, `und` when the file does not say. */
  language: string;
  channels: number;
  sampleRate: number;
  /** Chromium decodes it; false for AC-3, E-AC-3 and DTS. */
  playable: boolean;
}

export interface FilmSubtitleTrack {
  number: number;
  codec: string;
  language: string;
}

/** Subtitle codecs read as text from inside the film: SRT-style and WebVTT (Matroska, WebM, MP4's wvtt) and MP4's mov_text (tx3g). */
const textSubtitleCodecs = new Set(['srt', 'webvtt', 'mov_text']);

/** Whether a track inside the film is text the library can import (the others are listed, and refused by name). */
export const isTextSubtitle = (codec: string) => textSubtitleCodecs.has(codec);

/**
 * - `ready`: the file is where it was attached, with the same size and fingerprint;
 * - `missing`: nothing is at its path (moved, renamed, a drive not mounted): relink it;
 * - `changed`: a file is there but not the one attached (edited or replaced): attach it again.
 */
export type FilmVideoStatus = 'ready' | 'missing' | 'changed';

export interface FilmVideo {
  filmId: number;
  /** Where the file lies on this computer, as the person gave it. */
  path: string;
  fileName: string;
  byteSize: number;
  fingerprint: string;
  /** The container as mediabunny named it: MP4, QuickTime File Format, Matroska, WebM. */
  container: string;
  mimeType: string;
  videoCodec: string;
  durationMs: number;
  frameRate: number;
  width: number;
  height: number;
  audioTracks: FilmAudioTrack[];
  subtitleTracks: FilmSubtitleTrack[];
  status: FilmVideoStatus;
  /** The audio track whose sound was converted into one Chromium plays (video.convertAudio), or null. */
  convertedAudioTrack: number | null;
  attachedAt: string;
}

/** A one-time conversion of the film's AC-3 or E-AC-3 sound, as `video.conversionStatus` reports it. */
export interface AudioConversion {
  filmId: number;
  state: 'idle' | 'converting' | 'done' | 'failed' | 'cancelled';
  /** 0..1 while converting. */
  fraction: number;
  /** Why it failed, for the person; null otherwise. */
  message: string | null;
}
