/** The score as the renderer sees it: recordings of the soundtrack entries, their waveforms, cues. */

import type { TagRef } from './notes';

export interface Recording {
  id: number;
  trackId: number;
  originalName: string;
  byteSize: number;
  mimeType: string;
  container: string;
  codec: string;
  durationMs: number;
  sampleRate: number;
  channels: number;
  /** A synthesised stand-in shipped with the app, waiting to be replaced by a real recording. */
  standIn: boolean;
  /** False when its file is no longer in the library's media folder: attach the file again to relink. */
  available: boolean;
  /**
   * Cues the track kept from a stand-in this recording replaced: timed for the stand-in's short
   * synthesised piece, not for this recording. Until the person removes or keeps them
   * (`cues.settleStandInCues`), the player asks; 0 when there is nothing to ask.
   */
  standInCues: number;
  createdAt: string;
}

/** Min and max per bucket, each in [-1, 1]; bucket i starts at i * bucketMs. */
export interface Peaks {
  recordingId: number;
  bucketMs: number;
  min: number[];
  max: number[];
  /**
   * The finer levels of the waveform, finest first (level 0 about 5 ms a bucket), each asked for a
   * range at a time with `recordings.peakRange`; empty for a recording attached before they existed.
   */
  levels: PeakLevelInfo[];
  /**
   * While the finer levels of a recording attached before they existed are being made (started by
   * asking for its peaks), how much of its file has been read, 0–1; absent otherwise.
   */
  levelsProgress?: number;
}

export interface PeakLevelInfo {
  level: number;
  bucketMs: number;
  buckets: number;
}

/** Buckets `fromBucket` … `fromBucket + min.length - 1` of one level. */
export interface PeakRange {
  recordingId: number;
  level: number;
  bucketMs: number;
  fromBucket: number;
  min: number[];
  max: number[];
}

export interface LinkedScene {
  id: number;
  position: number;
  title: string;
}

export interface Cue {
  id: number;
  trackId: number;
  label: string;
  startMs: number;
  endMs: number;
  /** A CSS hex colour, #rrggbb in lower case (the contract's colour rule, checked by the schema too). */
  colour: string;
  scenes: LinkedScene[];
  tags: TagRef[];
  /** Its notes, those in the trash not counted. */
  noteCount: number;
  updatedAt: string;
}

/** A cue as listed under a scene: with the track it belongs to, so it can be played from there. */
export interface SceneCue extends Cue {
  trackTitle: string;
  recordingId: number | null;
}

export type UploadPhase = 'receiving' | 'analysing' | 'done' | 'failed';

export interface UploadStatus {
  uploadId: string;
  phase: UploadPhase;
  /** 0..1 within the phase. */
  progress: number;
  receivedBytes: number;
  error?: { code: string; message: string };
}

/** The colours a new cue takes in turn on its track, when it is given none. */
export const CUE_COLOURS = ['#d1495b', '#edae49', '#00798c', '#66a182', '#8d6cab', '#e07a5f'] as const;
