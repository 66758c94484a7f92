import { memo, useState } from 'react';
import { CueFinder } from '../soundtrack/CueFinder';
import { TrackFinder } from '../soundtrack/TrackFinder';
import type { Scene } from '../../../shared/domain';
import { CUE_COLOURS, type Cue } from '../../../shared/score';
import { formatTrackTime } from '../../../shared/time-format';
import { isTyping } from '../keymap/keymap';
import { useNotify } from '../notices/notify';
import { useScore, usePlayerValue } from '../player/ScoreContext';
import { CueEditor } from './CueEditor';
import { CueFiles } from './CueFiles';
import { CueNotes } from './CueNotes';
import { CueList, isMarker } from './CueList';
import { useCreateCue, useUpdateCue } from './queries';
import { StandInCuesQuestion } from './StandInCuesQuestion';
import { useCueDeletion } from './useCueDeletion';
import styles from './CuePanel.module.css';

interface Props {
  filmId: number;
  /** The track's recording, when it has one that can be played (the cue finder plays it beside the film). */
  recordingId: number | null;
  trackId: number;
  trackTitle: string;
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
  filmId,
  recordingId,
  trackId,
  trackTitle,
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
  const updateCue = useUpdateCue();
  const notify = useNotify();
  const playingCueId = usePlayerValue((state) => state.cue?.cueId ?? null);
  const hasLoop = usePlayerValue((state) => state.loopStartMs !== null && state.loopEndMs !== null);
  const [editingId, setEditingId] = useState<number | 'new' | null>(null);
  const [findingCue, setFindingCue] = useState<Cue | null>(null);
  const [findingTrack, setFindingTrack] = useState(false);
  const pauseMs = usePlayerValue((state) => state.loopPauseMs);
  const deletion = useCueDeletion(trackId);

  const fromLoop = () => {
    const { loopStartMs, loopEndMs } = player.getState();
    if (loopStartMs === null || loopEndMs === null) return;
    const [startMs, endMs] = [withinRecording(loopStartMs), withinRecording(loopEndMs)];
    return createCue
      .mutateAsync({ trackId, label: `Loop ${formatTrackTime(startMs, false)}–${formatTrackTime(endMs, false)}`, startMs, endMs })
      .catch(notify.failed);
  };

  // A marker becomes a cue in one step: up to the next marker, or five seconds on, inside the recording.
  const markerToCue = (marker: Cue) => {
    const next = cues.filter((c) => isMarker(c) && c.startMs > marker.startMs).sort((a, b) => a.startMs - b.startMs)[0];
    const endMs = withinRecording(next?.startMs ?? marker.startMs + 5000);
    if (endMs <= marker.startMs) return notify.failed('This marker is at the end of the recording: a cue needs room after it.');
    return updateCue.mutateAsync({ cueId: marker.id, endMs }).catch(notify.failed);
  };

  return (
    <section
      className={styles.panel}
      aria-labelledby="cue-heading"
      onKeyDown={(e) => {
        // Ctrl/⌘+Z brings back the track's last deleted cues, from anywhere in the panel but a text field (whose own undo it is).
        if (e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || isTyping(e.target)) return;
        e.preventDefault();
        void deletion.undoLast();
      }}
    >
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
            value={pauseMs / 1000}
            onChange={(e) => player.setLoopPause(Math.round((Number(e.target.value) || 0) * 1000))}
            aria-label="Pause before each loop, in seconds"
            title="A count-in: the pause before each repeat of a loop, in seconds"
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
        {recordingId !== null && cues.length > 0 && (
          <button
            type="button"
            className="button subtle small"
            onClick={() => setFindingTrack(true)}
            aria-label="Find every cue of this track in the film"
            title="Find every cue of this track in the film’s soundtrack, then review and place them"
          >
            ⌕ Find all
          </button>
        )}
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
          <CueList
            cues={cues}
            playingCueId={playingCueId}
            canPlay={canPlay}
            editingId={typeof editingId === 'number' ? editingId : null}
            renderEditor={(cue) => (
              <>
                <CueEditor
                  trackId={trackId}
                  scenes={scenes}
                  cue={cue}
                  initial={cue}
                  onDone={() => setEditingId(null)}
                  onCancel={() => setEditingId(null)}
                />
                <CueNotes cue={cue} />
              </>
            )}
            onPlay={(cue) => void playCue(cue)}
            onLoop={(cue) => void playCue(cue, { loop: true })}
            onEdit={(cue) => setEditingId(cue.id)}
            onFind={recordingId === null ? null : setFindingCue}
            onMarkerToCue={(marker) => void markerToCue(marker)}
            onDelete={deletion.remove}
          />
        )}
        <CueFiles trackId={trackId} />
      </div>
      {findingTrack && recordingId !== null && (
        <TrackFinder
          open
          trackId={trackId}
          trackTitle={trackTitle}
          cues={cues}
          recordingId={recordingId}
          onClose={() => setFindingTrack(false)}
        />
      )}
      {findingCue && <CueFinder open filmId={filmId} cue={findingCue} recordingId={recordingId} onClose={() => setFindingCue(null)} />}
    </section>
  );
});
