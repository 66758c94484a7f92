import { useSyncExternalStore } from 'react';
import { turnToTransport } from '../keymap/keymap';

/**
 * The film's playhead, as the rest of the desk sees it. The film pane owns the `<video>` and
 * registers it here; scene spans (I/O), timestamp links in notes, new notes at the playhead and
 * frame grabs read and move film time through this module only, so none of them imports the pane.
 * Moving the film from anywhere on the desk turns the shared keys (Space, arrows) to the film.
 */
export interface FilmPlayer {
  /**
   * Moves the picture to a film time (ms); the pane clamps it to the film, and waits for the picture's
   * metadata if it must. With `play`, the picture plays on from there (the picture coming back to the desk).
   */
  seek(ms: number, options?: { play?: boolean }): void;
  /**
   * Plays the span [startMs, endMs) once and stops at its end; muted, the picture plays silent for its
   * length (a cue's recording is heard over it instead), and its sound comes back when it stops.
   */
  playSpan(startMs: number, endMs: number, options?: { muted?: boolean }): void;
  /** The picture now shown as a PNG at the film's own size, for a frame grab; null while no frame is decoded. */
  framePng(): Promise<Blob | null>;
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
  /** The speed it plays at (1 = as filmed). */
  rate: number;
}

const idle: FilmClock = { filmId: null, timeMs: 0, durationMs: null, frameMs: null, playing: false, rate: 1 };

let clock: FilmClock = idle;
let player: { filmId: number; deck: FilmPlayer } | null = null;
/** A film time asked for before its film's picture was on the desk (a link that opens the film). */
let waitingSeek: { filmId: number; ms: number; play: boolean } | null = null;
const listeners = new Set<() => void>();

/**
 * The pane registers its player while a film is shown; the returned function unregisters it. A seek
 * waiting for this film is handed over (the player applies it once its picture's metadata is known);
 * one waiting for another film is dropped, since the person has gone elsewhere.
 */
export function registerFilmPlayer(filmId: number, registered: FilmPlayer): () => void {
  const entry = { filmId, deck: registered };
  player = entry;
  publishFilmClock({ ...idle, filmId });
  const waiting = waitingSeek;
  waitingSeek = null;
  if (waiting?.filmId === filmId) registered.seek(waiting.ms, { play: waiting.play });
  return () => {
    if (player !== entry) return;
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
  turnToTransport('film');
  player.deck.seek(ms);
  return true;
}

/**
 * Seeks a film that may not be on the desk yet (a link opens it): at once if its picture is there,
 * else as soon as its pane registers, which is after the film and its video have been fetched.
 * With `play`, it plays on from there.
 */
export function seekFilmWhenShown(filmId: number, ms: number, { play = false }: { play?: boolean } = {}): void {
  turnToTransport('film');
  if (player?.filmId === filmId) {
    waitingSeek = null;
    player.deck.seek(ms, { play });
  } else {
    waitingSeek = { filmId, ms, play };
  }
}

/** Plays a span of the film (muted: without its sound); false when no film is shown. */
export function playFilmSpan(startMs: number, endMs: number, options?: { muted?: boolean }): boolean {
  if (player === null) return false;
  turnToTransport('film');
  player.deck.playSpan(startMs, endMs, options);
  return true;
}

/** The frame shown now as a PNG, for a frame grab; null when no film is shown or no frame is decoded yet. */
export function currentFramePng(): Promise<Blob | null> {
  return player?.deck.framePng() ?? Promise.resolve(null);
}

/** The clock as it is now, for a key handler that must not re-render on every frame. */
export function filmClockNow(): FilmClock {
  return clock;
}

/** Calls `listener` on every change of the clock (a picture window tells the desk); returns the way to stop. */
export function watchFilmClock(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useFilmClock(): FilmClock {
  return useSyncExternalStore(watchFilmClock, () => clock);
}
