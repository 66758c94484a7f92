import { useEffect, type ReactNode } from 'react';
import { useKeymap } from '../keymap/keymap';
import { seekFilmWhenShown } from './film-clock';
import { FilmPicture } from './FilmPicture';
import type { PictureStart } from '../../../shared/picture-route';
import { useFilmVideo } from './video-queries';
import './video.css';

/**
 * The page of the picture's own window (`#/film/<id>/picture`): the film alone, its subtitle and its
 * transport, starting where the desk was. The desk drives it and reads its clock (picture-window.ts).
 */
export function PictureWindow({
  start,
  underPicture
}: {
  start: PictureStart;
  /** Shown under the picture: the subtitle at the playhead (from the subtitles folder, which reads the film's clock). */
  underPicture: ReactNode;
}) {
  const answer = useFilmVideo(start.filmId);
  const video = answer.data?.status === 'ready' ? answer.data : null;
  useKeymap();

  useEffect(() => {
    // Handed to the picture when its deck registers, which waits for the film's answer.
    seekFilmWhenShown(start.filmId, start.ms, { play: start.play });
  }, [start]);

  useEffect(() => {
    if (video) document.title = `${video.fileName} — Reelnotes`;
  }, [video]);

  return (
    <main className="picture-window" aria-label="Film picture" data-transport="film">
      {video ? (
        <FilmPicture video={video} underPicture={underPicture} alone />
      ) : (
        <p className="picture-window-message" role="status">
          {answer.error?.message ?? (answer.data ? 'The film’s file is not where it was: relink it on the desk.' : 'Opening the film…')}
        </p>
      )}
    </main>
  );
}
