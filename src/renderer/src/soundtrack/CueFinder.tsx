import { useRef } from 'react';
import { mediaUrl } from '../../../shared/media-url';
import type { Cue } from '../../../shared/score';
import type { CueCandidate } from '../../../shared/soundtrack';
import { formatPreciseFilmTime as preciseTime } from '../../../shared/time-format';
import { isDesktop } from '../api';
import { useLibraryQuery } from '../data/library-query';
import { playFilmSpan } from '../films/film-clock';
import { useNotify } from '../notices/notify';
import { useModalDialog } from '../ui/useModalDialog';
import { useAcceptFound } from './accept';
import { useAnalyseSoundtrack, useCancelAnalysis, useRejectCandidate, useSoundtrackAnalysis } from './queries';
import styles from './CueFinder.module.css';

interface Props {
  open: boolean;
  filmId: number;
  cue: Cue;
  /** The cue's recording, played beside the film; null while its track has none. */
  recordingId: number | null;
  onClose: () => void;
}

/**
 * "Where does this cue sound?": the film's soundtrack analysed once (with progress, cancellable; the
 * desk stays usable), then the candidates best first, each to be heard in the film and in the album
 * side by side before the person keeps or rejects it.
 */
export function CueFinder({ open, filmId, cue, recordingId, onClose }: Props) {
  const dialog = useModalDialog(open);
  const notify = useNotify();
  const analysis = useSoundtrackAnalysis(filmId).data;
  const analyse = useAnalyseSoundtrack();
  const cancel = useCancelAnalysis();
  const ready = analysis?.state === 'ready';
  const candidates = useLibraryQuery('soundtrack.findCue', open && ready ? { cueId: cue.id } : null);
  const reject = useRejectCandidate();
  const accept = useAcceptFound();
  const album = useRef<HTMLAudioElement>(null);
  const albumEnd = useRef(0);

  const playFilm = (c: CueCandidate) => {
    album.current?.pause();
    if (!playFilmSpan(c.filmFromMs, c.filmToMs)) notify.failed(new Error('Show the film on the desk to hear it there.'));
  };
  const playAlbum = (c: CueCandidate) => {
    const audio = album.current;
    if (!audio) return;
    audio.currentTime = (cue.startMs + c.cueFromMs) / 1000;
    albumEnd.current = (cue.startMs + c.cueToMs) / 1000;
    void audio.play().catch(notify.failed);
  };

  return (
    <dialog ref={dialog} className={`dialog ${styles.dialog}`} aria-labelledby="cue-finder-title" onClose={() => open && onClose()}>
      <h2 id="cue-finder-title" className="dialog-title">
        Where does “{cue.label}” sound in the film?
      </h2>
      {recordingId !== null && (
        <audio
          ref={album}
          src={mediaUrl(recordingId, isDesktop)}
          preload="none"
          onTimeUpdate={(event) => {
            if (event.currentTarget.currentTime >= albumEnd.current) event.currentTarget.pause();
          }}
        />
      )}
      {analysis?.state === 'analysing' ? (
        <div className={styles.progress}>
          <label htmlFor="cue-finder-progress">Listening to the film’s {analysis.sound}…</label>
          <progress id="cue-finder-progress" max={1} value={analysis.fraction} />
          <span className="muted">{Math.round(analysis.fraction * 100)}%</span>
          <button type="button" className="button subtle" onClick={() => cancel.mutate({ filmId }, { onError: notify.failed })}>
            Cancel
          </button>
        </div>
      ) : !ready ? (
        <div className={styles.progress}>
          {analysis?.state === 'failed' && <p role="alert">{analysis.message}</p>}
          <p className="muted">
            The cue finder listens to the film’s soundtrack once (a few minutes for a feature film), then finds any cue in it.
          </p>
          <button type="button" className="button primary" onClick={() => analyse.mutate({ filmId }, { onError: notify.failed })}>
            Analyse the film’s soundtrack
          </button>
        </div>
      ) : candidates.isError ? (
        <p role="alert">{candidates.error.message}</p>
      ) : !candidates.data ? (
        <p className="muted">Listening for the cue…</p>
      ) : candidates.data.length === 0 ? (
        <p>No place in the film sounds like this cue.</p>
      ) : (
        <ol className={styles.candidates} aria-label="Candidates, best first">
          {candidates.data.map((c) => (
            <li key={c.alignedMs} className={styles.candidate} aria-label={`Candidate at ${preciseTime(c.filmFromMs)}`}>
              <span className={styles.time}>{preciseTime(c.filmFromMs)}</span>
              <span className={c.confident ? styles.confident : 'muted'}>
                {Math.round(c.confidence * 100)}% {c.confident ? 'found' : 'a guess'}
                {Math.abs(c.speed - 1) >= 0.01
                  ? `, ${c.speed > 1 ? 'faster' : 'slower'} by ${(Math.abs(c.speed - 1) * 100).toFixed(1)}%`
                  : ''}
              </span>
              <span className={styles.actions}>
                <button type="button" className="button subtle small" onClick={() => playFilm(c)}>
                  ▶ Film
                </button>
                <button type="button" className="button subtle small" disabled={recordingId === null} onClick={() => playAlbum(c)}>
                  ▶ Album
                </button>
                <button
                  type="button"
                  className="button subtle small"
                  onClick={() => void accept([c])}
                  aria-label={`Accept the candidate at ${preciseTime(c.filmFromMs)}: place the cue there`}
                >
                  Accept
                </button>
                <button
                  type="button"
                  className="button subtle small danger"
                  onClick={() => reject.mutate({ cueId: cue.id, alignedMs: c.alignedMs }, { onError: notify.failed })}
                  aria-label={`Reject the candidate at ${preciseTime(c.filmFromMs)}`}
                >
                  Reject
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="form-actions">
        <button type="button" className="button subtle" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
