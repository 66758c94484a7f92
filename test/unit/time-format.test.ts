import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  filmTimeAtStartOf,
  formatFrameTime,
  formatTrackTime,
  nextFilmTimeIn,
  parseFilmTime,
  parseTrackTime,
  readFilmTime,
  UNKNOWN_FRAME_MS
} from '../../src/shared/time-format';

describe('cue times as typed and shown (m:ss.mmm)', () => {
  it('shows milliseconds exactly, and hours only when there are some', () => {
    expect(formatTrackTime(0)).toBe('0:00.000');
    expect(formatTrackTime(62_500)).toBe('1:02.500');
    expect(formatTrackTime(3_723_004)).toBe('1:02:03.004');
    expect(formatTrackTime(62_500, false)).toBe('1:02');
  });

  it('reads what people type', () => {
    expect(parseTrackTime('1:02.5')).toBe(62_500);
    expect(parseTrackTime('1:02.500')).toBe(62_500);
    expect(parseTrackTime('62.25')).toBe(62_250);
    expect(parseTrackTime('0:01:02')).toBe(62_000);
    expect(parseTrackTime(' 3 ')).toBe(3_000);
    expect(parseTrackTime('1,5')).toBe(1_500);
  });

  it('refuses what is not a time', () => {
    for (const text of ['', 'abc', '1:75', '1:2:3:4', '-1', '1.2345', '1:60:00']) expect(parseTrackTime(text), text).toBeUndefined();
  });

  it('reads back every time it shows', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 12 * 3600 * 1000 }), (ms) => parseTrackTime(formatTrackTime(ms)) === ms));
  });
});

describe('film times to the frame (hh:mm:ss.ff)', () => {
  const at24 = 1000 / 24;
  const at2997 = 1001 / 30;

  it('counts frames within the second when the frame rate is known, hundredths when it is not', () => {
    expect(formatFrameTime(3_723_500, at24)).toBe('01:02:03.12');
    expect(formatFrameTime(999, at24)).toBe('00:00:00.23');
    expect(formatFrameTime(999, at2997)).toBe('00:00:00.29');
    expect(formatFrameTime(62_345, UNKNOWN_FRAME_MS)).toBe('00:01:02.34');
  });

  it('reads hh:mm:ss, mm:ss and seconds, each with an optional frame', () => {
    expect(readFilmTime('01:02:03.12', at24)).toEqual({ ms: 3_723_500 });
    expect(readFilmTime(' 2:03 ', at24)).toEqual({ ms: 123_000 });
    expect(readFilmTime('75.50')).toEqual({ ms: 75_500 });
    expect(readFilmTime('', at24)).toBeNull();
    expect(parseFilmTime('00:00:10.05')).toBe(10_050);
  });

  it('names the problem with what was typed', () => {
    expect(readFilmTime('1:75', at24)).toEqual({ problem: '“1:75”: minutes and seconds go from 00 to 59' });
    expect(readFilmTime('00:00:01.24', at24)).toEqual({
      problem: "“00:00:01.24”: .24 is past the last frame, there are 24 frames a second at this film's frame rate (.00 to .23)"
    });
    expect(readFilmTime('soon', at24)).toEqual({
      problem: '“soon” is not a film time: write hh:mm:ss, mm:ss or seconds, with .ff for a frame if you like'
    });
    expect(readFilmTime('1:02.5')).toMatchObject({ problem: expect.stringContaining('is not a film time') });
    expect(readFilmTime('100:00:00')).toEqual({ problem: '“100:00:00” is past 100 hours, longer than any film' });
  });

  it('reads back every time it shows as a time inside the same frame', () => {
    for (const frameMs of [at24, 1000 / 25, 1001 / 24, at2997, 1000 / 60, 1000 / 120, UNKNOWN_FRAME_MS]) {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 99 * 3600 * 1000 }), (ms) => {
          const shown = formatFrameTime(ms, frameMs);
          const read = readFilmTime(shown, frameMs);
          return read !== null && 'ms' in read && formatFrameTime(read.ms, frameMs) === shown && read.ms <= ms;
        })
      );
    }
  });
});

describe('film times written in a note’s text', () => {
  const timesIn = (text: string) => {
    const found: string[] = [];
    for (let rest = text, at = nextFilmTimeIn(rest); at >= 0; at = nextFilmTimeIn(rest)) {
      const time = filmTimeAtStartOf(rest.slice(at));
      if (time) found.push(`${time.written}=${time.ms}`);
      rest = rest.slice(at + (time?.written.length ?? 1));
    }
    return found;
  };

  it('finds hh:mm:ss and mm:ss, with a frame, at the end of a sentence or in brackets', () => {
    expect(timesIn('Back at 12:30, then (1:02:03.05). Ends 00:00:07.')).toEqual(['12:30=750000', '1:02:03.05=3723050', '00:00:07=7000']);
  });

  it('leaves alone what only looks like a time: longer runs, words, decimals and minutes past 59', () => {
    expect(timesIn('v2:30 12:30:45:10 1:2 12:30.5 3:75 1:75:00 a12:30 12:30b')).toEqual([]);
  });
});

describe('film times on the film pane (hh:mm:ss.ff)', () => {
  it('writes the frame within the second, so each frame step changes what is shown', () => {
    expect(formatFrameTime(0, 40)).toBe('00:00:00.00');
    expect(formatFrameTime(5_025_960, 40)).toBe('01:23:45.24');
    expect(formatFrameTime(1_040, 40)).toBe('00:00:01.01');
    // 23.976 fps: a frame of 41.708 ms; the 24th frame of a second is 23.
    expect(formatFrameTime(999, 1000 / 23.976)).toBe('00:00:00.23');
    expect(formatFrameTime(-5, 40)).toBe('00:00:00.00');
    // 120 fps needs three digits.
    expect(formatFrameTime(1_995, 1000 / 120)).toBe('00:00:01.119');
  });
});
