/*
 * Times as other tools write them. Reelnotes writes hh:mm:ss.mmm; it reads seconds ("83.5"),
 * clock times ("1:23.5", "00:01:23.500", with a comma too), and frames: a timecode hh:mm:ss:ff (or
 * ;ff, drop-frame written as such) or a plain frame count, both at a frame rate the person gives.
 */

export type TimeNotation = 'auto' | 'seconds' | 'clock' | 'frames';

/** hh:mm:ss.mmm, hours always written, as spreadsheets sort and ELAN and SV read it. */
export function formatClock(ms: number): string {
  const pad = (v: number, width = 2) => String(v).padStart(width, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

const SECONDS = /^\d+(?:\.\d+)?$/;
const CLOCK = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/;
const TIMECODE = /^(\d+):(\d{2}):(\d{2})[:;](\d{2})$/;
const FRAME_COUNT = /^\d+$/;

/**
 * A time in milliseconds, or a sentence saying why the text is not one. An empty cell is null:
 * the item has no time there.
 */
export function parseTime(text: string, notation: TimeNotation, fps: number | null): number | null | { problem: string } {
  const value = text.trim();
  if (value === '') return null;
  const quoted = `"${value.slice(0, 40)}"`;
  if (notation === 'frames' || (notation === 'auto' && TIMECODE.test(value))) {
    if (fps === null) return { problem: `${quoted} is counted in frames: give the frame rate` };
    const timecode = TIMECODE.exec(value);
    if (timecode) {
      const [h, m, s, f] = timecode.slice(1).map(Number);
      if (m > 59 || s > 59) return { problem: `${quoted}: minutes and seconds must be below 60` };
      if (f >= Math.ceil(fps)) return { problem: `${quoted}: frame ${f} does not exist at ${fps} frames a second` };
      return ((h * 60 + m) * 60 + s) * 1000 + Math.round((f * 1000) / fps);
    }
    if (notation === 'frames' && FRAME_COUNT.test(value)) return Math.round((Number(value) * 1000) / fps);
    return { problem: `${quoted} is not a frame count or an hh:mm:ss:ff timecode` };
  }
  if (notation !== 'clock' && SECONDS.test(value)) return Math.round(Number(value) * 1000);
  const clock = CLOCK.exec(value);
  if (notation !== 'seconds' && clock) {
    const [h, m, s] = clock.slice(1, 4).map((part) => Number(part ?? 0));
    if (m > 59 || s > 59) return { problem: `${quoted}: minutes and seconds must be below 60` };
    const ms = Number((clock[4] ?? '').padEnd(3, '0'));
    return ((h * 60 + m) * 60 + s) * 1000 + ms;
  }
  const expected = { auto: 'seconds, hh:mm:ss.mmm or hh:mm:ss:ff', seconds: 'seconds', clock: 'hh:mm:ss.mmm' }[notation];
  return { problem: `${quoted} is not a time (${expected})` };
}
