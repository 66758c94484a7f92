import { MAX_FILM_TIME_MS } from './limits';

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
