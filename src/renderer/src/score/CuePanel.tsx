import { memo, useId, useState, type FormEvent } from 'react';
import type { Scene } from '../../../shared/domain';
import { CUE_COLOURS, type Cue } from '../../../shared/score';
import { CiteButton } from '../exchange/CiteButton';
import { CueFinder } from '../soundtrack/CueFinder';
import { useNotify } from '../notices/notify';
import { CueFiles } from './CueFiles';
import { CueNotes } from './CueNotes';
import { useCreateCue, useDeleteCue, useLinkCue, useSettleStandInCues, useUnlinkCue, useUpdateCue } from './queries';
import { useScore, usePlayerValue } from './ScoreContext';
import { formatTrackTime, parseTrackTime } from '../../../shared/time-format';

interface Props {
  filmId: number;
  /** The track's recording, when it has one that can be played (the cue finder plays it beside the film). */
  recordingId: number | null;
  trackId: number;
  cues: Cue[];
  scenes: Scene[];
  canPlay: boolean;
  /** Holds a time read from the player inside the recording, where a cue must end. */
  withinRecording: (ms: number) => number;
  /** Cues a replaced stand-in left on this track, still to be removed or kept; 0 when none are. */
  standInCues: number;
  /** Whether the question takes the focus when it appears: right after the attach that raised it. */
  standInQuestionFocused: boolean;
  /** Called once the person has answered, with how many cues were removed (0 when they kept them). */
  onStandInCuesSettled: (answer: { removed: number }) => void;
}

/**
 * The cues of the track in the player: play or loop any of them, make, edit and link them to scenes.
 * It renders when its cues or the cue playing change, not on every frame of playback with the dock.
 */
export const CuePanel = memo(function CuePanel({
  filmId,
  recordingId,
  trackId,
  cues,
  scenes,
  canPlay,
  withinRecording,
  standInCues,
  standInQuestionFocused,
  onStandInCuesSettled
}: Props) {
  const { playCue, player } = useScore();
  const createCue = useCreateCue();
  const notify = useNotify();
  const playingCueId = usePlayerValue((state) => state.cue?.cueId ?? null);
  const hasLoop = usePlayerValue((state) => state.loopStartMs !== null && state.loopEndMs !== null);
  const [editingId, setEditingId] = useState<number | 'new' | null>(null);
  const [pauseSeconds, setPauseSeconds] = useState(0);
  const [findingCue, setFindingCue] = useState<Cue | null>(null);

  const fromLoop = () => {
    const { loopStartMs, loopEndMs } = player.getState();
    if (loopStartMs === null || loopEndMs === null) return;
    const [startMs, endMs] = [withinRecording(loopStartMs), withinRecording(loopEndMs)];
    return createCue
      .mutateAsync({ trackId, label: `Loop ${formatTrackTime(startMs, false)}–${formatTrackTime(endMs, false)}`, startMs, endMs })
      .catch(notify.failed);
  };

  return (
    <section className="cue-panel" aria-labelledby="cue-heading">
      <div className="cue-toolbar">
        <h2 id="cue-heading" className="section-label">
          Cues <span className="count">{cues.length}</span>
        </h2>
        <button
          type="button"
          className="button subtle small"
          onClick={() => void fromLoop()}
          disabled={!hasLoop}
          title="Make a cue of the loop set with [ and ]"
        >
          From loop
        </button>
        <button type="button" className="button subtle small" onClick={() => setEditingId('new')}>
          New cue
        </button>
      </div>
      {standInCues > 0 && (
        <StandInCuesQuestion trackId={trackId} count={standInCues} focused={standInQuestionFocused} onSettled={onStandInCuesSettled} />
      )}
      <CueFiles trackId={trackId} />
      <label className="cue-pause">
        <span>Pause before each loop</span>
        <input
          className="text-field"
          type="number"
          min={0}
          max={10}
          step={0.5}
          value={pauseSeconds}
          onChange={(e) => setPauseSeconds(Math.max(0, Number(e.target.value) || 0))}
          aria-label="Pause before each loop, in seconds"
        />
        <span>s</span>
      </label>
      {editingId === 'new' && (
        <CueEditor
          trackId={trackId}
          scenes={scenes}
          initial={{
            label: '',
            startMs: withinRecording(player.currentMs()),
            endMs: withinRecording(player.currentMs() + 5000),
            colour: CUE_COLOURS[cues.length % CUE_COLOURS.length]
          }}
          onDone={() => setEditingId(null)}
          onCancel={() => setEditingId(null)}
        />
      )}
      {cues.length === 0 && editingId !== 'new' ? (
        <p className="muted cue-empty">No cues yet: drag across the waveform, set a loop with [ and ], or press M for a marker.</p>
      ) : (
        <ol className="cue-list">
          {cues.map((cue) =>
            editingId === cue.id ? (
              <li key={cue.id}>
                <CueEditor
                  trackId={trackId}
                  scenes={scenes}
                  cue={cue}
                  initial={cue}
                  onDone={() => setEditingId(null)}
                  onCancel={() => setEditingId(null)}
                />
                <CueNotes cue={cue} />
              </li>
            ) : (
              <li key={cue.id} className={`cue-row${playingCueId === cue.id ? ' playing' : ''}`} aria-label={`Cue ${cue.label}`}>
                <span className="cue-swatch" style={{ background: cue.colour }} aria-hidden="true" />
                <div className="cue-text">
                  <span className="cue-label">{cue.label}</span>
                  <span className="cue-times">
                    {formatTrackTime(cue.startMs)}
                    {cue.endMs > cue.startMs ? ` – ${formatTrackTime(cue.endMs)}` : ' (marker)'}
                  </span>
                  {cue.scenes.length > 0 && (
                    <span className="cue-scenes">
                      {cue.scenes.map((s) => (
                        <span key={s.id} className="chip">
                          {s.position}. {s.title}
                        </span>
                      ))}
                    </span>
                  )}
                </div>
                <div className="cue-actions">
                  <button
                    type="button"
                    className="icon-button"
                    data-plays-score
                    disabled={!canPlay}
                    onClick={() => void playCue(cue)}
                    aria-label={`Play cue ${cue.label}`}
                    title="Play this cue"
                  >
                    ▶
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    data-plays-score
                    disabled={!canPlay}
                    onClick={() => void playCue(cue, { loop: true, pauseMs: pauseSeconds * 1000 })}
                    aria-label={`Loop cue ${cue.label}`}
                    title="Loop this cue"
                  >
                    ⟲
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    onClick={() => setEditingId(cue.id)}
                    aria-label={`Edit cue ${cue.label}`}
                    title="Edit"
                  >
                    ✎
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    disabled={recordingId === null}
                    onClick={() => setFindingCue(cue)}
                    aria-label={`Find cue ${cue.label} in the film`}
                    title="Find where it sounds in the film"
                  >
                    ⌕
                  </button>
                  <CiteButton target={{ kind: 'cue', id: cue.id }} what={`cue ${cue.label}`} compact />
                </div>
              </li>
            )
          )}
        </ol>
      )}
      {findingCue && <CueFinder open filmId={filmId} cue={findingCue} recordingId={recordingId} onClose={() => setFindingCue(null)} />}
    </section>
  );
});

