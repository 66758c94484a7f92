import type { SubtitleLine } from './domain';

/** The last line starting at or before `ms` (lines are in start order), if it still runs then. */
export function lineAt(lines: readonly SubtitleLine[], ms: number): SubtitleLine | null {
  let low = 0;
  let high = lines.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (lines[middle].startMs <= ms) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  // Overlapping lines: the latest one to start that still runs is shown (subtitles overlap a few lines at most).
  for (let i = found; i >= 0 && i > found - 8; i--) if (lines[i].endMs > ms) return lines[i];
  return null;
}
