import { useFilmClock } from '../films/film-clock';
import { lineAt } from '../../../shared/subtitle-at-time';
import { useSubtitleLines } from './queries';
import { useShownSubtitles } from './shown-subtitles';
import styles from './Subtitles.module.css';

/**
 * The subtitle at the film's playhead, for the film pane to show under the picture: the track the
 * person chose for this film, found by film time on each frame the clock publishes.
 */
export function SubtitleLine({ filmId }: { filmId: number }) {
  const clock = useFilmClock();
  const trackId = useShownSubtitles(filmId);
  const lines = useSubtitleLines(trackId);
  if (clock.filmId !== filmId || trackId === null) return null;
  const line = lines.data ? lineAt(lines.data, clock.timeMs) : null;
  return (
    <div className={styles.line} aria-label="Subtitle" role="region">
      {line && <p className={styles.text}>{line.text}</p>}
    </div>
  );
}
