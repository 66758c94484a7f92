import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import type { Film, Scene, Track } from '../../../shared/domain';
import { FilePicker } from '../ui/FilePicker';
import { draggedFileKind, HAS_RECORDING, TAKES_RECORDINGS } from '../ui/dropped-file';
import { useInvalidate } from '../data/library-query';
import { useNotify } from '../notices/notify';
import { CuePanel } from './CuePanel';
import { useCreateCue, useCues, usePeaks, useRecordings } from './queries';
import { SPEEDS } from './player';
import { useScore, usePlayerState } from './ScoreContext';
import { formatTrackTime } from '../../../shared/time-format';
import { attachRecording, type AttachProgress } from './upload';
import { usePlayerKeys } from './usePlayerKeys';
import { Waveform } from './Waveform';
import './score.css';

const ACCEPT = '.ogg,.oga,.opus,.mp3,.flac,.wav,.m4a,.aac,audio/*';

/**
 * The score player along the bottom of the window: a track of the film, its waveform and cues,
 * the transport, and attaching (or replacing) the track's recording.
 */
export function PlayerDock({ film, tracks, scenes }: { film: Film; tracks: Track[]; scenes: Scene[] }) {
  const { player, open } = useScore();
  const notify = useNotify();
  const invalidate = useInvalidate();
  const createCue = useCreateCue();
  const state = usePlayerState();
  const recordings = useRecordings(film.id);
  const [chosenTrackId, setChosenTrackId] = useState<number | null>(null);
  // The person's latest choice, read by the loading effect below: a choice made while an earlier
  // render's effect was still pending must win over the track that render showed.
  const latestChoice = useRef<number | null>(null);
  const trackId = state.now?.recording.trackId ?? chosenTrackId ?? tracks[0]?.id ?? null;
  const track = tracks.find((t) => t.id === trackId) ?? null;
  const recording = recordings.data?.find((r) => r.trackId === trackId) ?? null;
  const cues = useCues(trackId);
  const peaks = usePeaks(recording?.available ? recording.id : null);
  const [progress, setProgress] = useState<AttachProgress | null>(null);
  // The question about a replaced stand-in's cues takes the focus when the person's own attach asked
  // it, not when a reload finds it still open (then it waits in the cue panel, unanswered).
  const [standInQuestionFocused, setStandInQuestionFocused] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  // The chosen track's recording goes into the player, ready to play.
  const loadedId = state.now?.recording.id ?? null;
  useEffect(() => {
    if (!track) return;
    if (recording?.available && loadedId !== recording.id) {
      const staleTrack = loadedId === null && latestChoice.current !== null && latestChoice.current !== track.id;
      if (!staleTrack) open(recording, { track: track.title, film: film.title, composer: film.composer });
    } else if (!recording?.available && loadedId !== null) player.unload();
  }, [recording, track, film, open, player, loadedId]);

  // Another film was opened: its tracks do not include what is loaded.
  const loadedTrackId = state.now?.recording.trackId ?? null;
  useEffect(() => {
    if (loadedTrackId !== null && !tracks.some((t) => t.id === loadedTrackId)) player.unload();
  }, [tracks, loadedTrackId, player]);

  const chooseTrack = (id: number) => {
    latestChoice.current = id;
    if (state.now?.recording.trackId !== id) player.unload();
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

  const canPlay = Boolean(recording?.available && state.now?.recording.id === recording.id);
  const durationMs = canPlay ? state.durationMs : (recording?.durationMs ?? 0);
  const positionMs = canPlay ? state.positionMs : 0;

  return (
    <section
      className="score-dock"
      aria-label="Score player"
      data-transport="score"
      // Busy while the chosen recording loads: a cue asked for meanwhile plays once it has.
      aria-busy={state.now !== null && !state.loaded}
      data-rate={state.rate}
      onDragOver={(e) => e.dataTransfer.types.includes('Files') && e.preventDefault()}
      onDrop={onDrop}
      {...{ [TAKES_RECORDINGS]: track?.title, [HAS_RECORDING]: recording ? '' : undefined }}
    >
      <div className="dock-main">
        <div className="dock-transport">
          <select
            className="track-picker text-field"
            aria-label="Track"
            value={trackId ?? ''}
            onChange={(e) => chooseTrack(Number(e.target.value))}
          >
            {tracks.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="play-button"
            data-plays-score
            onClick={() => player.toggle()}
            disabled={!canPlay}
            aria-label={state.playing || state.resting ? 'Pause' : 'Play'}
            title="Play or pause (Space)"
          >
            {state.playing || state.resting ? '❚❚' : '▶'}
          </button>
          <span className="dock-time">
            <span className="elapsed" role="timer" aria-label="Elapsed" data-position-ms={positionMs}>
              {formatTrackTime(positionMs)}
            </span>
            <span className="muted"> / </span>
            <span className="total" aria-label="Total">
              {formatTrackTime(durationMs)}
            </span>
          </span>
          <input
            className="seek"
            type="range"
            aria-label="Seek"
            min={0}
            max={Math.max(1, durationMs)}
            step={100}
            value={positionMs}
            disabled={!canPlay}
            onChange={(e) => player.seek(Number(e.target.value))}
          />
          <label className="dock-control">
            <span>Speed</span>
            <select className="text-field" aria-label="Speed" value={state.rate} onChange={(e) => player.setRate(Number(e.target.value))}>
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
          </label>
          <label className="dock-control">
            <span>Volume</span>
            <input
              type="range"
              aria-label="Volume"
              min={0}
              max={1}
              step={0.05}
              value={state.volume}
              onChange={(e) => player.setVolume(Number(e.target.value))}
            />
          </label>
          <button
            type="button"
            className="button subtle small"
            aria-pressed={state.looping}
            onClick={() => player.toggleLoop()}
            disabled={!canPlay}
            title="Loop between [ and ] (L)"
          >
            Loop
            {state.loopStartMs !== null
              ? ` ${formatTrackTime(state.loopStartMs, false)}–${state.loopEndMs !== null ? formatTrackTime(state.loopEndMs, false) : '…'}`
              : ''}
          </button>
        </div>
        {recording?.available ? (
          <Waveform
            peaks={peaks.data?.recordingId === recording.id ? peaks.data : undefined}
            durationMs={durationMs}
            positionMs={positionMs}
            cues={cues.data ?? []}
            loop={{ startMs: state.loopStartMs, endMs: state.loopEndMs, on: state.looping }}
            activeCueId={state.cue?.cueId ?? null}
            onSeek={(ms) => canPlay && player.seek(ms)}
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
          <div className="waveform empty">
            {recording
              ? `The file of this recording (${recording.originalName}) is missing from the library: relink it by attaching the file again.`
              : 'No recording of this track yet. Attach one (OGG, MP3, FLAC, WAV or M4A), or drop the file here.'}
          </div>
        )}
        <div className="dock-status">
          <span className="dock-status-text" aria-live="polite">
            {progress ? (
              <>
                <span>{progress.phase === 'sending' ? 'Sending the file' : 'Reading the recording'}</span>
                <progress max={1} value={progress.fraction} aria-label="Attaching" />
                <span>{Math.round(progress.fraction * 100)}%</span>
              </>
            ) : state.error ? (
              <span className="inline-error">{state.error}</span>
            ) : (
              <span className="muted">
                {recording
                  ? `${recording.codec} · ${recording.sampleRate / 1000} kHz · ${recording.channels === 1 ? 'mono' : `${recording.channels} ch`} · `
                  : ''}
                Space play · ←/→ skip · [ ] loop marks · L loop · M marker
              </span>
            )}
          </span>
          <span className="dock-recording">
            {recording?.standIn && (
              <span className="badge" title="A synthesised stand-in: attach your own recording of the score to replace it">
                Stand-in
              </span>
            )}
            {recording && !recording.available && <span className="badge danger">File missing</span>}
            <button
              type="button"
              className="button small"
              onClick={() => fileInput.current?.click()}
              disabled={!track || progress !== null}
            >
              {recording ? (recording.available ? 'Replace recording…' : 'Relink recording…') : 'Attach recording…'}
            </button>
            <FilePicker
              ref={fileInput}
              accept={ACCEPT}
              label="Recording file"
              testId="recording-input"
              onFile={(file) => void attach(file)}
            />
          </span>
        </div>
      </div>
      {trackId !== null && (
        <CuePanel
          filmId={film.id}
          recordingId={recording?.available ? recording.id : null}
          trackId={trackId}
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
    </section>
  );
}
