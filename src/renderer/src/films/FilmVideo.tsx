import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { AudioConversion, FilmVideo as AttachedVideo } from '../../../shared/video';
import { call } from '../api';
import { pathOfFile } from '../data/file-path';
import { useInvalidate } from '../data/library-query';
import { FilePicker } from '../ui/FilePicker';
import { useNotify } from '../notices/notify';
import { FilmPicture } from './FilmPicture';
import { PictureElsewhere } from './PictureElsewhere';
import { attachPictureBack, usePictureAway } from './picture-window';
import { useAttachFilmVideo, useDetachFilmVideo, useFilmVideo, useRelinkFilmVideo } from './video-queries';
import './video.css';

/**
 * The film pane: the person's own copy of the film, played beside the scene and its notes, or the
 * way to attach it (and to find it again when it moved).
 */
export function FilmVideo({ filmId, underPicture }: { filmId: number; underPicture?: ReactNode }) {
  const answer = useFilmVideo(filmId);
  // While another film's answer is still in hand, nothing of it is shown.
  const video = answer.data && answer.data.filmId === filmId ? answer.data : null;
  const away = usePictureAway();
  const awayFilmId = away?.filmId ?? null;
  // The picture's window shows the desk's film: another film on the desk brings it home first.
  useEffect(() => {
    if (awayFilmId !== null && awayFilmId !== filmId) attachPictureBack();
  }, [awayFilmId, filmId]);
  if (answer.isLoading || (answer.isPlaceholderData && !video))
    return <section className="film-video" aria-label="Film picture" aria-busy="true" />;
  return (
    <section className="film-video" aria-label="Film picture" data-transport="film">
      {video?.status === 'ready' &&
        (away?.filmId === filmId ? (
          <PictureElsewhere video={video} away={away} />
        ) : (
          <FilmPicture key={`${video.filmId}:${video.fingerprint}:${video.path}`} video={video} underPicture={underPicture} />
        ))}
      <FilmFile filmId={filmId} video={video} />
    </section>
  );
}

const audioNames: Record<string, string> = { ac3: 'AC-3 (Dolby Digital)', eac3: 'E-AC-3 (Dolby Digital Plus)' };

/** Why the film plays without sound, when it does: Chromium decodes neither Dolby nor DTS. */
function silentBecause(video: AttachedVideo): string | null {
  if (video.audioTracks.length === 0) return 'The file has no sound track.';
  if (video.audioTracks.some((track) => track.playable) || video.convertedAudioTrack !== null) return null;
  const codec = video.audioTracks[0].codec;
  if (/dts/i.test(codec)) {
    return (
      'Its sound is DTS, which Chromium cannot play and Reelnotes cannot convert (no decoder library for it runs here): ' +
      'the picture plays without sound. To hear it, convert the sound first, for example ffmpeg -i film.mkv -c:v copy -c:a aac film-aac.mkv.'
    );
  }
  return `Its sound is ${audioNames[codec] ?? codec}, which Chromium cannot play: the picture plays without sound.`;
}

/** Sound Reelnotes can convert, once, into sound Chromium plays (src/core/video/convert-audio.ts). */
const canConvert = (video: AttachedVideo) =>
  video.convertedAudioTrack === null && !video.audioTracks.some((t) => t.playable) && video.audioTracks.some((t) => t.codec in audioNames);

const POLL_MS = 250;

/**
 * The one-time conversion of the film's Dolby sound: started by the person, followed until it ends
 * (also one begun before a reload), cancelled at will. Done, the film's answer is asked for again
 * and the pane plays the converted sound with the picture.
 */
