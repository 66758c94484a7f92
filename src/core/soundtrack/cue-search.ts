/**
 * A cue searched in the film's index, as both the library's thread (one cue) and the track search's
 * thread (every cue of a track) do it: the recording decoded at the analysis rate, the cue's span of
 * it reduced to a constellation and looked up. Nothing here touches the library.
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { ReelnotesError } from '../../shared/errors';
import type { CueCandidate } from '../../shared/soundtrack';
import { planDecode, type PlannedFormat } from '../recordings/decoders/plan';
import { decodeSegmentInto } from '../recordings/decoders/segment';
import { ANALYSIS_RATE, cueConstellationOf } from './constellation';
import { CONFIDENT, findCue, type FilmIndex } from './find-cue';
import { mixToMono, Resampler } from './resample';

/** A cue shorter than this has too few landmarks to be told from chance. */
export const SHORTEST_CUE_MS = 2000;

/** A recording's file is named by its content and the extension its format was accepted under. */
const formatByExtension: Record<string, PlannedFormat> = {
  '.ogg': 'oga',
  '.opus': 'opus',
  '.mp3': 'mp3',
  '.flac': 'flac',
  '.wav': 'wav',
  '.m4a': 'm4a'
};

/** The decoder a recording's file needs, or a refusal naming the file. */
export function recordingFormat(mediaFile: string): PlannedFormat {
  const format = formatByExtension[extname(mediaFile).toLowerCase()];
  if (!format) throw new ReelnotesError('UNSUPPORTED_AUDIO', `The recording ${mediaFile} is in a format the cue finder does not read.`);
  return format;
}

/** The whole recording at the analysis rate, in mono. */
export async function recordingSound(path: string, format: PlannedFormat): Promise<Float32Array> {
  const plan = await planDecode(path, statSync(path).size, format, 1);
  const pieces: Float32Array[] = [];
  let resampler: Resampler | undefined;
  for (let index = 0; index < plan.segments.length; index++) {
    await decodeSegmentInto(
      path,
      plan,
      index,
      (channels, frames, rate) => {
        resampler ??= new Resampler(rate, ANALYSIS_RATE);
        pieces.push(resampler.push(mixToMono([...channels], frames)));
      },
      () => {}
    );
  }
  if (resampler) pieces.push(resampler.finish());
  const sound = new Float32Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const piece of pieces) {
    sound.set(piece, at);
    at += piece.length;
  }
  return sound;
}

/** A cue's span of its recording (recording time, ms). */
export interface CueSpan {
  id: number;
  startMs: number;
  endMs: number;
}

/** The candidates for one cue, best first (`limit` at most), as the desk is offered them. */
export function searchCue(index: FilmIndex, recording: Float32Array, cue: CueSpan, limit: number): CueCandidate[] {
  const from = Math.round((cue.startMs / 1000) * ANALYSIS_RATE);
  const to = Math.round((cue.endMs / 1000) * ANALYSIS_RATE);
  return findCue(index, cueConstellationOf(recording.subarray(from, to)), limit).map((c) => ({
    cueId: cue.id,
    alignedMs: c.alignedMs,
    speed: c.speed,
    cueFromMs: c.cueFromMs,
    cueToMs: c.cueToMs,
    filmFromMs: Math.max(0, c.filmFromMs),
    filmToMs: Math.max(0, c.filmToMs),
    confidence: c.confidence,
    confident: c.confidence >= CONFIDENT
  }));
}
