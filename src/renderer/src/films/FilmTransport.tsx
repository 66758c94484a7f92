import type { ReactNode } from 'react';
import { formatFrameTime } from '../../../shared/time-format';
import { useCommand } from '../keymap/keymap';
import { useNotify } from '../notices/notify';
import { useFilmClock } from './film-clock';
import { FILM_SPEEDS, type FilmControls } from './film-deck';
import { grabFrame } from './frame-grab';

/**
 * The film's keys: the score player's conventions (Space, ←/→ 5 s or Shift 1 s) and an editor's
 * (J/K/L shuttle, , and . one frame), and Ctrl+G to grab the frame. They drive whatever carries the
 * picture (the deck beside the notes, or the picture's own window) once `ready` says it can be
 * shown; before that they keep their other meanings.
 */
export function useFilmKeys(controls: FilmControls | null, ready: () => boolean): void {
  const notify = useNotify();
  const when = (action: (controls: FilmControls, event: KeyboardEvent | null) => void) => (event: KeyboardEvent | null) => {
    if (!controls || !ready()) return false;
    action(controls, event);
  };
  useCommand(
    'play-pause',
    when((c) => c.toggle()),
    'film'
  );
  useCommand(
    'skip-back',
    when((c, event) => c.skip(event?.shiftKey ? -1000 : -5000)),
    'film'
  );
  useCommand(
    'skip-forward',
    when((c, event) => c.skip(event?.shiftKey ? 1000 : 5000)),
    'film'
  );
  useCommand(
    'shuttle-back',
    when((c) => c.shuttleBack()),
    'film'
  );
  useCommand(
    'shuttle-stop',
    when((c) => c.stop()),
    'film'
  );
  // L: the score's loop key shuttles the film forward when the film is the player used last.
  useCommand(
    'toggle-loop',
    when((c) => c.shuttleForward()),
    'film'
  );
  useCommand(
    'frame-back',
    when((c) => c.step(-1)),
    'film'
  );
  useCommand(
    'frame-forward',
    when((c) => c.step(1)),
    'film'
  );
  useCommand(
    'grab-frame',
    when((_c, event) => {
      const into = event?.target ?? document.activeElement;
      grabFrame(into)
        .then(({ grab, inserted, copied }) => {
          const where = [inserted && 'into the note', copied && 'to the clipboard with its citation'].filter(Boolean).join(' and ');
          notify.success(`Frame grabbed: ${grab.citation}${where ? `, ${where}` : ''}.`);
        })
        .catch((error: unknown) => notify.failed(error));
    })
  );
}

/**
 * The film's transport bar: play, one frame back and forward, the time to the frame, the running
 * time and the speed; `children` are the buttons of where the picture is (picture-in-picture, its own
 * window, attach back).
 */
export function FilmTransport({
  filmId,
  controls,
  frameMs,
  durationMs,
  children
}: {
  filmId: number;
  controls: FilmControls | null;
  frameMs: number;
  durationMs: number;
  children?: ReactNode;
}) {
  const clock = useFilmClock();
  const shown = clock.filmId === filmId ? clock : null;
  return (
    // In the transport, Space plays and pauses whichever of its buttons has the focus (keymap.ts).
    <div className="film-transport" role="group" aria-label="Film transport" data-plays-film>
      <button type="button" className="button" onClick={() => controls?.toggle()} disabled={!controls}>
        {shown?.playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        className="button subtle"
        onClick={() => controls?.step(-1)}
        disabled={!controls}
        aria-label="One frame back"
        title="One frame back (,)"
      >
        ‹
      </button>
      <button
        type="button"
        className="button subtle"
        onClick={() => controls?.step(1)}
        disabled={!controls}
        aria-label="One frame forward"
        title="One frame forward (.)"
      >
        ›
      </button>
      <span className="film-time" role="timer" aria-label="Film time" data-position-ms={shown?.timeMs ?? 0}>
        {formatFrameTime(shown?.timeMs ?? 0, frameMs)}
      </span>
      <span className="film-duration muted" aria-label="Running time">
        {formatFrameTime(durationMs, frameMs)}
      </span>
      <label className="film-speed">
        Speed
        <select value={shown?.rate ?? 1} onChange={(event) => controls?.setRate(Number(event.target.value))} disabled={!controls}>
          {FILM_SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speed}×
            </option>
          ))}
        </select>
      </label>
      {children}
    </div>
  );
}
