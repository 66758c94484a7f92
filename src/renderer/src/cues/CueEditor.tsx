import { useState, type FormEvent } from 'react';
import type { Scene } from '../../../shared/domain';
import { CUE_COLOURS, type Cue } from '../../../shared/score';
import { colourName } from '../../../shared/colour-names';
import { formatTrackTime, parseTrackTime } from '../../../shared/time-format';
import { useNotify } from '../notices/notify';
import { useCreateCue, useLinkCue, useUnlinkCue, useUpdateCue } from './queries';
import { useCueDeletion } from './useCueDeletion';
import styles from './CueEditor.module.css';

interface EditorProps {
  trackId: number;
  scenes: Scene[];
  cue?: Cue;
  initial: { label: string; startMs: number; endMs: number; colour: string };
  onDone: () => void;
  onCancel: () => void;
}

/** A new cue, or one of the track's cues, to write: label, times, colour and the scenes it plays in. */
export function CueEditor({ trackId, scenes, cue, initial, onDone, onCancel }: EditorProps) {
  const createCue = useCreateCue();
  const updateCue = useUpdateCue();
  const deletion = useCueDeletion(trackId);
  const linkCue = useLinkCue();
  const unlinkCue = useUnlinkCue();
  const notify = useNotify();
  const [label, setLabel] = useState(initial.label);
  const [start, setStart] = useState(formatTrackTime(initial.startMs));
  const [end, setEnd] = useState(formatTrackTime(initial.endMs));
  const [colour, setColour] = useState(initial.colour);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const startMs = parseTrackTime(start);
    const endMs = parseTrackTime(end);
    if (startMs === undefined || endMs === undefined) return setProblem('Write times as m:ss.mmm, for example 1:02.500.');
    if (endMs < startMs) return setProblem('The end comes before the start.');
    try {
      if (cue) await updateCue.mutateAsync({ cueId: cue.id, label, startMs, endMs, colour });
      else await createCue.mutateAsync({ trackId, label, startMs, endMs, colour });
      onDone();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const link = async (sceneId: number, on: boolean) => {
    if (!cue) return;
    try {
      await (on ? linkCue : unlinkCue).mutateAsync({ cueId: cue.id, sceneId });
    } catch (error) {
      notify.failed(error);
    }
  };

  const remove = async () => {
    if (cue && (await deletion.remove([cue]))) onDone();
  };

  const unlinked = scenes.filter((s) => !cue?.scenes.some((l) => l.id === s.id));
  return (
    <form
      className={styles.editor}
      onSubmit={save}
      onChange={() => setProblem(null)}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      aria-label={cue ? `Edit cue ${cue.label}` : 'New cue'}
    >
      <label className="field">
        <span>Label</span>
        <input value={label} onChange={(e) => setLabel(e.target.value)} required autoFocus maxLength={200} />
      </label>
      <div className={styles.times}>
        <label className="field">
          <span>Start</span>
          <input value={start} onChange={(e) => setStart(e.target.value)} inputMode="decimal" placeholder="m:ss.mmm" />
        </label>
        <label className="field">
          <span>End</span>
          <input value={end} onChange={(e) => setEnd(e.target.value)} inputMode="decimal" placeholder="m:ss.mmm" />
        </label>
      </div>
      <fieldset className={styles.colours}>
        <legend>Colour</legend>
        {CUE_COLOURS.map((c) => (
          <label key={c} className={styles.colour} style={{ background: c }}>
            <input
              type="radio"
              name="cue-color"
              value={c}
              checked={colour === c}
              onChange={() => setColour(c)}
              aria-label={colourName(c)}
              title={colourName(c)}
            />
          </label>
        ))}
      </fieldset>
      {cue && (
        <div className={styles.links}>
          <span className={styles.linksTitle}>Scenes</span>
          {cue.scenes.map((s) => (
            <span key={s.id} className="chip">
              {s.position}. {s.title}
              <button type="button" className="chip-remove" onClick={() => void link(s.id, false)} aria-label={`Unlink ${s.title}`}>
                ×
              </button>
            </span>
          ))}
          {unlinked.length > 0 && (
            <select
              className="text-field"
              aria-label="Link to a scene"
              value=""
              onChange={(e) => e.target.value && void link(Number(e.target.value), true)}
            >
              <option value="">Link to a scene…</option>
              {unlinked.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.position}. {s.title}
                </option>
              ))}
            </select>
          )}
        </div>
      )}
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      <div className={`form-actions ${styles.actions}`}>
        {cue && (
          <button type="button" className="button subtle danger" onClick={() => void remove()}>
            Delete
          </button>
        )}
        <button type="button" className="button subtle" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={!label.trim()}>
          {cue ? 'Save cue' : 'Add cue'}
        </button>
      </div>
    </form>
  );
}
