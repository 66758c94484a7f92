import type { Cue } from '../../../shared/score';
import { useLibraryQuery } from '../data/library-query';
import { useNotify } from '../notices/notify';
import { useModalDialog } from '../ui/useModalDialog';
import { useAcceptFound } from './accept';
import { Candidate, useCandidatePlayer } from './Candidate';
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
  const player = useCandidatePlayer(recordingId);

  return (
    <dialog ref={dialog} className={`dialog ${styles.dialog}`} aria-labelledby="cue-finder-title" onClose={() => open && onClose()}>
      <h2 id="cue-finder-title" className="dialog-title">
        Where does “{cue.label}” sound in the film?
      </h2>
      {player.audio}
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
            <Candidate
              key={c.alignedMs}
              candidate={c}
              cue={cue}
              named={false}
              player={player}
              canPlayAlbum={recordingId !== null}
              onAccept={(chosen) => void accept([chosen])}
              onReject={(chosen) => reject.mutate({ cueId: cue.id, alignedMs: chosen.alignedMs }, { onError: notify.failed })}
            />
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
