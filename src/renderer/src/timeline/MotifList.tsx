import type { MotifOccurrence } from '../../../shared/timeline';
import { formatFrameTime } from '../../../shared/time-format';
import { playFilmSpan } from '../films/film-clock';
import { FILM_NOT_ON_DESK, playheadOf } from '../films/playhead';
import { useNotify } from '../notices/notify';
import { useLibraryQuery } from '../data/library-query';
import styles from './Timeline.module.css';

const kinds = { scene: 'Scene', note: 'Note', placement: 'Cue', subtitle: 'Subtitle' } as const;

/**
 * A motif followed from its first bar to its last: every scene, note and placed cue carrying the tag, in
 * film order, each with the scene it falls in and a button that plays the film there; first and last
 * appearance and the minutes of the film it covers.
 */
export function MotifList({
  filmId,
  tag,
  frameMs,
  onClose
}: {
  filmId: number;
  tag: { id: number; name: string };
  frameMs: number;
  onClose: () => void;
}) {
  const motif = useLibraryQuery('timeline.motif', { filmId, tagId: tag.id }).data;
  const notify = useNotify();
  const time = (ms: number) => formatFrameTime(ms, frameMs);
  const play = (occurrence: MotifOccurrence) => {
    const end = occurrence.endMs > occurrence.startMs ? occurrence.endMs : Number.POSITIVE_INFINITY;
    if (playheadOf(filmId) === null || !playFilmSpan(occurrence.startMs, end)) notify.failed(FILM_NOT_ON_DESK);
  };
  const minutes = motif ? (motif.coveredMs / 60_000).toFixed(motif.coveredMs < 600_000 ? 1 : 0) : '0';
  return (
    <section className={styles.motif} aria-label={`Following ${tag.name}`}>
      <div className={styles.motifHeader}>
        <h3 className="section-label">Following {tag.name}</h3>
        <button type="button" className="button subtle" onClick={onClose}>
          Close
        </button>
      </div>
      {motif && motif.firstMs !== null && motif.lastMs !== null ? (
        <p className={styles.motifSummary} data-testid="motif-summary">
          {motif.occurrences.length}
          {motif.more ? '+' : ''} appearances, first at {time(motif.firstMs)}, last until {time(motif.lastMs)}; {minutes} minutes of the
          film
        </p>
      ) : (
        <p className="hint">Nothing carrying {tag.name} has a film time yet.</p>
      )}
      <ol className={styles.motifList}>
        {motif?.occurrences.map((occurrence) => (
          <li key={`${occurrence.kind}:${occurrence.id}`}>
            <button
              type="button"
              className="icon-button"
              data-plays-film
              onClick={() => play(occurrence)}
              aria-label={`Play the film at ${occurrence.title}, ${time(occurrence.startMs)}`}
            >
              ▶
            </button>
            <span className={styles.motifTime}>{time(occurrence.startMs)}</span>
            <span className={styles.motifText}>
              {kinds[occurrence.kind]}: {occurrence.title}
              {occurrence.sceneTitle && occurrence.kind !== 'scene' ? ` · in ${occurrence.sceneTitle}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
