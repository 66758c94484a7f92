import {
  useEffect,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactNode
} from 'react';
import { filmMediaUrl } from '../../../shared/media-url';
import type { FilmVideo } from '../../../shared/video';
import { isDesktop } from '../api';
import { useCommand } from '../keymap/keymap';
import { useNotify } from '../notices/notify';
import { publishFilmClock, registerFilmPlayer } from './film-clock';
import { FilmDeck } from './film-deck';
import { FilmTransport, useFilmKeys } from './FilmTransport';
import { openPictureWindow, servePicture } from './picture-window';

const HEIGHT_KEY = 'reelnotes.filmPictureHeight';
const MIN_HEIGHT = 120;
const DEFAULT_HEIGHT = 260;

/** The picture's height, as the person left it (the window's height bounds it when drawn). */
function rememberedHeight(): number {
  const stored = Number(localStorage.getItem(HEIGHT_KEY));
  return Number.isFinite(stored) && stored >= MIN_HEIGHT ? stored : DEFAULT_HEIGHT;
}

/**
 * The picture and its transport (FilmTransport.tsx): speed 0.25–2× with the pitch kept,
 * picture-in-picture, and a handle to make the picture taller or shorter. The FilmDeck is registered
 * with film-clock.ts, through which the rest of the desk reads and moves film time. `alone`: the
 * picture fills a window of its own (picture-window.ts), serves the desk's moves and reports its
 * clock there, and offers to attach back instead of opening a window.
 */
export function FilmPicture({
  video,
  underPicture,
  alone = false
}: {
  video: FilmVideo;
  /** Shown under the picture: the subtitle at the playhead. */ underPicture?: ReactNode;
  alone?: boolean;
}) {
  const element = useRef<HTMLVideoElement>(null);
  const sound = useRef<HTMLAudioElement>(null);
  const [deck, setDeck] = useState<FilmDeck | null>(null);
  const [height, setHeight] = useState(rememberedHeight);
  const [inPicture, setInPicture] = useState(false);
  const notify = useNotify();
  const frameMs = 1000 / video.frameRate;
  const converted = video.convertedAudioTrack !== null;

  useEffect(() => {
    const media = element.current;
    if (!media) return;
    const made = new FilmDeck(media, { filmId: video.filmId, durationMs: video.durationMs, frameMs }, publishFilmClock);
    const unregister = registerFilmPlayer(video.filmId, made);
    const stopServing = alone ? servePicture(video.filmId, made) : null;
    setDeck(made);
    const onPicture = () => setInPicture(document.pictureInPictureElement === media);
    media.addEventListener('enterpictureinpicture', onPicture);
    media.addEventListener('leavepictureinpicture', onPicture);
    return () => {
      media.removeEventListener('enterpictureinpicture', onPicture);
      media.removeEventListener('leavepictureinpicture', onPicture);
      stopServing?.();
      made.dispose();
      unregister();
      setDeck(null);
    };
  }, [video.filmId, video.durationMs, frameMs, alone]);

  useEffect(() => {
    deck?.useSound(converted ? sound.current : null);
  }, [deck, converted]);

  // The keys apply once the picture can be shown; before that they keep their other meanings.
  useFilmKeys(deck, () => (element.current?.readyState ?? 0) >= HTMLMediaElement.HAVE_METADATA);
  const detach = () => {
    try {
      openPictureWindow(video.filmId);
    } catch (error) {
      notify.failed(error);
    }
  };

  // ⧉ from the keyboard or the menu: the picture goes to its own window, or comes back from it.
  useCommand('picture-window', () => {
    if (alone) window.close();
    else detach();
  });
  const resize = (next: number) => {
    const bounded = Math.round(Math.min(Math.max(MIN_HEIGHT, next), window.innerHeight * 0.7));
    setHeight(bounded);
    localStorage.setItem(HEIGHT_KEY, String(bounded));
  };
  const onHandleKey = (event: ReactKeyboardEvent) => {
    const by = event.shiftKey ? 60 : 20;
    if (event.key === 'ArrowUp') resize(height - by);
    else if (event.key === 'ArrowDown') resize(height + by);
    else return;
    event.preventDefault();
  };
  const onHandleDrag = (event: ReactPointerEvent<HTMLDivElement>) => {
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const startY = event.clientY;
    const startHeight = height;
    const move = (e: PointerEvent) => resize(startHeight + e.clientY - startY);
    const end = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  };

  const togglePicture = async () => {
    const media = element.current;
    if (!media) return;
    if (document.pictureInPictureElement === media) await document.exitPictureInPicture();
    else await media.requestPictureInPicture();
  };

  const shownHeight = Math.min(height, Math.round(window.innerHeight * 0.7));
  return (
    <div className={alone ? 'film-picture film-picture-alone' : 'film-picture'}>
      <video
        ref={element}
        className="film-picture-video"
        style={alone ? undefined : { height: shownHeight }}
        src={filmMediaUrl(video.filmId, 'video', isDesktop)}
        preload="auto"
        playsInline
        aria-label={`${video.fileName}, the film`}
        onClick={() => deck?.toggle()}
      />
      {underPicture}
      {converted && <audio ref={sound} src={filmMediaUrl(video.filmId, 'audio', isDesktop)} preload="auto" aria-hidden="true" />}
      {!alone && (
        <div
          className="film-picture-handle"
          role="separator"
          aria-orientation="horizontal"
          aria-label="Picture height"
          aria-valuemin={MIN_HEIGHT}
          aria-valuemax={Math.round(window.innerHeight * 0.7)}
          aria-valuenow={shownHeight}
          tabIndex={0}
          onKeyDown={onHandleKey}
          onPointerDown={onHandleDrag}
        />
      )}
      <FilmTransport filmId={video.filmId} controls={deck} frameMs={frameMs} durationMs={video.durationMs}>
        {document.pictureInPictureEnabled && (
          <button type="button" className="button subtle" onClick={() => void togglePicture()} aria-pressed={inPicture}>
            Picture in picture
          </button>
        )}
        {alone ? (
          <button type="button" className="button subtle" onClick={() => window.close()} title="Attach back (Ctrl+Shift+D)">
            Attach back
          </button>
        ) : (
          <button
            type="button"
            className="button subtle"
            onClick={detach}
            aria-label="Picture in its own window"
            title="Picture in its own window (Ctrl+Shift+D)"
          >
            ⧉
          </button>
        )}
      </FilmTransport>
      <p className="film-keys muted">Space play · ←/→ 5 s · J/K/L shuttle · , . one frame · Ctrl+G grab the frame into the note</p>
    </div>
  );
}
