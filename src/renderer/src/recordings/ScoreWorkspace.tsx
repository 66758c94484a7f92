import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { Group, useDefaultLayout } from 'react-resizable-panels';
import type { Film, Scene, Track } from '../../../shared/domain';
import { formatTrackTime } from '../../../shared/time-format';
import { useInvalidate } from '../data/library-query';
import { useNotify } from '../notices/notify';
import { draggedFileKind, HAS_RECORDING, TAKES_RECORDINGS } from '../ui/dropped-file';
import { useScoreRoom } from '../ui/DeskLayout';
import { Pane, PaneBorder } from '../ui/panes';
import { CuePanel } from '../cues/CuePanel';
import { useCreateCue, useCues, useUpdateCue } from '../cues/queries';
import { useScore, usePlayerValue } from '../player/ScoreContext';
import { Transport } from '../player/Transport';
import { usePlayerKeys } from '../player/usePlayerKeys';
import { usePeaks, useRecordings } from './queries';
import { RecordingStatus } from './RecordingStatus';
import { attachRecording, type AttachProgress } from './upload';
import { Waveform } from './Waveform';
import styles from './ScoreWorkspace.module.css';

/**
 * The score workspace below the desk: a track of the film and its recording (the transport, the
 * waveform, attaching or replacing the file) beside the track's cues. Folded, it keeps its bar.
 */
