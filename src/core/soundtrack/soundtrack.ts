import { join } from 'node:path';
import { ReelnotesError } from '../../shared/errors';
import type { PlacedCue } from '../../shared/placements';
import type { CueCandidate } from '../../shared/soundtrack';
import { formatPreciseFilmTime } from '../../shared/time-format';
import { notFound } from '../errors';
import { uploadsInProgress } from '../library/incoming';
import { assertWritable, type Library } from '../library/library';
import { placeFound } from '../placements/placements';
import { filmIndex } from './analysis';
import { recordingFormat, recordingSound, searchCue, SHORTEST_CUE_MS } from './cue-search';
/** A candidate this close to a rejected alignment is the rejected one; to a placement's start, the placed one. */
const SAME_ALIGNMENT_MS = 1000;
/** The most candidates one search offers. */
export const MOST_CANDIDATES = 20;

interface CueRow {
  id: number;
  startMs: number;
  endMs: number;
  filmId: number;
  mediaFile: string | null;
  label: string;
}

function cueRow(library: Library, cueId: number): CueRow {
  const row = library.db
    .prepare(
      `SELECT c.id, c.start_ms AS startMs, c.end_ms AS endMs, t.film_id AS filmId, r.media_file AS mediaFile, c.label
       FROM cues c JOIN tracks t ON t.id = c.track_id LEFT JOIN recordings r ON r.track_id = t.id WHERE c.id = ?`
    )
    .get(cueId) as CueRow | undefined;
  if (!row) throw notFound('cue', cueId);
  return row;
}

/** Recordings at the analysis rate, the last few: finding every cue of a track decodes it once. */
const recordingsOf = uploadsInProgress<Float32Array>();
const RECORDINGS_KEPT = 3;

async function cachedRecordingSound(library: Library, mediaFile: string): Promise<Float32Array> {
  const cache = recordingsOf(library);
  const kept = cache.get(mediaFile);
  if (kept) return kept;
  const sound = await recordingSound(join(library.mediaDir, mediaFile), recordingFormat(mediaFile));
  cache.set(mediaFile, sound);
  for (const oldest of cache.keys()) if (cache.size > RECORDINGS_KEPT) cache.delete(oldest);
  return sound;
}

/** Where the cue's time 0 falls once placed: a placement cannot start before the film. */
const placedStart = (c: Pick<CueCandidate, 'alignedMs'>): number => Math.max(0, c.alignedMs);

/**
 * What the person has already settled for a cue: alignments rejected, and the starts of its
 * placements (an accepted candidate, or one placed by hand at the same place).
 */
export function settled(library: Library, cueId: number): (c: Pick<CueCandidate, 'alignedMs'>) => boolean {
  const rejected = library.db.prepare('SELECT aligned_ms FROM rejected_cue_candidates WHERE cue_id = ?').pluck().all(cueId) as number[];
  const placed = library.db.prepare('SELECT start_ms FROM cue_placements WHERE cue_id = ?').pluck().all(cueId) as number[];
  return (c) =>
    rejected.some((r) => Math.abs(r - c.alignedMs) <= SAME_ALIGNMENT_MS) ||
    placed.some((p) => Math.abs(p - placedStart(c)) <= SAME_ALIGNMENT_MS);
}

/** The candidates last offered for each cue (by its id): what accepting one places, with the confidence it was offered with. */
const offeredOf = uploadsInProgress<CueCandidate[]>();

/** Remembers what a search offered for a cue, for the person's accept. */
export function offer(library: Library, cueId: number, candidates: CueCandidate[]): void {
  offeredOf(library).set(String(cueId), candidates);
}

/** Where the cue sounds in its film, best first, leaving out what the person rejected or placed. */
export async function findCueInFilm(library: Library, cueId: number, limit = 5): Promise<CueCandidate[]> {
  const cue = cueRow(library, cueId);
  if (!cue.mediaFile)
    throw new ReelnotesError('CONFLICT', `“${cue.label}” has no recording to listen to: attach its track’s recording first.`);
  if (cue.endMs - cue.startMs < SHORTEST_CUE_MS) {
    throw new ReelnotesError('CONFLICT', `“${cue.label}” is too short to be found by its sound: give it at least two seconds.`);
  }
  const index = filmIndex(library, cue.filmId);
  const recording = await cachedRecordingSound(library, cue.mediaFile);
  const done = settled(library, cueId);
  // Ask for every candidate worth offering: those settled are left out after.
  const candidates = searchCue(index, recording, cue, MOST_CANDIDATES)
    .filter((c) => !done(c))
    .slice(0, limit);
  offer(library, cueId, candidates);
  return candidates;
}

/**
 * Places the chosen candidates (all or none), each marked found with the confidence it was offered
 * with. A candidate no longer remembered (the library was opened again) is searched for again.
 */
export async function acceptCandidates(library: Library, chosen: readonly { cueId: number; alignedMs: number }[]): Promise<PlacedCue[]> {
  assertWritable(library);
  const offered = offeredOf(library);
  const accepted: CueCandidate[] = [];
  for (const { cueId, alignedMs } of chosen) {
    if (accepted.some((c) => c.cueId === cueId && c.alignedMs === alignedMs)) continue;
    const at = (list: CueCandidate[] | undefined) => list?.find((c) => c.alignedMs === alignedMs);
    const candidate = at(offered.get(String(cueId))) ?? at(await findCueInFilm(library, cueId, MOST_CANDIDATES));
    const { label } = cueRow(library, cueId);
    if (!candidate || settled(library, cueId)(candidate)) {
      throw new ReelnotesError(
        'CONFLICT',
        `Nothing placed: the cue finder no longer offers “${label}” at ${formatPreciseFilmTime(alignedMs)} (rejected or placed already); find the cue again.`
      );
    }
    accepted.push(candidate);
  }
  return placeFound(library.db, accepted);
}

export function rejectCandidate(library: Library, cueId: number, alignedMs: number): { cueId: number; alignedMs: number } {
  assertWritable(library);
  cueRow(library, cueId);
  library.db.prepare('INSERT OR IGNORE INTO rejected_cue_candidates (cue_id, aligned_ms) VALUES (?, ?)').run(cueId, alignedMs);
  return { cueId, alignedMs };
}
