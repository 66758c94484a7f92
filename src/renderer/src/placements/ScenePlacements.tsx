import { useId, useState, type FormEvent } from 'react';
import { useQueries } from '@tanstack/react-query';
import type { Scene, Track } from '../../../shared/domain';
import { foundWords, type PlacedCue } from '../../../shared/placements';
import { formatFrameTime, readFilmTime, UNKNOWN_FRAME_MS } from '../../../shared/time-format';
import { call } from '../api';
import { CueSwatch } from '../cues/CueSwatch';
import { queryKeyOf } from '../data/library-query';
import { useFilmClock } from '../films/film-clock';
import { FILM_NOT_ON_DESK, playheadOf } from '../films/playhead';
import { useNotify } from '../notices/notify';
import { usePlaceCue, usePlaceCueKey } from './place-cue';
import { usePlayPlacement } from './play-placement';
import { useDeletePlacement, useScenePlacements } from './queries';
import styles from './ScenePlacements.module.css';

/**
 * The cues placed inside a scene's span (where the score sounds in it), each playable in the film or
 * as its recording over the muted picture, and a form that places one of the film's cues: at a typed
 * time or at the film's playhead.
 */
export function ScenePlacements({ scene, tracks }: { scene: Scene; tracks: Track[] }) {
  const placements = useScenePlacements(scene.id).data ?? [];
  const clock = useFilmClock();
  const frameMs = (clock.filmId === scene.filmId ? clock.frameMs : null) ?? UNKNOWN_FRAME_MS;
  const play = usePlayPlacement();
  const remove = useDeletePlacement();
  const notify = useNotify();
  usePlaceCueKey(scene.filmId);
  const span = (p: PlacedCue) => `${formatFrameTime(p.startMs, frameMs)}–${formatFrameTime(p.endMs, frameMs)}`;

  return (
    <section className={styles.placements} aria-labelledby="scene-placements-heading">
      <h3 id="scene-placements-heading" className="section-label">
        Cues placed in this scene
      </h3>
      {scene.startMs === null ? (
        <p className="hint">Give the scene a start and an end to see the cues placed in it.</p>
      ) : placements.length === 0 ? (
        <p className="hint">No cue is placed in this scene’s span yet.</p>
      ) : (
        <ul className={styles.list} aria-label="Cues placed in this scene">
          {placements.map((p) => (
            <li key={p.id} className={styles.placement}>
              <button
                type="button"
                className="icon-button"
                data-plays-film
                onClick={() => play.inFilm(p)}
                aria-label={`Play the film at ${p.label}`}
                title="Play the film here"
              >
                ▶
              </button>
              <button
                type="button"
                className="icon-button"
                data-plays-score
                disabled={p.recordingId === null}
                onClick={() => play.overFilm(p)}
                aria-label={`Play the recording of ${p.label} over the muted film`}
                title={
                  p.recordingId === null
                    ? 'Attach a recording to this track to hear it over the film'
                    : 'Hear the recording over the muted film'
                }
              >
                ♫
              </button>
              <CueSwatch colour={p.colour} />
              <span className={styles.text}>
                <span className={styles.label}>{p.label}</span>
                <span className={styles.times} data-testid="placement-span">
                  {span(p)} · {p.trackTitle}
                  {p.foundConfidence !== null && ` · ${foundWords(p.foundConfidence)}`}
                </span>
              </span>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove the placement of ${p.label} at ${formatFrameTime(p.startMs, frameMs)}`}
                title="Remove this placement"
                onClick={() => remove.mutateAsync({ placementId: p.id }).catch(notify.failed)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <PlaceCueForm scene={scene} tracks={tracks} frameMs={frameMs} />
    </section>
  );
}

/** One of the film's cues placed at a typed time (hh:mm:ss.ff, mm:ss or seconds) or at the playhead. */
function PlaceCueForm({ scene, tracks, frameMs }: { scene: Scene; tracks: Track[]; frameMs: number }) {
  const cueLists = useQueries({
    queries: tracks.map((track) => ({
      queryKey: queryKeyOf('cues.list', { trackId: track.id }),
      queryFn: () => call('cues.list', { trackId: track.id })
    }))
  });
  const [cueId, setCueId] = useState('');
  const [at, setAt] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const place = usePlaceCue();
  const notify = useNotify();
  const errorId = useId();
  const withCues = tracks.map((track, i) => ({ track, cues: cueLists[i]?.data ?? [] })).filter((t) => t.cues.length > 0);
  if (withCues.length === 0) return null;

  const placeAt = (ms: number) => {
    if (!cueId) return setProblem('Choose the cue to place.');
    setProblem(null);
    void place(Number(cueId), ms).then((placed) => placed && setAt(''));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const reading = readFilmTime(at || (scene.startMs === null ? '' : formatFrameTime(scene.startMs, frameMs)), frameMs);
    if (reading === null) return setProblem('Type the film time to place the cue at, or place it at the playhead.');
    if ('problem' in reading) return setProblem(reading.problem);
    placeAt(reading.ms);
  };
  const atPlayhead = () => {
    const ms = playheadOf(scene.filmId);
    if (ms === null) return notify.failed(FILM_NOT_ON_DESK);
    placeAt(ms);
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} aria-label="Place a cue in the film">
      <label className={styles.field}>
        <span>Cue</span>
        <select className="text-field" value={cueId} onChange={(event) => setCueId(event.target.value)}>
          <option value="">Choose a cue…</option>
          {withCues.map(({ track, cues }) => (
            <optgroup key={track.id} label={track.title}>
              {cues.map((cue) => (
                <option key={cue.id} value={cue.id}>
                  {cue.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        <span>At</span>
        <input
          className="text-field"
          value={at}
          placeholder={scene.startMs === null ? 'hh:mm:ss.ff' : formatFrameTime(scene.startMs, frameMs)}
          onChange={(event) => setAt(event.target.value)}
          aria-invalid={problem !== null}
          aria-describedby={problem ? errorId : undefined}
        />
      </label>
      <button type="submit" className="button subtle">
        Place
      </button>
      <button type="button" className="button subtle" onClick={atPlayhead} title="P places the cue you last played in the score">
        At the playhead
      </button>
      {problem && (
        <p id={errorId} className="field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
