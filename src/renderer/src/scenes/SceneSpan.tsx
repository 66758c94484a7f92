import { useId, useState, type KeyboardEvent } from 'react';
import type { Scene } from '../../../shared/domain';
import { formatFrameTime, readFilmTime, UNKNOWN_FRAME_MS } from '../../../shared/time-format';
import { useFilmClock } from '../films/film-clock';
import { FILM_NOT_ON_DESK, playheadOf } from '../films/playhead';
import { useSetSceneSpan } from '../films/queries';
import { useCommand } from '../keymap/keymap';
import { useNotify } from '../notices/notify';
import { playScene } from './scene-film-time';
import styles from './SceneSpan.module.css';

type Edge = 'start' | 'end';
const edgeOf = (scene: Scene, edge: Edge) => (edge === 'start' ? scene.startMs : scene.endMs);

/**
 * Where the scene lies in the film: its start and end, typed (hh:mm:ss.ff or mm:ss) or set from the
 * film's playhead with I and O, and a button that plays just that span. A scene without times reads
 * as before; its times are offered, never required.
 */
export function SceneSpan({ scene }: { scene: Scene }) {
  const clock = useFilmClock();
  // Frames are counted at the film's own rate once its picture is on the desk, else in hundredths.
  const frameMs = (clock.filmId === scene.filmId ? clock.frameMs : null) ?? UNKNOWN_FRAME_MS;
  const setSpan = useSetSceneSpan();
  const notify = useNotify();

  const save = async (edge: Edge, ms: number | null): Promise<boolean> => {
    const startMs = edge === 'start' ? ms : scene.startMs;
    const endMs = edge === 'end' ? ms : scene.endMs;
    try {
      await setSpan.mutateAsync({ sceneId: scene.id, startMs, endMs });
      return true;
    } catch (error) {
      notify.failed(error);
      return false;
    }
  };

  const fromPlayhead = (edge: Edge) => {
    const ms = playheadOf(scene.filmId);
    if (ms === null) return notify.failed(FILM_NOT_ON_DESK);
    void save(edge, ms).then((saved) => {
      if (saved) notify.success(`Scene ${scene.position} ${edge === 'start' ? 'starts' : 'ends'} at ${formatFrameTime(ms, frameMs)}.`);
    });
  };
  useCommand('scene-start-here', () => fromPlayhead('start'));
  useCommand('scene-end-here', () => fromPlayhead('end'));

  const whole = scene.startMs !== null && scene.endMs !== null;
  return (
    <section className={styles.span} aria-label="Film time">
      <h3 className="section-label">In the film</h3>
      <div className={styles.fields}>
        {(['start', 'end'] as const).map((edge) => (
          <SpanField
            // A saved time (or a film's frame rate arriving) gives the field its text afresh.
            key={`${edge}-${scene.id}-${edgeOf(scene, edge)}-${frameMs}`}
            edge={edge}
            ms={edgeOf(scene, edge)}
            frameMs={frameMs}
            onSave={(ms) => save(edge, ms)}
            onFromPlayhead={() => fromPlayhead(edge)}
          />
        ))}
        <button
          type="button"
          className="button subtle"
          disabled={!whole}
          onClick={() => {
            if (!playScene(scene)) notify.failed(FILM_NOT_ON_DESK);
          }}
        >
          ▶ Play scene
        </button>
      </div>
      <p className="hint">
        {whole
          ? 'I and O set the start and end at the film’s playhead.'
          : 'Give the scene a start and an end to play it: type them, or press I and O at the film’s playhead.'}
      </p>
    </section>
  );
}

interface SpanFieldProps {
  edge: Edge;
  ms: number | null;
  frameMs: number;
  onSave: (ms: number | null) => Promise<boolean>;
  onFromPlayhead: () => void;
}

/** One edge of the span: typed and saved on Enter or on leaving the field; what is wrong is said beside it. */
function SpanField({ edge, ms, frameMs, onSave, onFromPlayhead }: SpanFieldProps) {
  const shown = ms === null ? '' : formatFrameTime(ms, frameMs);
  const [text, setText] = useState(shown);
  const [problem, setProblem] = useState<string | null>(null);
  const errorId = useId();
  const label = edge === 'start' ? 'Start' : 'End';

  const commit = async () => {
    if (text === shown) return setProblem(null);
    const reading = readFilmTime(text, frameMs);
    if (reading !== null && 'problem' in reading) return setProblem(reading.problem);
    setProblem(null);
    if (!(await onSave(reading === null ? null : reading.ms))) setText(shown);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') void commit();
    if (event.key === 'Escape') {
      setText(shown);
      setProblem(null);
    }
  };

  return (
    <div className={styles.edge}>
      <label className={styles.field}>
        <span>{label}</span>
        <input
          className="text-field"
          value={text}
          placeholder="hh:mm:ss.ff"
          size={12}
          onChange={(event) => setText(event.target.value)}
          onBlur={() => void commit()}
          onKeyDown={onKeyDown}
          aria-invalid={problem !== null}
          aria-describedby={problem ? errorId : undefined}
        />
      </label>
      <button
        type="button"
        className="button subtle"
        onClick={onFromPlayhead}
        aria-label={`Set ${edge} at the film’s playhead`}
        title={edge === 'start' ? 'I' : 'O'}
      >
        {edge === 'start' ? 'I' : 'O'}
      </button>
      {problem && (
        <p id={errorId} className="field-error" role="alert">
          {label}: {problem}
        </p>
      )}
    </div>
  );
}
