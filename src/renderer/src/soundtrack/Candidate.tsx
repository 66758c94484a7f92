import { useCallback, useRef, type ReactNode } from 'react';
import { mediaUrl } from '../../../shared/media-url';
import type { Cue } from '../../../shared/score';
import type { CueCandidate } from '../../../shared/soundtrack';
import { formatPreciseFilmTime as preciseTime } from '../../../shared/time-format';
import { isDesktop } from '../api';
import { playFilmSpan } from '../films/film-clock';
import { useNotify } from '../notices/notify';
import styles from './CueFinder.module.css';

export interface CandidatePlayer {
  /** The recording's element, rendered once in the dialog. */
  audio: ReactNode;
  /** ▶ Film: the film's span where the cue was heard. */
  playFilm: (candidate: CueCandidate) => void;
  /** ▶ Album: the same part of the cue in its recording, to compare by ear (A/B). */
  playAlbum: (candidate: CueCandidate, cue: Cue) => void;
}

/** Plays a candidate in the film and the same part of the cue in its recording, one stopping the other. */
export function useCandidatePlayer(recordingId: number | null): CandidatePlayer {
  const notify = useNotify();
  const album = useRef<HTMLAudioElement>(null);
  const albumEnd = useRef(0);
  const playFilm = useCallback(
    (c: CueCandidate) => {
      album.current?.pause();
      if (!playFilmSpan(c.filmFromMs, c.filmToMs)) notify.failed(new Error('Show the film on the desk to hear it there.'));
    },
    [notify]
  );
  const playAlbum = useCallback(
    (c: CueCandidate, cue: Cue) => {
      const audio = album.current;
      if (!audio) return;
      audio.currentTime = (cue.startMs + c.cueFromMs) / 1000;
      albumEnd.current = (cue.startMs + c.cueToMs) / 1000;
      void audio.play().catch(notify.failed);
    },
    [notify]
  );
  const audio =
    recordingId === null ? null : (
      <audio
        ref={album}
        src={mediaUrl(recordingId, isDesktop)}
        preload="none"
        onTimeUpdate={(event) => {
          if (event.currentTarget.currentTime >= albumEnd.current) event.currentTarget.pause();
        }}
      />
    );
  return { audio, playFilm, playAlbum };
}

/** "93% found", or "41% a guess", and the speed when the film runs faster or slower than the album. */
export function confidenceWords(c: CueCandidate): string {
  const speed =
    Math.abs(c.speed - 1) >= 0.01 ? `, ${c.speed > 1 ? 'faster' : 'slower'} by ${(Math.abs(c.speed - 1) * 100).toFixed(1)}%` : '';
  return `${Math.round(c.confidence * 100)}% ${c.confident ? 'found' : 'a guess'}${speed}`;
}

interface Props {
  candidate: CueCandidate;
  cue: Cue;
  /** Whether the row names its cue: a track's list holds many cues, one cue's list only its own. */
  named: boolean;
  player: CandidatePlayer;
  canPlayAlbum: boolean;
  onAccept: (candidate: CueCandidate) => void;
  onReject: (candidate: CueCandidate) => void;
}

/** One place where a cue may sound: its film time and confidence, to hear in the film and the album, then accept or reject. */
export function Candidate({ candidate: c, cue, named, player, canPlayAlbum, onAccept, onReject }: Props) {
  const at = preciseTime(c.filmFromMs);
  const what = named ? `${cue.label} at ${at}` : `the candidate at ${at}`;
  return (
    <li className={styles.candidate} aria-label={named ? `${cue.label} at ${at}` : `Candidate at ${at}`}>
      {named && <span className={styles.cue}>{cue.label}</span>}
      <span className={styles.time}>{at}</span>
      <span className={c.confident ? styles.confident : 'muted'}>{confidenceWords(c)}</span>
      <span className={styles.actions}>
        <button type="button" className="button subtle small" onClick={() => player.playFilm(c)} aria-label={`▶ Film: ${what}`}>
          ▶ Film
        </button>
        <button
          type="button"
          className="button subtle small"
          disabled={!canPlayAlbum}
          onClick={() => player.playAlbum(c, cue)}
          aria-label={`▶ Album: ${named ? cue.label : 'the same part of the cue'}`}
        >
          ▶ Album
        </button>
        <button
          type="button"
          className="button subtle small"
          onClick={() => onAccept(c)}
          aria-label={`Accept ${what}: place the cue there`}
        >
          Accept
        </button>
        <button type="button" className="button subtle small danger" onClick={() => onReject(c)} aria-label={`Reject ${what}`}>
          Reject
        </button>
      </span>
    </li>
  );
}