export function ScoreWorkspace({ film, tracks, scenes }: { film: Film; tracks: Track[]; scenes: Scene[] }) {
  const { player, open } = useScore();
  const notify = useNotify();
  const invalidate = useInvalidate();
  const createCue = useCreateCue();
  const updateCue = useUpdateCue();
  // Each value the workspace itself needs, not the player's whole state: that changes on every frame of
  // playback, and drawing the whole workspace again each frame (and as a cue started) delayed the playhead.
  const loadedId = usePlayerValue((s) => s.now?.recording.id ?? null);
  const loadedTrackId = usePlayerValue((s) => s.now?.recording.trackId ?? null);
  const loaded = usePlayerValue((s) => s.loaded);
  const rate = usePlayerValue((s) => s.rate);
  const playerDurationMs = usePlayerValue((s) => s.durationMs);
  const playerError = usePlayerValue((s) => s.error);
  const room = useScoreRoom();
  const sizes = useDefaultLayout({ id: 'reelnotes-score-columns', onlySaveAfterUserInteractions: true });
  const recordings = useRecordings(film.id);
  const [chosenTrackId, setChosenTrackId] = useState<number | null>(null);
  // The person's latest choice, read by the loading effect below: a choice made while an earlier
  // render's effect was still pending must win over the track that render showed.
  const latestChoice = useRef<number | null>(null);
  const trackId = loadedTrackId ?? chosenTrackId ?? tracks[0]?.id ?? null;
  const track = tracks.find((t) => t.id === trackId) ?? null;
  const recording = recordings.data?.find((r) => r.trackId === trackId) ?? null;
  const cues = useCues(trackId);
  const peaks = usePeaks(recording?.available ? recording.id : null);
  const [progress, setProgress] = useState<AttachProgress | null>(null);
  // The question about a replaced stand-in's cues takes the focus when the person's own attach asked
  // it, not when a reload finds it still open (then it waits in the cue panel, unanswered).
  const [standInQuestionFocused, setStandInQuestionFocused] = useState(false);

  // The chosen track's recording goes into the player, ready to play.
  useEffect(() => {
    if (!track) return;
    if (recording?.available && loadedId !== recording.id) {
      const staleTrack = loadedId === null && latestChoice.current !== null && latestChoice.current !== track.id;
      if (!staleTrack) open(recording, { track: track.title, film: film.title, composer: film.composer });
    } else if (!recording?.available && loadedId !== null) player.unload();
  }, [recording, track, film, open, player, loadedId]);

  // Another film was opened: its tracks do not include what is loaded.
  useEffect(() => {
    if (loadedTrackId !== null && !tracks.some((t) => t.id === loadedTrackId)) player.unload();
  }, [tracks, loadedTrackId, player]);

  const chooseTrack = (id: number) => {
    latestChoice.current = id;
    if (loadedTrackId !== id) player.unload();
    setChosenTrackId(id);
  };

  // A cue cannot end after the recording as the library measured it. The media element may report a
  // few milliseconds more (an encoder's padding), so times read from the player are held inside it.
  const lengthMs = recording?.durationMs ?? null;
  const withinRecording = useCallback((ms: number) => (lengthMs === null ? ms : Math.min(ms, lengthMs)), [lengthMs]);

  const onMarker = useCallback(
    (playerMs: number) => {
      if (trackId === null) return;
      const atMs = withinRecording(playerMs);
      createCue.mutateAsync({ trackId, label: `Marker ${formatTrackTime(atMs, false)}`, startMs: atMs, endMs: atMs }).catch(notify.failed);
    },
    [trackId, createCue, notify, withinRecording]
  );
  usePlayerKeys(player, onMarker);

  const attach = async (file: File) => {
    if (!track) return;
    setProgress({ phase: 'sending', fraction: 0 });
    try {
      const attached = await attachRecording(track.id, file, setProgress);
      player.unload();
      // A new recording plays the track's cues (and may raise the question of a stand-in's cues).
      void invalidate('recordings', 'cues');
      setStandInQuestionFocused(attached.standInCues > 0);
      notify.success(
        `Attached “${attached.originalName}” to ${track.title} (${formatTrackTime(attached.durationMs, false)}, ${attached.codec}).`
      );
    } catch (error) {
      notify.failed(error);
    } finally {
      setProgress(null);
    }
  };

  const onDrop = (event: DragEvent) => {
    // A recording dropped here is for this track (the window then sees the drop as taken, and only
    // hides its overlay); a film page dropped here goes on to the window, which imports it.
    if (!track || draggedFileKind(event.dataTransfer) !== 'recording') return;
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file) void attach(file);
  };

  const canPlay = Boolean(recording?.available && loadedId === recording.id);
  const durationMs = canPlay ? playerDurationMs : (recording?.durationMs ?? 0);

  return (
    <section
      className={styles.workspace}
      aria-label="Score player"
      data-testid="score-player"
      // Shared keys (Space, L, ←/→) go to the player the person used last: inside here, the score's.
      data-transport="score"
      // Busy while the chosen recording loads: a cue asked for meanwhile plays once it has.
      aria-busy={loadedId !== null && !loaded}
      data-rate={rate}
      data-folded={room.folded || undefined}
      onDragOver={(e) => e.dataTransfer.types.includes('Files') && e.preventDefault()}
      onDrop={onDrop}
      {...{ [TAKES_RECORDINGS]: track?.title, [HAS_RECORDING]: recording ? '' : undefined }}
    >
      <Transport tracks={tracks} trackId={trackId} onChooseTrack={chooseTrack} canPlay={canPlay} durationMs={durationMs} />
      {!room.folded && (
        <Group
          className={styles.columns}
          orientation="horizontal"
          id="score-columns"
          defaultLayout={sizes.defaultLayout}
          onLayoutChanged={sizes.onLayoutChanged}
        >
          <Pane id="score-recording" minSize="320px">
            <div className={styles.recording}>
              {recording?.available ? (
                <Waveform
                  // A recording opens whole: the view of the last one is not this one's.
                  key={recording.id}
                  recordingId={recording.id}
                  peaks={peaks.data?.recordingId === recording.id ? peaks.data : undefined}
                  durationMs={durationMs}
                  canPlay={canPlay}
                  cues={cues.data ?? []}
                  onSeek={(ms) => canPlay && player.seek(ms)}
                  onPlayFrom={(ms) => {
                    if (!canPlay) return;
                    player.stopCue();
                    player.playFrom(ms);
                  }}
                  onLoopRange={(startMs, endMs) => canPlay && player.setLoop(startMs, withinRecording(endMs))}
                  onCueMoved={(cue, times) =>
                    updateCue
                      .mutateAsync({ cueId: cue.id, startMs: times.startMs, endMs: withinRecording(times.endMs) })
                      .catch(notify.failed)
                  }
                  onMarkRange={(startMs, endMs) =>
                    trackId !== null &&
                    createCue
                      .mutateAsync({
                        trackId,
                        label: `Cue ${formatTrackTime(startMs, false)}`,
                        startMs: withinRecording(startMs),
                        endMs: withinRecording(endMs)
                      })
                      .catch(notify.failed)
                  }
                />
              ) : (
                <div className={styles.noWaveform}>
                  {recording
                    ? `The file of this recording (${recording.originalName}) is missing from the library: relink it by attaching the file again.`
                    : 'No recording of this track yet. Attach one (OGG, MP3, FLAC, WAV or M4A), or drop the file here.'}
                </div>
              )}
              <RecordingStatus
                recording={recording}
                progress={progress}
                error={playerError}
                canAttach={track !== null && progress === null}
                onAttach={(file) => void attach(file)}
              />
            </div>
          </Pane>
          <PaneBorder between="columns" label="Resize the waveform and the cues" />
          <Pane id="score-cues" defaultSize="36%" minSize="280px">
            {trackId !== null && (
              <CuePanel
                filmId={film.id}
                recordingId={recording?.available ? recording.id : null}
                trackId={trackId}
                trackTitle={track?.title ?? ''}
                cues={cues.data ?? []}
                scenes={scenes}
                canPlay={canPlay}
                withinRecording={withinRecording}
                standInCues={recording?.standInCues ?? 0}
                standInQuestionFocused={standInQuestionFocused}
                onStandInCuesSettled={({ removed }) => {
                  setStandInQuestionFocused(false);
                  if (removed > 0)
                    notify.success(`Removed the ${removed} stand-in ${removed === 1 ? 'cue' : 'cues'} of ${track?.title ?? 'the track'}.`);
                }}
              />
            )}
          </Pane>
        </Group>
      )}
    </section>
  );
}
