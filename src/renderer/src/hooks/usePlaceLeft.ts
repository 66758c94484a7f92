import { useEffect, useState } from 'react';
import type { OpenFilm } from '../../../shared/domain';
import { useRememberPlace } from '../films/queries';

/**
 * Reopens the scene the person left (the library's `films.open` already chose the film), then
 * remembers every film and scene they move to. Remembering is a convenience: a library that cannot
 * be written (opened read-only) still works as a desk, so a refusal is only logged.
 */
export function usePlaceLeft(opened: OpenFilm | undefined, filmChosen: boolean, sceneId: number | null, setSceneId: (id: number | null) => void): void {
  const [restored, setRestored] = useState(false);
  const { mutate: rememberPlace } = useRememberPlace();
  // Once, with the first answer, and only if the person has not already chosen elsewhere.
  if (!restored && opened) {
    setRestored(true);
    if (!filmChosen && sceneId === null) setSceneId(opened.sceneId);
  }
  const filmId = opened?.film?.id ?? null;
  useEffect(() => {
    if (!restored || filmId === null) return;
    rememberPlace({ filmId, sceneId }, { onError: (error) => console.warn('Could not remember the place on the desk:', error) });
  }, [restored, filmId, sceneId, rememberPlace]);
}
