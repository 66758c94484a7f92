import { useId } from 'react';
import { useNotify } from '../notices/notify';
import { useSettleStandInCues } from './queries';
import styles from './StandInCuesQuestion.module.css';

/**
 * Asked once a real recording has replaced a stand-in, and until answered (the library keeps the
 * question, so a reload does not lose it): the stand-in's cues are timed for its short synthesised
 * piece, so they are offered for removal, in one step, rather than kept unawares.
 */
export function StandInCuesQuestion({
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
    <div className={styles.question} role="group" aria-labelledby={questionId}>
      <p id={questionId}>
        Remove the {count} stand-in {count === 1 ? 'cue' : 'cues'}? {count === 1 ? 'It was' : 'They were'} timed for the stand-in, not for
        this recording.
      </p>
      <div className={styles.actions}>
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
