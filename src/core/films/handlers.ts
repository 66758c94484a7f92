import type { HandlersOf } from '../handler-types';
import { getFilm, listFilmLines, listFilms, openFilm, rememberPlace, setFilmLineTime } from './films';
import { studyWithFrames } from './study-frames';

/** films.*: the film list, the film a person opens and its Markdown study export. */
export const filmHandlers: HandlersOf<'films'> = {
  'films.list': (_input, { db }) => listFilms(db),
  'films.open': ({ filmId }, { db }) => openFilm(db, filmId),
  'films.rememberPlace': ({ filmId, sceneId }, { db }) => rememberPlace(db, { filmId, sceneId }),
  'films.get': ({ filmId }, { db }) => getFilm(db, filmId),
  'films.lines': ({ filmId }, { db }) => listFilmLines(db, filmId),
  'films.setLineTime': ({ lineId, filmTimeMs }, { db }) => setFilmLineTime(db, lineId, filmTimeMs),
  'films.exportMarkdown': ({ filmId }, library) => {
    const { fileName, text, frames } = studyWithFrames(library, filmId);
    return { fileName, text, frames: frames.map((frame) => frame.sha256) };
  }
};
