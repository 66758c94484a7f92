import { useSyncExternalStore } from 'react';

/**
 * Which subtitle track of each film is shown under the picture (none by default). Kept in the
 * window's storage: a choice of display, not part of the study, so it stays out of the library.
 */
const key = (filmId: number) => `reelnotes.shown-subtitles.${filmId}`;
const listeners = new Set<() => void>();

export function showSubtitles(filmId: number, trackId: number | null): void {
  if (trackId === null) localStorage.removeItem(key(filmId));
  else localStorage.setItem(key(filmId), String(trackId));
  listeners.forEach((listener) => listener());
}

function shownTrack(filmId: number): number | null {
  const stored = Number(localStorage.getItem(key(filmId)));
  return Number.isInteger(stored) && stored > 0 ? stored : null;
}

export function useShownSubtitles(filmId: number): number | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => shownTrack(filmId)
  );
}
