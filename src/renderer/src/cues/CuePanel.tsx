import { memo, useState } from 'react';
import type { Scene } from '../../../shared/domain';
import { CUE_COLOURS, type Cue } from '../../../shared/score';
import { formatTrackTime } from '../../../shared/time-format';
import { useNotify } from '../notices/notify';
import { useScore, usePlayerValue } from '../player/ScoreContext';
import { CueEditor } from './CueEditor';
import { CueFiles } from './CueFiles';
import { CueNotes } from './CueNotes';
import { CueSwatch } from './CueSwatch';
import { useCreateCue } from './queries';
import { StandInCuesQuestion } from './StandInCuesQuestion';
import cueText from './cue-text.module.css';
import styles from './CuePanel.module.css';

interface Props {
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
 * Its heading and buttons stay put while the rest (a form, the list, the cue file) scrolls under them.
 * It renders when its cues or the cue playing change, not on every frame of playback with the workspace.
 */
export const CuePanel = memo(function CuePanel({
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

  const fromLoop = () => {
    const { loopStartMs, loopEndMs } = player.getState();
    if (loopStartMs === null || loopEndMs === null) return;
    const [startMs, endMs] = [withinRecording(loopStartMs), withinRecording(loopEndMs)];
    return createCue
      .mutateAsync({ trackId, label: `Loop ${formatTrackTime(startMs, false)}–${formatTrackTime(endMs, false)}`, startMs, endMs })
      .catch(notify.failed);
  };

  return (
    <section className={styles.panel} aria-labelledby="cue-heading">
      <div className={styles.toolbar}>
        <h2 id="cue-heading" className={`section-label ${styles.heading}`}>
          Cues <span className="count">{cues.length}</span>
        </h2>
        <label className={styles.pause}>
          <span>Pause</span>
          <input
            className="text-field"
            type="number"
            min={0}
            max={10}
            step={0.5}
            value={pauseSeconds}
            onChange={(e) => setPauseSeconds(Math.max(0, Number(e.target.value) || 0))}
            aria-label="Pause before each loop, in seconds"
            title="Pause before each loop of a cue, in seconds"
          />
          <span>s</span>
        </label>
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
      <div className={styles.body}>
        {standInCues > 0 && (
          <StandInCuesQuestion trackId={trackId} count={standInCues} focused={standInQuestionFocused} onSettled={onStandInCuesSettled} />
        )}
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
          <p className={`muted ${styles.empty}`}>
            No cues yet: drag across the waveform, set a loop with [ and ], or press M for a marker.
          </p>
        ) : (
          <ol className={styles.list}>
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
                <li key={cue.id} className={styles.row} data-playing={playingCueId === cue.id || undefined} aria-label={`Cue ${cue.label}`}>
                  <CueSwatch colour={cue.colour} />
                  <div className={cueText.text}>
                    <span className={cueText.label}>{cue.label}</span>
                    <span className={cueText.times}>
                      {formatTrackTime(cue.startMs)}
                      {cue.endMs > cue.startMs ? ` – ${formatTrackTime(cue.endMs)}` : ' (marker)'}
                    </span>
                    {cue.scenes.length > 0 && (
                      <span className={styles.scenes}>
                        {cue.scenes.map((s) => (
                          <span key={s.id} className="chip">
                            {s.position}. {s.title}
                          </span>
                        ))}
                      </span>
                    )}
                  </div>
                  <div className={styles.actions}>
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
                  </div>
                </li>
              )
            )}
          </ol>
        )}
        <CueFiles trackId={trackId} />
      </div>
    </section>
  );
});
