import {
  useEffect,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactNode
} from 'react';
import { filmMediaUrl } from '../../../shared/media-url';
import { formatFrameTime } from '../../../shared/time-format';
import type { FilmVideo } from '../../../shared/video';
import { isDesktop } from '../api';
import { useCommand } from '../keymap/keymap';
import { publishFilmClock, registerFilmPlayer, useFilmClock } from './film-clock';
import { FilmDeck, FILM_SPEEDS } from './film-deck';
import { grabFrame } from './frame-grab';
import { useNotify } from '../notices/notify';

const HEIGHT_KEY = 'reelnotes.filmPictureHeight';
const MIN_HEIGHT = 120;
const DEFAULT_HEIGHT = 260;

/** The picture's height, as the person left it (the window's height bounds it when drawn). */
function rememberedHeight(): number {
  const stored = Number(localStorage.getItem(HEIGHT_KEY));
  return Number.isFinite(stored) && stored >= MIN_HEIGHT ? stored : DEFAULT_HEIGHT;
}

/**
 * The picture and its transport: the score player's conventions (Space, ←/→ 5 s or Shift 1 s) and an
 * editor's (J/K/L shuttle, , and . one frame), speed 0.25–2× with the pitch kept, picture-in-picture,
 * and a handle to make the picture taller or shorter. The FilmDeck is registered with film-clock.ts,
 * through which the rest of the desk reads and moves film time.
 */
export function FilmPicture({
  video,
  underPicture
}: {
  video: FilmVideo;
  /** Shown under the picture: the subtitle at the playhead. */ underPicture?: ReactNode;
}) {
  const element = useRef<HTMLVideoElement>(null);
  const sound = useRef<HTMLAudioElement>(null);
  const [deck, setDeck] = useState<FilmDeck | null>(null);
  const [rate, setRate] = useState(1);
  const [height, setHeight] = useState(rememberedHeight);
  const [inPicture, setInPicture] = useState(false);
  const clock = useFilmClock();
  const notify = useNotify();
  const frameMs = 1000 / video.frameRate;
  const converted = video.convertedAudioTrack !== null;

  useEffect(() => {
    const media = element.current;
    if (!media) return;
    const made = new FilmDeck(media, { filmId: video.filmId, durationMs: video.durationMs, frameMs }, publishFilmClock);
    const unregister = registerFilmPlayer(video.filmId, made);
    setDeck(made);
    const onRate = () => setRate(media.playbackRate);
    const onPicture = () => setInPicture(document.pictureInPictureElement === media);
    media.addEventListener('ratechange', onRate);
    media.addEventListener('enterpictureinpicture', onPicture);
    media.addEventListener('leavepictureinpicture', onPicture);
    return () => {
      media.removeEventListener('ratechange', onRate);
      media.removeEventListener('enterpictureinpicture', onPicture);
      media.removeEventListener('leavepictureinpicture', onPicture);
      made.dispose();
      unregister();
      setDeck(null);
    };
  }, [video.filmId, video.durationMs, frameMs]);

  useEffect(() => {
    deck?.useSound(converted ? sound.current : null);
  }, [deck, converted]);

  // The keys apply once the picture can be shown; before that they keep their other meanings.
  const ready = (action: (deck: FilmDeck, event: KeyboardEvent | null) => void) => (event: KeyboardEvent | null) => {
    if (!deck || (element.current?.readyState ?? 0) < HTMLMediaElement.HAVE_METADATA) return false;
    action(deck, event);
  };
  useCommand(
    'play-pause',
    ready((d) => d.toggle()),
    'film'
  );
  useCommand(
    'skip-back',
    ready((d, event) => d.skip(event?.shiftKey ? -1000 : -5000)),
    'film'
  );
  useCommand(
    'skip-forward',
    ready((d, event) => d.skip(event?.shiftKey ? 1000 : 5000)),
    'film'
  );
  useCommand(
    'shuttle-back',
    ready((d) => d.shuttleBack()),
    'film'
  );
  useCommand(
    'shuttle-stop',
    ready((d) => d.stop()),
    'film'
  );
  // L: the score's loop key shuttles the film forward when the film is the player used last.
  useCommand(
    'toggle-loop',
    ready((d) => d.shuttleForward()),
    'film'
  );
  useCommand(
    'frame-back',
    ready((d) => d.step(-1)),
    'film'
  );
  useCommand(
    'frame-forward',
    ready((d) => d.step(1)),
    'film'
  );
  useCommand(
    'grab-frame',
    ready((_d, event) => {
      const into = event?.target ?? document.activeElement;
      grabFrame(into)
        .then(({ grab, inserted, copied }) => {
          const where = [inserted && 'into the note', copied && 'to the clipboard with its citation'].filter(Boolean).join(' and ');
          notify.success(`Frame grabbed: ${grab.citation}${where ? `, ${where}` : ''}.`);
        })
        .catch((error: unknown) => notify.failed(error));
    })
  );

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

  const shown = clock.filmId === video.filmId ? clock : null;
  const shownHeight = Math.min(height, Math.round(window.innerHeight * 0.7));
  return (
    <div className="film-picture">
      <video
        ref={element}
        className="film-picture-video"
        style={{ height: shownHeight }}
        src={filmMediaUrl(video.filmId, 'video', isDesktop)}
        preload="auto"
        playsInline
        aria-label={`${video.fileName}, the film`}
        onClick={() => deck?.toggle()}
      />
      {underPicture}
      {converted && <audio ref={sound} src={filmMediaUrl(video.filmId, 'audio', isDesktop)} preload="auto" aria-hidden="true" />}
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
      {/* In the transport, Space plays and pauses whichever of its buttons has the focus (keymap.ts). */}
      <div className="film-transport" role="group" aria-label="Film transport" data-plays-film>
        <button type="button" className="button" onClick={() => deck?.toggle()} disabled={!deck}>
          {shown?.playing ? 'Pause' : 'Play'}
        </button>
        <button
          type="button"
          className="button subtle"
          onClick={() => deck?.step(-1)}
          disabled={!deck}
          aria-label="One frame back"
          title="One frame back (,)"
        >
          ‹
        </button>
        <button
          type="button"
          className="button subtle"
          onClick={() => deck?.step(1)}
          disabled={!deck}
          aria-label="One frame forward"
          title="One frame forward (.)"
        >
          ›
        </button>
        <span className="film-time" role="timer" aria-label="Film time" data-position-ms={shown?.timeMs ?? 0}>
          {formatFrameTime(shown?.timeMs ?? 0, frameMs)}
        </span>
        <span className="film-duration muted" aria-label="Running time">
          {formatFrameTime(video.durationMs, frameMs)}
        </span>
        <label className="film-speed">
          Speed
          <select value={rate} onChange={(event) => deck?.setRate(Number(event.target.value))} disabled={!deck}>
            {FILM_SPEEDS.map((speed) => (
              <option key={speed} value={speed}>
                {speed}×
              </option>
            ))}
          </select>
        </label>
        {document.pictureInPictureEnabled && (
          <button type="button" className="button subtle" onClick={() => void togglePicture()} aria-pressed={inPicture}>
            Picture in picture
          </button>
        )}
      </div>
      <p className="film-keys muted">Space play · ←/→ 5 s · J/K/L shuttle · , . one frame · Ctrl+G grab the frame into the note</p>
    </div>
  );
}
