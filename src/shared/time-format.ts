import { MAX_FILM_TIME_MS } from './limits';

/*
 * Two kinds of time, each with its own way of being written:
 * - a film time (where a note sits in the film): hh:mm:ss, whole seconds, formatFilmTime/parseFilmTime;
 * - a track time (where a cue sits in a recording of the score): m:ss.mmm, formatTrackTime/parseTrackTime.
 * Both are kept in milliseconds.
 */

/**
 * Film times are kept in milliseconds and shown as hh:mm:ss, hours always written (00:12:05), so
 * that times line up in lists whatever the film's length.
 */
export function formatFilmTime(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/**
 * The film pane's clock: hh:mm:ss.ff, the frame within the second after the dot (as an editor shows
 * it), so that a frame step always changes what is written. `frameMs` is one frame's length.
 */
export function formatFrameTime(ms: number, frameMs: number): string {
  const clamped = Math.max(0, ms);
  const frame = Math.floor((clamped % 1000) / frameMs + 1e-6);
  const digits = Math.max(2, String(Math.ceil(1000 / frameMs) - 1).length);
  return `${formatFilmTime(clamped)}.${String(frame).padStart(digits, '0')}`;
}

/**
 * A signed offset as a time, "+00:00:02.500" or "−00:10:00", for re-syncing: how far every time
 * moves. The milliseconds are written only when there are some.
 */
export function describeOffset(ms: number): string {
  const sign = ms < 0 ? '−' : '+';
  const abs = Math.abs(ms);
  return `${sign}${formatFilmTime(abs)}${abs % 1000 ? `.${String(abs % 1000).padStart(3, '0')}` : ''}`;
}

/**
 * Reads what a person types: "1:02:03", "02:03" (minutes and seconds), "75" (seconds), with
 * optional spaces. Returns null for an empty field and undefined for text that is not a time.
 */
export function parseFilmTime(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d{1,5}(?::\d{1,2}){0,2}$/.test(trimmed)) return undefined;
  const parts = trimmed.split(':').map(Number);
  if (parts.length > 1 && parts.slice(1).some((p) => p > 59)) return undefined;
  const seconds = parts.reduce((acc, p) => acc * 60 + p, 0);
  const ms = seconds * 1000;
  return ms > MAX_FILM_TIME_MS ? undefined : ms;
}

/** Times on a track as people read and type them (cues, the player): m:ss.mmm, or h:mm:ss.mmm. */
export function formatTrackTime(ms: number, precise = true): string {
  const total = Math.max(0, Math.round(ms));
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const seconds = Math.floor((total % 60_000) / 1000);
  const millis = total % 1000;
  const ss = String(seconds).padStart(2, '0');
  const head = hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}` : `${minutes}`;
  return precise ? `${head}:${ss}.${String(millis).padStart(3, '0')}` : `${head}:${ss}`;
}

/** Reads "1:02.500", "62.5", "0:01:02" or "1:02"; undefined when it is not a time. */
export function parseTrackTime(text: string): number | undefined {
  const match = /^\s*(?:(?:(\d+):)?(\d{1,2}):)?(\d+)(?:[.,](\d{1,3}))?\s*$/.exec(text);
  if (!match) return undefined;
  const [, h, m, s, frac] = match;
  if ((h !== undefined || m !== undefined) && Number(s) >= 60) return undefined;
  if (h !== undefined && Number(m) >= 60) return undefined;
  const millis = frac === undefined ? 0 : Number(frac.padEnd(3, '0'));
  return ((Number(h ?? 0) * 60 + Number(m ?? 0)) * 60 + Number(s)) * 1000 + millis;
}
