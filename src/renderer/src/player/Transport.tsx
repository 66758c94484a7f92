import type { Track } from '../../../shared/domain';
import { formatTrackTime } from '../../../shared/time-format';
import { useScoreRoom } from '../ui/DeskLayout';
import { SPEED_STEP, SPEEDS } from './player';
import { usePlayerValue, useScore } from './ScoreContext';
import styles from './Transport.module.css';

/** The preset speeds, with the speed in effect among them when − or + has left the presets. */
const speedsWith = (rate: number): number[] =>
  (SPEEDS as readonly number[]).includes(rate) ? [...SPEEDS] : [...SPEEDS, rate].sort((a, b) => a - b);

interface Props {
  tracks: Track[];
  trackId: number | null;
  onChooseTrack: (trackId: number) => void;
  /** The chosen track's recording is the one loaded. */
  canPlay: boolean;
  durationMs: number;
}

/**
 * The score's bar: the track, play and pause, the time, seeking, speed, volume and the loop, and the
 * score's room on the desk. It is all the score keeps when folded, so the player is always in reach.
 */
export function Transport({ tracks, trackId, onChooseTrack, canPlay, durationMs }: Props) {
  const { player } = useScore();
  // Each value the bar shows; the position only in the two parts below that show it, drawn again on
  // every frame of playback (the bar's selects and buttons were set again each frame, and its layout with them).
  const playing = usePlayerValue((s) => s.playing || s.resting);
  const rate = usePlayerValue((s) => s.rate);
  const volume = usePlayerValue((s) => s.volume);
  const looping = usePlayerValue((s) => s.looping);
  const loopStartMs = usePlayerValue((s) => s.loopStartMs);
  const loopEndMs = usePlayerValue((s) => s.loopEndMs);
  const room = useScoreRoom();
  return (
    <div className={styles.bar} role="toolbar" aria-label="Transport">
      <select
        className={`${styles.track} text-field`}
        aria-label="Track"
        value={trackId ?? ''}
        onChange={(e) => onChooseTrack(Number(e.target.value))}
      >
        {tracks.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title}
          </option>
        ))}
      </select>
      <button
        type="button"
        className={styles.play}
        data-plays-score
        onClick={() => player.toggle()}
        disabled={!canPlay}
        aria-label={playing ? 'Pause' : 'Play'}
        title="Play or pause (Space)"
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <span className={styles.time}>
        <Elapsed canPlay={canPlay} />
        <span className="muted"> / </span>
        <span aria-label="Total">{formatTrackTime(durationMs)}</span>
      </span>
      <Seek canPlay={canPlay} durationMs={durationMs} />
      <span className={styles.control} role="group" aria-label="Speed">
        <button
          type="button"
          className="icon-button"
          onClick={() => player.setRate(rate - SPEED_STEP)}
          disabled={rate <= SPEEDS[0]}
          aria-label="Slower by 5%"
          title="Slower by 5%"
        >
          −
        </button>
        <select className="text-field" aria-label="Speed" value={rate} onChange={(e) => player.setRate(Number(e.target.value))}>
          {speedsWith(rate).map((s) => (
            <option key={s} value={s}>
              {Math.round(s * 100)}%
            </option>
          ))}
        </select>
        <button
          type="button"
          className="icon-button"
          onClick={() => player.setRate(rate + SPEED_STEP)}
          disabled={rate >= SPEEDS[SPEEDS.length - 1]}
          aria-label="Faster by 5%"
          title="Faster by 5%"
        >
          +
        </button>
      </span>
      <label className={styles.control}>
        <span>Volume</span>
        <input
          className={styles.volume}
          type="range"
          aria-label="Volume"
          min={0}
          max={1}
          step={0.05}
          value={volume}
          onChange={(e) => player.setVolume(Number(e.target.value))}
        />
      </label>
      <button
        type="button"
        className="button subtle small"
        aria-pressed={looping}
        onClick={() => player.toggleLoop()}
        disabled={!canPlay}
        title="Loop between [ and ] (L)"
      >
        Loop
        {loopStartMs !== null
          ? ` ${formatTrackTime(loopStartMs, false)}–${loopEndMs !== null ? formatTrackTime(loopEndMs, false) : '…'}`
          : ''}
      </button>
      <span className={styles.room}>
        <button
          type="button"
          className="icon-button"
          aria-pressed={room.wide}
          onClick={room.toggleWide}
          aria-label="Give the score most of the window"
          title="Give the score most of the window, and back (Ctrl+Shift+S)"
        >
          ⤢
        </button>
        <button
          type="button"
          className="icon-button"
          aria-expanded={!room.folded}
          onClick={room.toggleFolded}
          aria-label="Show the waveform and cues"
          title={room.folded ? 'Show the waveform and cues' : 'Fold the score down to this bar'}
        >
          {room.folded ? '▴' : '▾'}
        </button>
      </span>
    </div>
  );
}

/** Where the player is, while the chosen track's recording is the one loaded. */
function usePosition(canPlay: boolean): number {
  const positionMs = usePlayerValue((s) => s.positionMs);
  return canPlay ? positionMs : 0;
}

function Elapsed({ canPlay }: { canPlay: boolean }) {
  const positionMs = usePosition(canPlay);
  return (
    <span role="timer" aria-label="Elapsed" data-position-ms={positionMs}>
      {formatTrackTime(positionMs)}
    </span>
  );
}

function Seek({ canPlay, durationMs }: { canPlay: boolean; durationMs: number }) {
  const { player } = useScore();
  const positionMs = usePosition(canPlay);
  return (
    <input
      className={styles.seek}
      type="range"
      aria-label="Seek"
      min={0}
      max={Math.max(1, durationMs)}
      step={100}
      value={positionMs}
      disabled={!canPlay}
      onChange={(e) => player.seek(Number(e.target.value))}
    />
  );
}
