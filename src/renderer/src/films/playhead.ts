import { filmClockNow } from './film-clock';

/** What the desk says when a film time cannot move or be read because the film's picture is not on the desk. */
export const FILM_NOT_ON_DESK =
  'The film is not on the desk: attach it (or open its pane) to go to its times and work at its playhead; typed times work without it.';

/** The playhead of this film in whole ms, or null when its picture is not the one on the desk. */
export function playheadOf(filmId: number): number | null {
  const clock = filmClockNow();
  return clock.filmId === filmId ? Math.round(clock.timeMs) : null;
}
