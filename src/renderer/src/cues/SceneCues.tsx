import { formatTrackTime } from '../../../shared/time-format';
import { useScore, usePlayerValue } from '../player/ScoreContext';
import { CueSwatch } from './CueSwatch';
import { useSceneCues } from './queries';
import cueText from './cue-text.module.css';
import styles from './SceneCues.module.css';

/** The cues linked to a scene, each playable in one click. */
export function SceneCues({ sceneId }: { sceneId: number }) {
  const { playCue } = useScore();
  const playingCueId = usePlayerValue((state) => state.cue?.cueId ?? null);
  const cues = useSceneCues(sceneId);
  const list = cues.data ?? [];
  if (list.length === 0) return null;
  return (
    <section className={styles.sceneCues} aria-labelledby="scene-cues-heading">
      <h3 id="scene-cues-heading" className="section-label">
        Cues in the score
      </h3>
      <ul className={styles.list}>
        {list.map((cue) => (
          <li key={cue.id} className={styles.cue} data-playing={playingCueId === cue.id || undefined}>
            <button
              type="button"
              className="icon-button"
              onClick={() => void playCue(cue)}
              data-plays-score
              disabled={cue.recordingId === null}
              aria-label={`Play cue ${cue.label}`}
              title={cue.recordingId === null ? 'Attach a recording to this track to play it' : 'Play this cue'}
            >
              ▶
            </button>
            <CueSwatch colour={cue.colour} />
            <span className={cueText.text}>
              <span className={cueText.label}>{cue.label}</span>
              <span className={cueText.times}>
                {cue.trackTitle} · {formatTrackTime(cue.startMs, false)}
                {cue.endMs > cue.startMs ? `–${formatTrackTime(cue.endMs, false)}` : ''}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
