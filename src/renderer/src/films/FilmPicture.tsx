import { useEffect, useRef } from 'react';
import { filmVideoUrl } from '../../../shared/media-url';
import { formatFrameTime } from '../../../shared/time-format';
import type { FilmVideo } from '../../../shared/video';
import { isDesktop } from '../api';
import { publishFilmClock, registerFilmPlayer, useFilmClock, type FilmPlayer } from './film-clock';

/**
 * The picture and its transport. The `<video>` is the film's clock: the pane registers it with
 * film-clock.ts, and publishes the time of the frame shown (from requestVideoFrameCallback while
 * playing, so the clock names the frame on screen, not the decoder's position).
 */
export function FilmPicture({ video }: { video: FilmVideo }) {
  const element = useRef<HTMLVideoElement>(null);
  const clock = useFilmClock();
  const frameMs = 1000 / video.frameRate;

  useEffect(() => {
    const media = element.current;
    if (!media) return;
    let spanEnd: number | null = null;
    let frameRequest = 0;
    const publish = (mediaTime = media.currentTime) => {
      publishFilmClock({
        filmId: video.filmId,
        timeMs: Math.round(mediaTime * 1000),
        durationMs: Number.isFinite(media.duration) ? Math.round(media.duration * 1000) : video.durationMs,
        frameMs,
        playing: !media.paused
      });
    };
    const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata) => {
      if (spanEnd !== null && metadata.mediaTime * 1000 >= spanEnd - frameMs / 2) {
        media.pause();
        media.currentTime = spanEnd / 1000;
        spanEnd = null;
      }
      publish(metadata.mediaTime);
      if (!media.paused) frameRequest = media.requestVideoFrameCallback(onFrame);
    };
    const follow = () => {
      media.cancelVideoFrameCallback(frameRequest);
      frameRequest = media.requestVideoFrameCallback(onFrame);
    };
    const player: FilmPlayer = {
      seek(ms) {
        spanEnd = null;
        media.currentTime = Math.min(Math.max(0, ms), video.durationMs) / 1000;
      },
      playSpan(startMs, endMs) {
        media.currentTime = Math.max(0, startMs) / 1000;
        spanEnd = Math.min(endMs, video.durationMs);
        void media.play();
      },
      frame: () => (media.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA ? media : null)
    };
    const unregister = registerFilmPlayer(video.filmId, player);
    const onChange = () => publish();
    const events = ['loadedmetadata', 'pause', 'seeked', 'ended', 'timeupdate'] as const;
    events.forEach((name) => media.addEventListener(name, onChange));
    media.addEventListener('play', follow);
    media.addEventListener('seeked', follow);
    return () => {
      events.forEach((name) => media.removeEventListener(name, onChange));
      media.removeEventListener('play', follow);
      media.removeEventListener('seeked', follow);
      media.cancelVideoFrameCallback(frameRequest);
      unregister();
    };
  }, [video.filmId, video.durationMs, frameMs]);

  const shown = clock.filmId === video.filmId ? clock : null;
  const toggle = () => {
    const media = element.current;
    if (!media) return;
    if (media.paused) void media.play();
    else media.pause();
  };

  return (
    <div className="film-picture">
      <video
        ref={element}
        className="film-picture-video"
        src={filmVideoUrl(video.filmId, isDesktop)}
        preload="auto"
        playsInline
        aria-label={`${video.fileName}, the film`}
        onClick={toggle}
      />
      <div className="film-transport" role="group" aria-label="Film transport">
        <button type="button" className="button" onClick={toggle} data-plays-film>
          {shown?.playing ? 'Pause' : 'Play'}
        </button>
        <span className="film-time" role="timer" aria-label="Film time" data-position-ms={shown?.timeMs ?? 0}>
          {formatFrameTime(shown?.timeMs ?? 0, frameMs)}
        </span>
        <span className="film-duration muted" aria-label="Running time">
          {formatFrameTime(video.durationMs, frameMs)}
        </span>
      </div>
    </div>
  );
}
