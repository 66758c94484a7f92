import { useEffect, useRef } from 'react';
import type { FilmVideo } from '../../../shared/video';
import { useCommand } from '../keymap/keymap';
import { FilmTransport, useFilmKeys } from './FilmTransport';
import { attachPictureBack, remotePicture, type PictureAway } from './picture-window';

/**
 * What the desk shows while the film's picture is in its own window: where it is, the way to bring
 * it back, and the same transport and keys, which drive the picture in its window.
 */
export function PictureElsewhere({ video, away }: { video: FilmVideo; away: PictureAway }) {
  const controls = remotePicture();
  const box = useRef<HTMLDivElement>(null);
  useFilmKeys(controls, () => true);
  useCommand('picture-window', () => attachPictureBack());
  // The ⧉ button that had the focus is gone with the desk's picture: the focus goes to the same
  // transport here (Space then plays and pauses the picture in its window, as it did), and the pane,
  // scrolled down to a tall picture, brings this shorter box into view.
  useEffect(() => {
    if (document.activeElement === document.body) {
      box.current?.querySelector<HTMLButtonElement>('.film-transport button')?.focus({ preventScroll: true });
    }
    box.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <div className="film-picture" ref={box}>
      <div className="film-picture-elsewhere" role="status">
        <p>{away.open ? 'The picture is in its own window.' : 'Opening the picture’s window…'}</p>
        <button type="button" className="button" onClick={() => attachPictureBack()} disabled={!away.open}>
          Attach back
        </button>
      </div>
      <FilmTransport filmId={video.filmId} controls={controls} frameMs={1000 / video.frameRate} durationMs={video.durationMs} />
    </div>
  );
}
