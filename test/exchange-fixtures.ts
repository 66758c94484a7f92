import { dispatch } from '../src/core/dispatch';
import { listFilms } from '../src/core/films/films';
import { seedDefaultLibrary } from '../src/core/library/default-library';
import { listScenes } from '../src/core/scenes/scenes';
import { listTracks } from '../src/core/tracks/tracks';
import { filmsDir, tempLibrary } from './temp-library';

/** The Red Shoes in a fresh library, with a caller that throws the library's refusal. */
export function redShoesLibrary() {
  const library = tempLibrary();
  seedDefaultLibrary(library, filmsDir);
  const filmId = listFilms(library.db)[0].id;
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const outcome = await dispatch(library, method, input);
    if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { code: outcome.error.code });
    return outcome.result as T;
  };
  /** Every row a study import may write, to show that a refused one wrote none. */
  const footprint = () =>
    ['scenes', 'annotations', 'cues', 'cue_scenes', 'tags', 'taggings']
      .map((table) => `${table}:${JSON.stringify(library.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all())}`)
      .join('\n');
  return { library, filmId, scenes: listScenes(library.db, filmId), tracks: listTracks(library.db, filmId), call, footprint };
}

/** A study with something of every kind: notes on the film, on scenes (timed, tagged, multi-line) and on a cue; cues linked to scenes. */
export async function annotatedRedShoes() {
  const film = redShoesLibrary();
  const { filmId, scenes, tracks, call } = film;
  const onFilm = await call<{ id: number }>('notes.create', {
    target: { kind: 'film', id: filmId },
    body: 'A film about art, "and" life',
    filmTimeMs: null
  });
  await call('tags.attach', { target: { kind: 'annotation', id: onFilm.id }, name: 'theme/art' });
  const audition = await call<{ id: number }>('notes.create', {
    target: { kind: 'scene', id: scenes[0].id },
    body: '## The leap\n\nShe flies; the room, silent,\tholds.',
    filmTimeMs: 5_025_250
  });
  await call('tags.attach', { target: { kind: 'annotation', id: audition.id }, name: 'Dance' });
  await call('tags.attach', { target: { kind: 'annotation', id: audition.id }, name: 'camera/crane' });
  await call('notes.create', { target: { kind: 'scene', id: scenes[2].id }, body: '  indented first line', filmTimeMs: 61_000 });
  await call('tags.attach', { target: { kind: 'scene', id: scenes[1].id }, name: 'Dance' });
  const cue = await call<{ id: number }>('cues.create', {
    trackId: tracks[0].id,
    label: 'Shoes motif',
    startMs: 1_500,
    endMs: 9_250,
    sceneIds: [scenes[0].id, scenes[3].id]
  });
  await call('tags.attach', { target: { kind: 'cue', id: cue.id }, name: 'leitmotif' });
  await call('cues.create', { trackId: tracks[1].id, label: 'Marker', startMs: 12_000, endMs: 12_000 });
  await call('notes.create', { target: { kind: 'cue', id: cue.id }, body: 'Horns first', filmTimeMs: null });
  return film;
}
