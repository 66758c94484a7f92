import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { OpenFilm } from '../../../shared/domain';
import { handOnOpenedFilm, useRememberPlace } from './queries';
import { navigate, type Place } from '../navigation/place';

/**
 * A plain start (no film in the address) opens where the person left off: the library's
 * `films.open` chooses the film and the scene, and the address then names them (in place of the
 * empty one, so Back does not lead to an empty desk). Every film and scene the person moves to is
 * remembered for the next plain start. Remembering is a convenience: a library that cannot be
 * written (opened read-only) still works as a desk, so a refusal is only logged.
 */
export function usePlaceLeft(opened: OpenFilm | undefined, place: Place): void {
  const client = useQueryClient();
  const { mutate: rememberPlace } = useRememberPlace();
  useEffect(() => {
    if (place.filmId !== null || !opened?.film) return;
    handOnOpenedFilm(client, opened.film.id, opened);
    navigate({ ...place, filmId: opened.film.id, sceneId: place.sceneId ?? opened.sceneId }, { replace: true });
  }, [client, opened, place]);

  const filmId = opened?.film?.id === place.filmId ? place.filmId : null;
  const sceneId = opened?.scenes.some((scene) => scene.id === place.sceneId) ? place.sceneId : null;
  useEffect(() => {
    if (filmId === null) return;
    rememberPlace({ filmId, sceneId }, { onError: (error) => console.warn('Could not remember the place on the desk:', error) });
  }, [filmId, sceneId, rememberPlace]);
}
