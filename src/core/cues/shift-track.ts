import type Database from 'better-sqlite3';
import { ReelnotesError } from '../../shared/errors';
import { describeOffset, formatTrackTime } from '../../shared/time-format';
import { getTrack } from '../tracks/tracks';
import { endsAfterRecording, recordingLength } from './cues';

/**
 * Re-syncing a track's cues, when a recording of the score starts earlier or later than another.
 * Every cue moves by the same offset in one statement, so the step is atomic and undone exactly by
 * the opposite offset. The cues must stay inside the track's recording: a shift that would put one
 * before its start, or after its end (as a cue made by hand must, see cues.ts), is refused.
 */
export function shiftCueTimes(db: Database.Database, trackId: number, offsetMs: number): { shifted: number; offsetMs: number } {
  getTrack(db, trackId);
  const { earliest, latest } = db
    .prepare('SELECT min(start_ms) AS earliest, max(end_ms) AS latest FROM cues WHERE track_id = ?')
    .get(trackId) as {
    earliest: number | null;
    latest: number | null;
  };
  if (earliest !== null && earliest + offsetMs < 0) {
    throw new ReelnotesError(
      'INVALID_INPUT',
      `Shifting by ${describeOffset(offsetMs)} would move the cue at ${formatTrackTime(earliest)} to before the start of the recording; nothing was changed.`
    );
  }
  const pastEnd = latest === null ? null : endsAfterRecording(latest + offsetMs, recordingLength(db, trackId));
  if (pastEnd)
    throw new ReelnotesError('INVALID_INPUT', `Shifting by ${describeOffset(offsetMs)} is refused: ${pastEnd}; nothing was changed.`);
  const { changes } = db
    .prepare(
      `UPDATE cues SET start_ms = start_ms + ?, end_ms = end_ms + ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       WHERE track_id = ?`
    )
    .run(offsetMs, offsetMs, trackId);
  return { shifted: changes, offsetMs };
}
