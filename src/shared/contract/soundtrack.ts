import { z } from 'zod';
import type { PlacedCue } from '../placements';
import type { CueCandidate, SoundtrackAnalysis, TrackSearch } from '../soundtrack';
import { method } from './define';
import { id } from './fields';

/** Where a candidate puts the cue's time 0: before the film's start when the film uses only the cue's end. */
const alignedMs = z.number().int().min(-86_400_000).max(86_400_000);

export const soundtrackMethods = {
  'soundtrack.status': method<SoundtrackAnalysis>()(z.object({ filmId: id }).strict()),
  /**
   * Starts analysing the film's soundtrack on a thread of its own (the converted sound if the film
   * has one, else its first audio track the analysis decodes); answers at once, then `status`.
   */
  'soundtrack.analyse': method<SoundtrackAnalysis>()(z.object({ filmId: id }).strict()),
  /** Stops an analysis; features of an earlier analysis of the same file stay. */
  'soundtrack.cancel': method<SoundtrackAnalysis>()(z.object({ filmId: id }).strict()),
  /** Where the cue sounds in its film, best first, leaving out what the person rejected. */
  'soundtrack.findCue': method<CueCandidate[]>()(z.object({ cueId: id, limit: z.number().int().min(1).max(20).optional() }).strict()),
  /**
   * Places the chosen candidates, all or none: each from where the cue's time 0 falls, for the cue's
   * length at the film's speed (inside the film), marked found with the confidence it was offered with.
   */
  'soundtrack.accept': method<PlacedCue[]>()(
    z
      .object({
        candidates: z
          .array(z.object({ cueId: id, alignedMs }).strict())
          .min(1)
          .max(1000)
      })
      .strict()
  ),
  /** Remembers that the cue does not sound at this alignment, so it is not offered again. */
  'soundtrack.reject': method<{ cueId: number; alignedMs: number }>()(z.object({ cueId: id, alignedMs }).strict()),
  /**
   * Finds every cue of a track in its film as one job on a thread of its own (the film's soundtrack
   * analysed first if it is not yet); answers at once, then `trackSearch`. Nothing is placed.
   */
  'soundtrack.findTrack': method<TrackSearch>()(z.object({ trackId: id }).strict()),
  /** The track's search: its progress ("cue 7 of 40") and the candidates left to review, most confident first. */
  'soundtrack.trackSearch': method<TrackSearch>()(z.object({ trackId: id }).strict()),
  /** Stops the track's search, keeping the candidates found so far. */
  'soundtrack.cancelTrack': method<TrackSearch>()(z.object({ trackId: id }).strict())
};
