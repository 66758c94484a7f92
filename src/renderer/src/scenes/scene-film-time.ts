import type { Scene } from '../../../shared/domain';
import { playFilmSpan, seekFilm } from '../films/film-clock';
import { playheadOf } from '../films/playhead';

/** Only the film whose picture is on the desk can be moved by this scene's times. */
const sceneFilmOnDesk = (scene: Scene) => playheadOf(scene.filmId) !== null;

/** Choosing a scene with a start brings the film there; a scene without times leaves the film where it is. */
export function seekToScene(scene: Scene | undefined): void {
  if (scene && scene.startMs !== null && sceneFilmOnDesk(scene)) seekFilm(scene.startMs);
}

/** Plays the scene's span once; false when it has no whole span or its film is not on the desk. */
export function playScene(scene: Scene): boolean {
  if (scene.startMs === null || scene.endMs === null || !sceneFilmOnDesk(scene)) return false;
  return playFilmSpan(scene.startMs, scene.endMs);
}
