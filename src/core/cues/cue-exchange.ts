import { MAX_CUE_FILE_TIME_MS } from '../../shared/limits';
import { ReelnotesError } from '../../shared/errors';
import { endsAfterRecording, type RecordingLength } from './cues';

/** A cue as other tools see it: a labelled time range (a point when start equals end). */
export interface ExchangedCue {
  startMs: number;
  endMs: number;
  label: string;
}

export class LabelFileError extends ReelnotesError {
  constructor(fileName: string, line: number, problem: string) {
    super('INVALID_INPUT', `${fileName}, line ${line}: ${problem}`);
  }
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
        throw new LabelFileError(fileName, n, 'expected a frequency line like "\\t100.0\\t2000.0" after a label');
      }
      return;
    }
    const [start, end, ...label] = line.split('\t');
    if (end === undefined || !isDecimal(start) || !isDecimal(end.trim())) {
      throw new LabelFileError(fileName, n, 'expected "start<TAB>end<TAB>label" with times in seconds');
    }
    const startMs = Math.round(Number(start) * 1000);
    const endMs = Math.round(Number(end) * 1000);
    if (endMs < startMs) throw new LabelFileError(fileName, n, `the label ends (${end}s) before it starts (${start}s)`);
    if (endMs > MAX_CUE_FILE_TIME_MS) throw new LabelFileError(fileName, n, 'the time is beyond 100 hours');
    assertWithinRecording(fileName, n, endMs, recording);
    cues.push({ startMs, endMs, label: label.join('\t').trim() });
  });
  return cues;
}

/** A file of cues for a track with a recording must fit that recording, as a cue made by hand must. */
function assertWithinRecording(fileName: string, line: number, endMs: number, recording: RecordingLength | undefined): void {
  const problem = endsAfterRecording(endMs, recording);
  if (problem) throw new LabelFileError(fileName, line, `${problem}; nothing was imported`);
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

const TIMING = /^(\d{2,}):(\d{2}):(\d{2})[.,](\d{3}) --> (\d{2,}):(\d{2}):(\d{2})[.,](\d{3})/;

/** Reads WebVTT or SRT back into cues (the files Reelnotes writes, and simple ones from elsewhere). */
export function parseTimedText(text: string, fileName: string, recording?: RecordingLength): ExchangedCue[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const cues: ExchangedCue[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = TIMING.exec(lines[i]);
    if (!match) continue;
    const [sh, sm, ss, sms, eh, em, es, ems] = match.slice(1).map(Number);
    if (sm > 59 || ss > 59 || em > 59 || es > 59) throw new LabelFileError(fileName, i + 1, 'minutes and seconds must be below 60');
    const startMs = ((sh * 60 + sm) * 60 + ss) * 1000 + sms;
    const endMs = ((eh * 60 + em) * 60 + es) * 1000 + ems;
    if (endMs < startMs) throw new LabelFileError(fileName, i + 1, 'the cue ends before it starts');
    assertWithinRecording(fileName, i + 1, endMs, recording);
    const text: string[] = [];
    while (i + 1 < lines.length && lines[i + 1].trim() !== '') text.push(lines[++i]);
    cues.push({ startMs, endMs, label: text.join(' ').trim() });
  }
  if (cues.length === 0 && text.trim() !== '' && text.trim() !== 'WEBVTT') {
    throw new LabelFileError(fileName, 1, 'no "00:00:00.000 --> 00:00:01.000" timing line was found');
  }
  return cues;
}
