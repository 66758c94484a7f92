import { MAX_FILM_TIME_MS } from './limits';

/*
 * Two kinds of time, each with its own way of being written:
 * - a film time (where a note sits in the film): hh:mm:ss, whole seconds, formatFilmTime/parseFilmTime,
 *   or to the frame, hh:mm:ss.ff (the film pane, scene spans), formatFrameTime/readFilmTime;
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

/** A film time to the millisecond, hh:mm:ss.mmm: where the cue finder heard a cue is finer than a frame. */
export function formatPreciseFilmTime(ms: number): string {
  const clamped = Math.max(0, Math.round(ms));
  return `${formatFilmTime(clamped)}.${String(clamped % 1000).padStart(3, '0')}`;
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
 * Without a frame rate (no film on the desk yet) the digits after the point count hundredths of a
 * second: a "frame" of 10 ms, written by formatFrameTime and read by readFilmTime as frames are.
 */
export const UNKNOWN_FRAME_MS = 10;

/**
 * Reads what a person types: "1:02:03", "02:03" (minutes and seconds), "75" (seconds), with
 * optional spaces and an optional frame ".ff" (see readFilmTime). Returns null for an empty field and
 * undefined for text that is not a time.
 */
export function parseFilmTime(text: string, frameMs = UNKNOWN_FRAME_MS): number | null | undefined {
  const reading = readFilmTime(text, frameMs);
  return reading === null ? null : 'ms' in reading ? reading.ms : undefined;
}

/** A typed film time read: its milliseconds, or the problem with it in words a person can act on. */
export type FilmTimeReading = { ms: number } | { problem: string };

/**
 * Reads a typed film time, hh:mm:ss, mm:ss or seconds, each with an optional .ff (the frame within
 * the second, as formatFrameTime writes it: 24 of them at 23.976 fps, 30 at 29.97). null for an empty
 * field; otherwise the time (the first millisecond of that frame, so that it is written back the
 * same), or a problem that quotes what was typed and says what would be right.
 */
export function readFilmTime(text: string, frameMs = UNKNOWN_FRAME_MS): FilmTimeReading | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = /^(\d{1,5}(?::\d{1,2}){0,2})(?:\.(\d{2,3}))?$/.exec(trimmed);
  const quoted = `“${trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed}”`;
  if (!match) return { problem: `${quoted} is not a film time: write hh:mm:ss, mm:ss or seconds, with .ff for a frame if you like` };
  const parts = match[1].split(':').map(Number);
  if (parts.length > 1 && parts.slice(1).some((p) => p > 59)) return { problem: `${quoted}: minutes and seconds go from 00 to 59` };
  const perSecond = Math.max(1, Math.round(1000 / frameMs));
  const ff = match[2] === undefined ? 0 : Number(match[2]);
  if (ff >= perSecond) {
    const unit = frameMs === UNKNOWN_FRAME_MS ? 'hundredths of a second' : `frames a second at this film's frame rate`;
    const last = String(perSecond - 1).padStart(2, '0');
    return { problem: `${quoted}: .${match[2]} is past the last frame, there are ${perSecond} ${unit} (.00 to .${last})` };
  }
  // The same tolerance as formatFrameTime's, so that 27 × (1000/120) is 225 ms and not 226.
  const ms = parts.reduce((acc, p) => acc * 60 + p, 0) * 1000 + Math.ceil(ff * frameMs - 1e-6);
  if (ms > MAX_FILM_TIME_MS) return { problem: `${quoted} is past 100 hours, longer than any film` };
  return { ms };
}

/**
 * A film time written in running text, hh:mm:ss or mm:ss with an optional .ff, that is not part of a
 * longer number, time or word ("12:30" and "1:02:03.05", not "v2:30" or "12:30:45:10").
 */
const filmTimeInText = /(?<![\w:.])(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\.\d{2})?(?![\w:]|\.\d)/;
const filmTimeAtStart = new RegExp(`^${filmTimeInText.source}`);

/** Where the next film time written in this text may begin, or -1: what a Markdown tokenizer asks first. */
export function nextFilmTimeIn(text: string): number {
  return text.search(filmTimeInText);
}

/** The film time written at the start of this text (what it says and its ms), or null when there is none. */
export function filmTimeAtStartOf(text: string): { written: string; ms: number } | null {
  const written = filmTimeAtStart.exec(text)?.[0];
  const reading = written === undefined ? null : readFilmTime(written);
  return written !== undefined && reading !== null && 'ms' in reading ? { written, ms: reading.ms } : null;
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
