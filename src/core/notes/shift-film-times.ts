import type Database from 'better-sqlite3';
import { ReelnotesError } from '../../shared/errors';
import { describeOffset, formatFilmTime } from '../../shared/time-format';
import { getFilm } from '../films/films';

/**
 * Re-syncing: a person's film times were taken against one copy of the film and they now watch
 * another (a different cut, a PAL speed-up of the opening logos). Every time moves by the same
 * offset in one statement, so the step is atomic and undone exactly by the opposite offset; a
 * shift that would put a time before zero is refused rather than clamped, since clamping could
 * not be undone.
 */
export function shiftAnnotationTimes(db: Database.Database, filmId: number, offsetMs: number): { shifted: number; offsetMs: number } {
  getFilm(db, filmId);
  const earliest = db
    .prepare('SELECT min(film_time_ms) FROM annotations WHERE film_id = ? AND film_time_ms IS NOT NULL')
    .pluck()
    .get(filmId) as number | null;
  if (earliest !== null && earliest + offsetMs < 0) {
    throw new ReelnotesError(
      'INVALID_INPUT',
      `Shifting by ${describeOffset(offsetMs)} would put the note at ${formatFilmTime(earliest)} before the start of the film; nothing was changed.`
    );
  }
  const { changes } = db
    .prepare(
      `UPDATE annotations SET film_time_ms = film_time_ms + ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       WHERE film_id = ? AND film_time_ms IS NOT NULL`
    )
    .run(offsetMs, filmId);
  return { shifted: changes, offsetMs };
}
