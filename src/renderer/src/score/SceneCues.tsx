import { useSceneCues } from './queries';
import { useScore, usePlayerValue } from './ScoreContext';
import { formatTrackTime } from '../../../shared/time-format';
import './score.css';

/** The cues linked to a scene, each playable in one click. */
export function SceneCues({ sceneId }: { sceneId: number }) {
  const { playCue } = useScore();
  const playingCueId = usePlayerValue((state) => state.cue?.cueId ?? null);
  const cues = useSceneCues(sceneId);
  const list = cues.data ?? [];
  if (list.length === 0) return null;
  return (
    <section className="scene-cues" aria-labelledby="scene-cues-heading">
      <h3 id="scene-cues-heading" className="section-label">
        Cues in the score
      </h3>
      <ul className="scene-cue-list">
        {list.map((cue) => (
          <li key={cue.id} className={`scene-cue${playingCueId === cue.id ? ' playing' : ''}`}>
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
            <span className="cue-swatch" style={{ background: cue.colour }} aria-hidden="true" />
            <span className="scene-cue-text">
              <span className="cue-label">{cue.label}</span>
              <span className="cue-times">
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
