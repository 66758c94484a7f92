import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFrameTime, formatTrackTime, parseTrackTime } from '../../src/shared/time-format';

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
