import { useId, useState } from 'react';
import type { Cue } from '../../../shared/score';
import type { CueCandidate } from '../../../shared/soundtrack';
import { useNotify } from '../notices/notify';
import { useModalDialog } from '../ui/useModalDialog';
import { useAcceptFound } from './accept';
import { Candidate, useCandidatePlayer } from './Candidate';
import { useCancelTrackSearch, useFindTrack, useRejectCandidate, useTrackSearch } from './queries';
import styles from './CueFinder.module.css';

interface Props {
  open: boolean;
  trackId: number;
  trackTitle: string;
  cues: Cue[];
  /** The track's recording, played beside the film. */
  recordingId: number;
  onClose: () => void;
}

/** The finder's own threshold, offered as the first "accept all above". */
const CONFIDENT_PERCENT = 90;

/**
 * "Find every cue of this track in the film": one job on the library's side (the soundtrack analysed
 * if it is not yet, then each cue; progress, Cancel; the dialog may be closed and opened again while
 * it runs), ending in one list, most confident first, to hear and accept or reject candidate by
 * candidate, or to accept all above a confidence the person chooses. Nothing is placed without an accept.
 */
export function TrackFinder({ open, trackId, trackTitle, cues, recordingId, onClose }: Props) {
  const dialog = useModalDialog(open);
  const notify = useNotify();
  const search = useTrackSearch(trackId).data;
  const find = useFindTrack();
  const cancel = useCancelTrackSearch();
  const reject = useRejectCandidate();
  const accept = useAcceptFound();
  const player = useCandidatePlayer(recordingId);
  const [abovePercent, setAbovePercent] = useState(CONFIDENT_PERCENT);
  const aboveId = useId();
  const cueOf = new Map(cues.map((c) => [c.id, c]));
  const listed = (search?.candidates ?? []).filter((c) => cueOf.has(c.cueId));
  const above = listed.filter((c) => c.confidence * 100 >= abovePercent);
  const running = search?.state === 'analysing' || search?.state === 'searching';
  const start = () => find.mutate({ trackId }, { onError: notify.failed });

  return (
    <dialog
      ref={dialog}
      className={`dialog ${styles.dialog} ${styles.wide}`}
      aria-labelledby="track-finder-title"
      onClose={() => open && onClose()}
    >
      <h2 id="track-finder-title" className="dialog-title">
        Every cue of “{trackTitle}” in the film
      </h2>
      {player.audio}
      {running ? (
        <div className={styles.progress}>
          <label htmlFor="track-finder-progress">
            {search.state === 'analysing'
              ? `Listening to the film’s soundtrack first… ${Math.round(search.fraction * 100)}%`
              : `Searching cue ${Math.min(search.searched + 1, search.cues)} of ${search.cues}`}
          </label>
          <progress
            id="track-finder-progress"
            max={1}
            value={search.state === 'analysing' ? search.fraction : search.searched / Math.max(1, search.cues)}
          />
          <button type="button" className="button subtle" onClick={() => cancel.mutate({ trackId }, { onError: notify.failed })}>
            Cancel
          </button>
        </div>
      ) : (
        <div className={styles.progress}>
          {search?.state === 'failed' && <p role="alert">{search.message}</p>}
          {search?.state === 'cancelled' && (
            <p>
              Cancelled after {search.searched} of {search.cues} cues.
            </p>
          )}
          {search?.state === 'done' && (
            <p className="muted">
              {search.searched} cues searched{search.tooShort > 0 ? `; ${search.tooShort} shorter than two seconds left out` : ''}.
            </p>
          )}
          {search?.state === 'none' && (
            <p className="muted">
              Every cue of the track is searched in the film’s soundtrack (analysed first if it is not yet); you review what is found before
              anything is placed.
            </p>
          )}
          <button type="button" className={`button ${search?.state === 'none' ? 'primary' : 'subtle'}`} onClick={start}>
            {search?.state === 'none' ? 'Find every cue in the film' : 'Search again'}
          </button>
        </div>
      )}
      {listed.length > 0 && (
        <>
          <div className={styles.acceptAbove}>
            <label htmlFor={aboveId}>Accept all at or above</label>
            <input
              id={aboveId}
              className="text-field"
              type="number"
              min={0}
              max={100}
              step={1}
              value={abovePercent}
              onChange={(event) => setAbovePercent(Math.max(0, Math.min(100, Number(event.target.value) || 0)))}
            />
            <span>%</span>
            <button
              type="button"
              className="button subtle"
              disabled={above.length === 0}
              onClick={() => void accept(above)}
              aria-label={`Accept all ${above.length} at or above ${abovePercent}%`}
            >
              Accept {above.length}
            </button>
          </div>
          <ol className={styles.candidates} aria-label="Candidates, most confident first">
            {listed.map((c: CueCandidate) => (
              <Candidate
                key={`${c.cueId}:${c.alignedMs}`}
                candidate={c}
                cue={cueOf.get(c.cueId)!}
                named
                player={player}
                canPlayAlbum
                onAccept={(chosen) => void accept([chosen])}
                onReject={(chosen) => reject.mutate({ cueId: chosen.cueId, alignedMs: chosen.alignedMs }, { onError: notify.failed })}
              />
            ))}
          </ol>
        </>
      )}
      <div className="form-actions">
        <button type="button" className="button subtle" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
