import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileLineError } from '../../src/core/errors';
import {
  formatAudacityLabels,
  formatSrt,
  formatWebVtt,
  parseAudacityLabels,
  parseTimedText,
  type ExchangedCue
} from '../../src/core/cues/cue-exchange';

const cues: ExchangedCue[] = [
  { startMs: 0, endMs: 12_500, label: 'Overture' },
  { startMs: 61_001, endMs: 61_001, label: 'Point: the shoes appear' },
  { startMs: 3_725_250, endMs: 3_790_000, label: 'Finale, with "quotes" & <tags>' }
];

describe('Audacity label files', () => {
  it('writes seconds with six decimals, tab-separated, and point labels with start = end', () => {
    expect(formatAudacityLabels(cues)).toBe(
      '0.000000\t12.500000\tOverture\n61.001000\t61.001000\tPoint: the shoes appear\n3725.250000\t3790.000000\tFinale, with "quotes" & <tags>\n'
    );
  });

  it('round-trips', () => {
    expect(parseAudacityLabels(formatAudacityLabels(cues), 'x.txt')).toEqual(cues);
  });

  it('accepts what Audacity writes: frequency lines, CRLF, a trailing blank line, empty labels', () => {
    const text = '1.500000\t2.000000\tLow strings\r\n\\\t120.000000\t880.000000\r\n3.000000\t3.000000\t\r\n\r\n';
    expect(parseAudacityLabels(text, 'labels.txt')).toEqual([
      { startMs: 1500, endMs: 2000, label: 'Low strings' },
      { startMs: 3000, endMs: 3000, label: '' }
    ]);
  });

  it.each([
    ['1.0\t2.0\tok\nnot a label line\n', 2, 'expected "start<TAB>end<TAB>label"'],
    ['5.0\t2.0\tbackwards\n', 1, 'ends (2.0s) before it starts (5.0s)'],
    ['\\\t100\t200\n', 1, 'frequency line'],
    ['-1.0\t2.0\tnegative\n', 1, 'expected "start<TAB>end<TAB>label"'],
    ['1,5\t2,0\tcomma decimals\n', 1, 'expected "start<TAB>end<TAB>label"']
  ])('refuses %j at line %i', (text, line, problem) => {
    expect(() => parseAudacityLabels(text, 'labels.txt')).toThrow(`labels.txt, line ${line}: `);
    expect(() => parseAudacityLabels(text, 'labels.txt')).toThrow(problem);
  });

  it('never fails with anything but a FileLineError on random input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        try {
          parseAudacityLabels(text, 'fuzz.txt');
        } catch (error) {
          expect(error).toBeInstanceOf(FileLineError);
        }
      }),
      { numRuns: 500 }
    );
  });

  it('round-trips any cues (to the millisecond)', () => {
    const cue = fc
      .record({ startMs: fc.integer({ min: 0, max: 3_600_000 }), length: fc.integer({ min: 0, max: 600_000 }), label: fc.string() })
      .map(({ startMs, length, label }) => ({ startMs, endMs: startMs + length, label: label.replace(/[\t\r\n]/g, ' ').trim() }));
    fc.assert(
      fc.property(fc.array(cue, { maxLength: 20 }), (list) => {
        expect(parseAudacityLabels(formatAudacityLabels(list), 'x')).toEqual(list);
      })
    );
  });
});

describe('WebVTT and SRT', () => {
  it('writes WebVTT with hh:mm:ss.mmm timings', () => {
    expect(formatWebVtt(cues.slice(0, 2))).toBe(
      'WEBVTT\n\n1\n00:00:00.000 --> 00:00:12.500\nOverture\n\n2\n00:01:01.001 --> 00:01:01.001\nPoint: the shoes appear\n'
    );
  });

  it('writes SRT with hh:mm:ss,mmm timings', () => {
    expect(formatSrt([cues[2]])).toBe('1\n01:02:05,250 --> 01:03:10,000\nFinale, with "quotes" & <tags>\n');
  });

  it('keeps a label with line breaks or an arrow inside its own block', () => {
    const tricky = [{ startMs: 0, endMs: 1000, label: 'one\n\ntwo --> three' }];
    expect(parseTimedText(formatWebVtt(tricky), 'x.vtt')).toEqual([{ startMs: 0, endMs: 1000, label: 'one two → three' }]);
  });

  it('round-trips both formats', () => {
    expect(parseTimedText(formatWebVtt(cues), 'cues.vtt')).toEqual(cues);
    expect(parseTimedText(formatSrt(cues), 'cues.srt')).toEqual(cues);
  });

  it('refuses a file with no timing line, naming it', () => {
    expect(() => parseTimedText('hello\nworld\n', 'notes.srt')).toThrow(
      'notes.srt, line 1: no "00:00:00.000 --> 00:00:01.000" timing line'
    );
  });
});
