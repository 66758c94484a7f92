import type { HandlersOf } from '../handler-types';
import { getScene, listScenes, setSceneSpan, updateScene } from './scenes';

/** scenes.*: a film's scenes and their edits. */
export const sceneHandlers: HandlersOf<'scenes'> = {
  'scenes.list': ({ filmId }, { db }) => listScenes(db, filmId),
  'scenes.get': ({ sceneId }, { db }) => getScene(db, sceneId),
  'scenes.update': (changes, { db }) => updateScene(db, changes),
  'scenes.setSpan': (span, { db }) => setSceneSpan(db, span)
};
