import { MAX_CUE_FILE_TIME_MS } from '../../shared/limits';
import { FileLineError } from '../errors';
import { readTimedText } from '../subtitles/timed-text';
import { endsAfterRecording, type RecordingLength } from './cues';

/** A cue as other tools see it: a labelled time range (a point when start equals end). */
export interface ExchangedCue {
  startMs: number;
  endMs: number;
  label: string;
}

/** Seconds with six decimals, as Audacity writes them. */
const seconds = (ms: number) => (ms / 1000).toFixed(6);

/** Audacity labels: `start<TAB>end<TAB>label`, one per line. */
export function formatAudacityLabels(cues: ExchangedCue[]): string {
  return cues.map((c) => `${seconds(c.startMs)}\t${seconds(c.endMs)}\t${oneLine(c.label)}\n`).join('');
}

/**
 * Reads an Audacity label file. Audacity may add a line after a label with its frequency range
 * (`\t<low>\t<high>`, for spectral selections); those are accepted and ignored. Anything else is
 * refused with its line number, before the library is touched; so is a label that ends after the
 * track's recording, when it has one.
 */
export function parseAudacityLabels(text: string, fileName: string, recording?: RecordingLength): ExchangedCue[] {
  const cues: ExchangedCue[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    const n = index + 1;
    if (line.trim() === '') return;
    if (line.startsWith('\\') || /^\t/.test(line)) {
      // A frequency line: backslash (older versions) or tab first, then two numbers.
      const parts = line.replace(/^\\/, '').split('\t').filter(Boolean);
      if (cues.length === 0 || parts.length !== 2 || !parts.every(isDecimal)) {
        throw new FileLineError(fileName, n, 'expected a frequency line like "\\t100.0\\t2000.0" after a label');
      }
      return;
    }
    const [start, end, ...label] = line.split('\t');
    if (end === undefined || !isDecimal(start) || !isDecimal(end.trim())) {
      throw new FileLineError(fileName, n, 'expected "start<TAB>end<TAB>label" with times in seconds');
    }
    const startMs = Math.round(Number(start) * 1000);
    const endMs = Math.round(Number(end) * 1000);
    if (endMs < startMs) throw new FileLineError(fileName, n, `the label ends (${end}s) before it starts (${start}s)`);
    if (endMs > MAX_CUE_FILE_TIME_MS) throw new FileLineError(fileName, n, 'the time is beyond 100 hours');
    assertWithinRecording(fileName, n, endMs, recording);
    cues.push({ startMs, endMs, label: label.join('\t').trim() });
  });
  return cues;
}

/** A file of cues for a track with a recording must fit that recording, as a cue made by hand must. */
function assertWithinRecording(fileName: string, line: number, endMs: number, recording: RecordingLength | undefined): void {
  const problem = endsAfterRecording(endMs, recording);
  if (problem) throw new FileLineError(fileName, line, `${problem}; nothing was imported`);
}

function isDecimal(value: string | undefined): boolean {
  return value !== undefined && /^\d+(\.\d+)?$/.test(value.trim());
}

/** hh:mm:ss.mmm (WebVTT) or hh:mm:ss,mmm (SRT). */
function timestamp(ms: number, separator: '.' | ','): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (v: number, width = 2) => String(v).padStart(width, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(ms % 1000, 3)}`;
}

/** A cue's text must not end the block early: blank lines and "-->" would. */
function oneLine(label: string): string {
  return label.replace(/\s*[\r\n]+\s*/g, ' ').replace(/-->/g, '→');
}

export function formatWebVtt(cues: ExchangedCue[]): string {
  const blocks = cues.map(
    (c, i) => `${i + 1}\n${timestamp(c.startMs, '.')} --> ${timestamp(c.endMs, '.')}\n${oneLine(c.label) || '(untitled cue)'}\n`
  );
  return ['WEBVTT\n', ...blocks].join('\n');
}

export function formatSrt(cues: ExchangedCue[]): string {
  return cues
    .map((c, i) => `${i + 1}\n${timestamp(c.startMs, ',')} --> ${timestamp(c.endMs, ',')}\n${oneLine(c.label) || '(untitled cue)'}\n`)
    .join('\n');
}

/**
 * Reads WebVTT or SRT back into cues (the files Reelnotes writes, and simple ones from elsewhere): a
 * block's lines make one label, and a cue may not end after the track's recording.
 */
export function parseTimedText(text: string, fileName: string, recording?: RecordingLength): ExchangedCue[] {
  return readTimedText(text, fileName).map((block) => {
    assertWithinRecording(fileName, block.line, block.endMs, recording);
    return { startMs: block.startMs, endMs: block.endMs, label: block.lines.join(' ').trim() };
  });
}
