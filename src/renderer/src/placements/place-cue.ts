import { useCallback } from 'react';
import type { PlacedCue } from '../../../shared/placements';
import { formatFrameTime, UNKNOWN_FRAME_MS } from '../../../shared/time-format';
import { filmClockNow } from '../films/film-clock';
import { FILM_NOT_ON_DESK, playheadOf } from '../films/playhead';
import { useCommand } from '../keymap/keymap';
import { useNotify } from '../notices/notify';
import { useScore } from '../player/ScoreContext';
import { useCreatePlacement } from './queries';

/** Places a cue and says where it went; resolves to the placement, or null when the library refused it (said too). */
export function usePlaceCue(): (cueId: number, startMs: number, endMs?: number) => Promise<PlacedCue | null> {
  const create = useCreatePlacement();
  const notify = useNotify();
  const { mutateAsync } = create;
  return useCallback(
    async (cueId, startMs, endMs) => {
      try {
        const placed = await mutateAsync({ cueId, startMs, endMs });
        const frameMs = filmClockNow().frameMs ?? UNKNOWN_FRAME_MS;
        notify.success(
          `“${placed.label}” placed at ${formatFrameTime(placed.startMs, frameMs)}–${formatFrameTime(placed.endMs, frameMs)}.`
        );
        return placed;
      } catch (error) {
        notify.failed(error);
        return null;
      }
    },
    [mutateAsync, notify]
  );
}

/**
 * P: the cue the score is playing (or played last) goes to the film's playhead, for its own length:
 * listen to the cue, find where it sounds in the film, press P.
 */
export function usePlaceCueKey(filmId: number | null): void {
  const { player } = useScore();
  const place = usePlaceCue();
  const notify = useNotify();
  useCommand('place-cue', () => {
    if (filmId === null) return false;
    const cue = player.getState().cue;
    if (!cue) return notify.failed('Play a cue in the score first: P places the cue you hear at the film’s playhead.');
    const at = playheadOf(filmId);
    if (at === null) return notify.failed(FILM_NOT_ON_DESK);
    void place(cue.cueId, at);
  });
}
