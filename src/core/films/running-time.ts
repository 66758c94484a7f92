import type Database from 'better-sqlite3';
import type { RunningTime } from '../../shared/placements';
import { formatFrameTime } from '../../shared/time-format';

/**
 * The film's length, where the library knows it: the attached video's running time, else the one the
 * person typed (migration 015), else undefined (then nothing is measured against it).
 */
export function filmRunningTime(db: Database.Database, filmId: number): (RunningTime & { frameMs: number }) | undefined {
  const row = db
    .prepare(
      `SELECT v.duration_ms AS videoMs, v.frame_rate AS frameRate, f.running_time_ms AS typedMs
       FROM films f LEFT JOIN film_videos v ON v.film_id = f.id WHERE f.id = ?`
    )
    .get(filmId) as { videoMs: number | null; frameRate: number | null; typedMs: number | null } | undefined;
  if (row?.videoMs != null) return { ms: row.videoMs, source: 'video', frameMs: 1000 / row.frameRate! };
  // Without a picture there are no frames: times are written to the hundredth, as a typed span is read.
  if (row?.typedMs != null) return { ms: row.typedMs, source: 'typed', frameMs: 10 };
  return undefined;
}

/** The sentence that says a time is past the film's end, both times written to the frame. */
export function pastTheEnd(what: string, ms: number, length: RunningTime & { frameMs: number }): string {
  const at = (t: number) => formatFrameTime(t, length.frameMs);
  const whose = length.source === 'video' ? 'the end of the film' : 'the running time typed for the film';
  return `${what} at ${at(ms)}, past ${whose} (${at(length.ms)})`;
}