/**
 * Asked once a real recording has replaced a stand-in, and until answered (the library keeps the
 * question, so a reload does not lose it): the stand-in's cues are timed for its short synthesised
 * piece, so they are offered for removal, in one step, rather than kept unawares.
 */
function StandInCuesQuestion({
  trackId,
  count,
  focused,
  onSettled
}: {
  trackId: number;
  count: number;
  focused: boolean;
  onSettled: (answer: { removed: number }) => void;
}) {
  const settleStandInCues = useSettleStandInCues();
  const notify = useNotify();
  const questionId = useId();
  const settle = async (keep: boolean) => {
    try {
      onSettled(await settleStandInCues.mutateAsync({ trackId, keep }));
    } catch (error) {
      notify.failed(error);
    }
  };
  return (
    <div className="stand-in-cues" role="group" aria-labelledby={questionId}>
      <p id={questionId}>
        Remove the {count} stand-in {count === 1 ? 'cue' : 'cues'}? {count === 1 ? 'It was' : 'They were'} timed for the stand-in, not for
        this recording.
      </p>
      <div className="stand-in-cues-actions">
        <button type="button" className="button small danger" onClick={() => void settle(false)} autoFocus={focused}>
          Remove {count === 1 ? 'it' : 'them'}
        </button>
        <button type="button" className="button subtle small" onClick={() => void settle(true)}>
          Keep {count === 1 ? 'it' : 'them'}
        </button>
      </div>
    </div>
  );
}

interface EditorProps {
  trackId: number;
  scenes: Scene[];
  cue?: Cue;
  initial: { label: string; startMs: number; endMs: number; colour: string };
  onDone: () => void;
  onCancel: () => void;
}

function CueEditor({ trackId, scenes, cue, initial, onDone, onCancel }: EditorProps) {
  const createCue = useCreateCue();
  const updateCue = useUpdateCue();
  const deleteCue = useDeleteCue();
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
    if (!cue) return;
    try {
      await deleteCue.mutateAsync({ cueId: cue.id });
      onDone();
    } catch (error) {
      notify.failed(error);
    }
  };

  const unlinked = scenes.filter((s) => !cue?.scenes.some((l) => l.id === s.id));
  return (
    <form
      className="cue-editor"
      onSubmit={save}
      onChange={() => setProblem(null)}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      aria-label={cue ? `Edit cue ${cue.label}` : 'New cue'}
    >
      <label className="field">
        <span>Label</span>
        <input value={label} onChange={(e) => setLabel(e.target.value)} required autoFocus maxLength={200} />
      </label>
      <div className="cue-editor-times">
        <label className="field">
          <span>Start</span>
          <input value={start} onChange={(e) => setStart(e.target.value)} inputMode="decimal" placeholder="m:ss.mmm" />
        </label>
        <label className="field">
          <span>End</span>
          <input value={end} onChange={(e) => setEnd(e.target.value)} inputMode="decimal" placeholder="m:ss.mmm" />
        </label>
      </div>
      <fieldset className="cue-colors">
        <legend>Colour</legend>
        {CUE_COLOURS.map((c) => (
          <label key={c} className="cue-color" style={{ background: c }}>
            <input
              type="radio"
              name="cue-color"
              value={c}
              checked={colour === c}
              onChange={() => setColour(c)}
              aria-label={`Colour ${c}`}
            />
          </label>
        ))}
      </fieldset>
      {cue && (
        <div className="cue-links">
          <span className="field-title">Scenes</span>
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
      <div className="form-actions">
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
