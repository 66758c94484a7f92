import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTrackTime, parseTrackTime } from '../../src/shared/time-format';

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
