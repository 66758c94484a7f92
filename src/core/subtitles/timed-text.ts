import { MAX_CUE_FILE_TIME_MS } from '../../shared/limits';
import { FileLineError } from '../errors';

/**
 * WebVTT and SRT as they come from subtitle editors, DVD rips and Reelnotes' own cue exports: blocks
 * separated by blank lines, each a timing line (after an SRT number or a WebVTT identifier) and its
 * text. Both subtitles and cue files read them here, so a file means the same thing in either place.
 */
export interface TimedBlock {
  startMs: number;
  endMs: number;
  /** The block's text lines, as written (markup included): each reader decides what to keep. */
  lines: string[];
  /** The file's line number of the timing line, for a reader's own refusals. */
  line: number;
}

// Hours are optional in WebVTT (mm:ss.ttt); WebVTT may follow the end with cue settings ("align:start").
const TIME = String.raw`(?:(\d{1,3}):)?(\d{2}):(\d{2})[.,](\d{3})`;
const TIMING = new RegExp(String.raw`^${TIME}\s+-->\s+${TIME}(?:\s+\S.*)?$`);
/** WebVTT blocks that hold no subtitle: comments, style sheets, region definitions. */
const NOT_A_CUE = /^(NOTE|STYLE|REGION)(\s|$)/;
const example = '"00:00:00.000 --> 00:00:01.000"';

/**
 * Every timed block of a WebVTT or SRT file, in file order. Anything that is not one (a block with no
 * timing line where one must be, a time past 59 minutes or seconds, an end before its start, a time
 * past 100 hours) is refused with its file name and line, before a reader writes anything.
 */
export function readTimedText(text: string, fileName: string): TimedBlock[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const webVtt = /^WEBVTT(\s|$)/.test(lines[0] ?? '');
  const blocks: TimedBlock[] = [];
  let i = 0;
  // WebVTT's header block (WEBVTT and any header lines) holds no subtitle.
  if (webVtt) while (i < lines.length && lines[i].trim() !== '') i++;
  while (i < lines.length) {
    if (lines[i].trim() === '') {
      i++;
      continue;
    }
    const first = i;
    const block: string[] = [];
    while (i < lines.length && lines[i].trim() !== '') block.push(lines[i++]);
    if (webVtt && NOT_A_CUE.test(block[0])) continue;
    // An SRT number or a WebVTT identifier may come first; the timing line is the first or the second.
    const at = block[0].includes('-->') ? 0 : block.length > 1 && block[1].includes('-->') ? 1 : -1;
    if (at < 0) throw new FileLineError(fileName, first + 1, `no ${example} timing line at the start of this block`);
    blocks.push(timedBlock(block[at].trim(), block.slice(at + 1), first + at + 1, fileName));
  }
  if (blocks.length === 0 && !webVtt) throw new FileLineError(fileName, 1, `no ${example} timing line was found`);
  return blocks;
}

function timedBlock(timing: string, text: string[], line: number, fileName: string): TimedBlock {
  const match = TIMING.exec(timing);
  if (!match) throw new FileLineError(fileName, line, `"${timing.slice(0, 60)}" is not a timing line like ${example}`);
  const [sh, sm, ss, sms, eh, em, es, ems] = match.slice(1).map((part) => Number(part ?? 0));
  if (sm > 59 || ss > 59 || em > 59 || es > 59) throw new FileLineError(fileName, line, 'minutes and seconds must be below 60');
  const startMs = ((sh * 60 + sm) * 60 + ss) * 1000 + sms;
  const endMs = ((eh * 60 + em) * 60 + es) * 1000 + ems;
  if (endMs < startMs) throw new FileLineError(fileName, line, 'this block ends before it starts');
  if (endMs > MAX_CUE_FILE_TIME_MS) throw new FileLineError(fileName, line, 'the time is beyond 100 hours');
  return { startMs, endMs, lines: text, line };
}
