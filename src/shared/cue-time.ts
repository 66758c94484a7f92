/** Times on a track as people read and type them (cues, the player): m:ss.mmm, or h:mm:ss.mmm. */
export function formatMs(ms: number, precise = true): string {
  const total = Math.max(0, Math.round(ms));
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const seconds = Math.floor((total % 60_000) / 1000);
  const millis = total % 1000;
  const ss = String(seconds).padStart(2, '0');
  const head = hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}` : `${minutes}`;
  return precise ? `${head}:${ss}.${String(millis).padStart(3, '0')}` : `${head}:${ss}`;
}

/** Reads "1:02.500", "62.5", "0:01:02" or "1:02"; undefined when it is not a time. */
export function parseTime(text: string): number | undefined {
  const match = /^\s*(?:(?:(\d+):)?(\d{1,2}):)?(\d+)(?:[.,](\d{1,3}))?\s*$/.exec(text);
  if (!match) return undefined;
  const [, h, m, s, frac] = match;
  if ((h !== undefined || m !== undefined) && Number(s) >= 60) return undefined;
  if (h !== undefined && Number(m) >= 60) return undefined;
  const millis = frac === undefined ? 0 : Number(frac.padEnd(3, '0'));
  return ((Number(h ?? 0) * 60 + Number(m ?? 0)) * 60 + Number(s)) * 1000 + millis;
}