function SoundConversion({ filmId }: { filmId: number }) {
  const notify = useNotify();
  const invalidate = useInvalidate();
  const [conversion, setConversion] = useState<AudioConversion | null>(null);
  const converting = conversion?.state === 'converting';

  useEffect(() => {
    let live = true;
    let timer = 0;
    const follow = async () => {
      const status = await call('video.conversionStatus', { filmId }).catch(() => null);
      if (!live || !status) return;
      setConversion(status);
      if (status.state === 'converting') timer = window.setTimeout(follow, POLL_MS);
      else if (status.state === 'done') void invalidate('video');
      else if (status.state === 'failed') notify.failed(new Error(status.message ?? 'The sound could not be converted.'));
    };
    if (converting || conversion === null) void follow();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // Following starts when a conversion starts (or once, on opening); each answer schedules the next.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filmId, converting]);

  const start = async () => {
    try {
      setConversion(await call('video.convertAudio', { filmId }));
    } catch (error) {
      notify.failed(error);
    }
  };
  const cancel = async () => {
    try {
      setConversion(await call('video.cancelConversion', { filmId }));
      notify.success('The conversion is cancelled; nothing of it was kept.');
    } catch (error) {
      notify.failed(error);
    }
  };

  if (converting) {
    return (
      <div className="film-conversion">
        <label htmlFor={`film-conversion-${filmId}`}>Converting the sound…</label>
        <progress id={`film-conversion-${filmId}`} max={1} value={conversion.fraction} />
        <span className="muted">{Math.round(conversion.fraction * 100)}%</span>
        <button type="button" className="button subtle" onClick={() => void cancel()}>
          Cancel conversion
        </button>
      </div>
    );
  }
  return (
    <div className="film-conversion">
      <button type="button" className="button" onClick={() => void start()}>
        Convert the sound
      </button>
      <span className="muted">once, into a track kept in your library (about 690 MB an hour) and played with the picture</span>
    </div>
  );
}

function describeVideo(video: AttachedVideo): string {
  const sound = video.audioTracks.map(
    (track) => `${track.codec.toUpperCase()} ${track.channels} ch${track.language !== 'und' ? ` (${track.language})` : ''}`
  );
  return [
    video.container,
    `${video.videoCodec.toUpperCase()} ${video.width}×${video.height}`,
    `${video.frameRate} fps`,
    sound.length ? `sound ${sound.join(', ')}` : 'no sound',
    video.convertedAudioTrack !== null ? `track ${video.convertedAudioTrack} converted` : null,
    video.subtitleTracks.length ? `${video.subtitleTracks.length} subtitle track(s)` : null
  ]
    .filter(Boolean)
    .join(' · ');
}

function FilmFile({ filmId, video }: { filmId: number; video: AttachedVideo | null }) {
  const notify = useNotify();
  const attach = useAttachFilmVideo();
  const relink = useRelinkFilmVideo();
  const detach = useDetachFilmVideo();
  const [path, setPath] = useState('');
  const busy = attach.isPending || relink.isPending || detach.isPending;
  const relinking = video?.status === 'missing';

  const picker = useRef<HTMLInputElement>(null);
  // Only the desktop app can tell where a picked file lies; a browser page gets its bytes alone.
  const canPick = window.reelnotesDesktop !== undefined;

  const take = async (filePath: string) => {
    try {
      if (relinking) await relink.mutateAsync({ filmId, path: filePath });
      else await attach.mutateAsync({ filmId, path: filePath });
      setPath('');
      notify.success(relinking ? 'The film is found again.' : 'The film is attached.');
    } catch (error) {
      notify.failed(error);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void take(path);
  };

  /** The system's own open dialog (a file input, in Electron), then the chosen file's path: its bytes never cross IPC. */
  const picked = (file: File) => {
    const filePath = pathOfFile(file);
    if (filePath === null) notify.failed(new Error(`${file.name}: the app was not told where this file lies; type its path instead.`));
    else void take(filePath);
  };

  const forget = async () => {
    try {
      await detach.mutateAsync({ filmId });
      notify.success('The film is detached; its file is left where it is.');
    } catch (error) {
      notify.failed(error);
    }
  };

  const form = (
    <form className="film-file-form" onSubmit={submit}>
      <label htmlFor={`film-path-${filmId}`}>
        {relinking ? 'Where the film is now' : 'Path of your copy of the film on this computer'}
      </label>
      <div className="film-file-row">
        <input
          id={`film-path-${filmId}`}
          type="text"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          placeholder="/home/you/Films/the-red-shoes.mp4"
          spellCheck={false}
          autoComplete="off"
        />
        <button type="submit" className="button" disabled={busy || path.trim() === ''}>
          {relinking ? 'Relink film' : 'Attach film'}
        </button>
      </div>
      {canPick && (
        <>
          <button type="button" className="button subtle film-file-choose" disabled={busy} onClick={() => picker.current?.click()}>
            {relinking ? 'Find the film file…' : 'Choose the film file…'}
          </button>
          <FilePicker
            ref={picker}
            accept=".mp4,.m4v,.mov,.mkv,.webm,video/*"
            label={relinking ? 'Where the film is now (file)' : 'Film file'}
            testId="film-file-input"
            onFile={picked}
          />
        </>
      )}
    </form>
  );

  if (!video) {
    return (
      <div className="film-file">
        <p className="muted">
          Watch your own copy of the film beside your notes (MP4, MOV, M4V, MKV or WebM). It stays where it is: the library remembers its
          place and notices if it moves.
        </p>
        {form}
      </div>
    );
  }
  const silent = silentBecause(video);
  return (
    <div className="film-file">
      {video.status === 'missing' && (
        <p role="status" className="film-file-problem">
          The film is missing: there is no file at {video.path}. If it moved, give its new place.
        </p>
      )}
      {video.status === 'changed' && (
        <p role="status" className="film-file-problem">
          The file at {video.path} is no longer the one attached (its size or content changed). Attach it again, or another copy.
        </p>
      )}
      <p className="film-file-facts">
        <span className="film-file-name" title={video.path}>
          {video.fileName}
        </span>{' '}
        · {describeVideo(video)}
      </p>
      {silent && video.status === 'ready' && <p className="film-file-note">{silent}</p>}
      {video.status === 'ready' && canConvert(video) && <SoundConversion filmId={filmId} />}
      {video.status !== 'ready' && form}
      <button type="button" className="button subtle" onClick={forget} disabled={busy}>
        Detach film
      </button>
    </div>
  );
}
