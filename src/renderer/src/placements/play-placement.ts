import { useCallback } from 'react';
import type { PlacedCue } from '../../../shared/placements';
import { playFilmSpan } from '../films/film-clock';
import { FILM_NOT_ON_DESK, playheadOf } from '../films/playhead';
import { useNotify } from '../notices/notify';
import { useScore } from '../player/ScoreContext';

/** What playing a placement needs: where it lies in the film, and its cue's place in the recording. */
export type PlayedPlacement = Pick<PlacedCue, 'filmId' | 'startMs' | 'endMs' | 'cueId' | 'trackId' | 'cueStartMs'>;

/**
 * The two ways to hear a placement: the film itself there (its picture and sound, from the start to the
 * end; a point plays on from there), or the recording's cue over the muted picture, for as long as the
 * placement lasts, so the album version can be heard against what it accompanies.
 */
export function usePlayPlacement(): { inFilm: (placement: PlayedPlacement) => void; overFilm: (placement: PlayedPlacement) => void } {
  const { playCue } = useScore();
  const notify = useNotify();
  const inFilm = useCallback(
    (placement: PlayedPlacement) => {
      const end = placement.endMs > placement.startMs ? placement.endMs : Number.POSITIVE_INFINITY;
      if (playheadOf(placement.filmId) === null || !playFilmSpan(placement.startMs, end)) notify.failed(FILM_NOT_ON_DESK);
    },
    [notify]
  );
  const overFilm = useCallback(
    (placement: PlayedPlacement) => {
      if (playheadOf(placement.filmId) === null) return notify.failed(FILM_NOT_ON_DESK);
      const lengthMs = placement.endMs - placement.startMs;
      playFilmSpan(placement.startMs, lengthMs > 0 ? placement.endMs : Number.POSITIVE_INFINITY, { muted: true });
      void playCue({
        id: placement.cueId,
        trackId: placement.trackId,
        startMs: placement.cueStartMs,
        endMs: placement.cueStartMs + lengthMs
      });
    },
    [notify, playCue]
  );
  return { inFilm, overFilm };
}
