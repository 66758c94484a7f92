import { useSyncExternalStore } from 'react';

/**
 * The film's playhead, as the rest of the desk sees it. The film pane owns the `<video>` and
 * registers it here; scene spans (I/O), timestamp links in notes, new notes at the playhead and
 * frame grabs read and move film time through this module only, so none of them imports the pane.
 */
export interface FilmPlayer {
  /** Moves the picture to a film time (ms); the pane clamps it to the film. */
  seek(ms: number): void;
  /**
   * Plays the span [startMs, endMs) once and stops at its end; muted, the picture plays silent for its
   * length (a cue's recording is heard over it instead), and its sound comes back when it stops.
   */
  playSpan(startMs: number, endMs: number, options?: { muted?: boolean }): void;
  /** The picture now shown, for a frame grab; null while no frame is decoded. */
  frame(): CanvasImageSource | null;
}

export interface FilmClock {
  /** The film whose picture is on the desk, or null when none is attached or shown. */
  filmId: number | null;
  /** Film time of the frame shown, in ms (updated while playing, after a seek, and on each frame step). */
  timeMs: number;
  /** The film's running time in ms, once the video's metadata is known. */
  durationMs: number | null;
  /** One frame's length in ms (from the container's frame rate), for frame steps and hh:mm:ss.ff. */
  frameMs: number | null;
  playing: boolean;
}

const idle: FilmClock = { filmId: null, timeMs: 0, durationMs: null, frameMs: null, playing: false };

let clock: FilmClock = idle;
let player: FilmPlayer | null = null;
const listeners = new Set<() => void>();

/** The pane registers its player while a film is shown; the returned function unregisters it. */
export function registerFilmPlayer(filmId: number, registered: FilmPlayer): () => void {
  player = registered;
  publishFilmClock({ ...idle, filmId });
  return () => {
    if (player !== registered) return;
    player = null;
    publishFilmClock(idle);
  };
}

/** The pane reports what the video does; readers re-render through `useFilmClock`. */
export function publishFilmClock(next: FilmClock): void {
  clock = next;
  listeners.forEach((listener) => listener());
}

/** Seeks the film on the desk; false when no film is shown (the caller can say so). */
export function seekFilm(ms: number): boolean {
  if (player === null) return false;
  player.seek(ms);
  return true;
}

/** Plays a span of the film (muted: without its sound); false when no film is shown. */
export function playFilmSpan(startMs: number, endMs: number, options?: { muted?: boolean }): boolean {
  if (player === null) return false;
  player.playSpan(startMs, endMs, options);
  return true;
}

/** The frame shown now, for a frame grab; null when no film is shown or no frame is decoded yet. */
export function currentFilmFrame(): CanvasImageSource | null {
  return player?.frame() ?? null;
}

/** The clock as it is now, for a key handler that must not re-render on every frame. */
export function filmClockNow(): FilmClock {
  return clock;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useFilmClock(): FilmClock {
  return useSyncExternalStore(subscribe, () => clock);
}
