import type { HandlersOf } from '../handler-types';
import { createPlacement, deletePlacement, placementsInRange, placementsInScene, placementsOfCue, updatePlacement } from './placements';

/** placements.*: where the cues of the score sound in the film. */
export const placementHandlers: HandlersOf<'placements'> = {
  'placements.forCue': ({ cueId }, { db }) => placementsOfCue(db, cueId),
  'placements.forScene': ({ sceneId }, { db }) => placementsInScene(db, sceneId),
  'placements.inRange': ({ filmId, fromMs, toMs }, { db }) => placementsInRange(db, filmId, fromMs, toMs),
  'placements.create': (input, { db }) => createPlacement(db, input),
  'placements.update': ({ placementId, startMs, endMs }, { db }) => updatePlacement(db, placementId, startMs, endMs),
  'placements.delete': ({ placementId }, { db }) => deletePlacement(db, placementId)
};
