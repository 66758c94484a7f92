import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Cue, Recording } from '../../../shared/score';
import { call } from '../api';
import { ScorePlayer, type PlayerState } from './player';

interface ScoreContextValue {
  player: ScorePlayer;
  /** Bumped after any change to cues, so every list of them reloads. */
  cuesVersion: number;
  cuesChanged: () => void;
  recordingsVersion: number;
  recordingsChanged: () => void;
  /** Loads a track's recording into the player (titles for the now-playing metadata). */
  open: (recording: Recording, titles: { track: string; film: string; composer: string | null }) => void;
  playCue: (cue: Pick<Cue, 'id' | 'trackId' | 'startMs' | 'endMs'>, options?: { loop?: boolean; pauseMs?: number }) => Promise<void>;
  onError: (message: string) => void;
}

const ScoreContext = createContext<ScoreContextValue | null>(null);

export function ScoreProvider({ children, onError, film }: { children: ReactNode; onError: (message: string) => void; film: { id: number; title: string; composer: string | null } | null }) {
  const [player] = useState(() => new ScorePlayer());
  const [cuesVersion, setCuesVersion] = useState(0);
  const [recordingsVersion, setRecordingsVersion] = useState(0);
  const cuesChanged = useCallback(() => setCuesVersion((v) => v + 1), []);
  const recordingsChanged = useCallback(() => setRecordingsVersion((v) => v + 1), []);

  useEffect(() => player.bindMediaKeys(), [player]);
  useEffect(() => () => player.unload(), [player]);

  const open = useCallback<ScoreContextValue['open']>(
    (recording, titles) => player.load({ recording, title: titles.track, album: titles.film, artist: titles.composer ?? '' }),
    [player]
  );

  const playCue = useCallback<ScoreContextValue['playCue']>(
    async (cue, options) => {
      const current = player.getState().now?.recording;
      if (!current || current.trackId !== cue.trackId) {
        const recordings = film ? await call('recordings.list', { filmId: film.id }) : [];
        const recording = recordings.find((r) => r.trackId === cue.trackId);
        if (!recording) {
          onError('This cue’s track has no recording yet: attach one in the player below.');
          return;
        }
        const tracks = await call('tracks.list', { filmId: film!.id });
        open(recording, { track: tracks.find((t) => t.id === cue.trackId)?.title ?? '', film: film!.title, composer: film!.composer });
      }
      player.playCue({ cueId: cue.id, startMs: cue.startMs, endMs: cue.endMs }, options);
    },
    [player, film, open, onError]
  );

  const value = useMemo(
    () => ({ player, cuesVersion, cuesChanged, recordingsVersion, recordingsChanged, open, playCue, onError }),
    [player, cuesVersion, cuesChanged, recordingsVersion, recordingsChanged, open, playCue, onError]
  );
  return <ScoreContext.Provider value={value}>{children}</ScoreContext.Provider>;
}

export function useScore(): ScoreContextValue {
  const value = useContext(ScoreContext);
  if (!value) throw new Error('useScore must be used inside ScoreProvider');
  return value;
}

export function usePlayerState(): PlayerState {
  const { player } = useScore();
  return useSyncExternalStore(player.subscribe, player.getState);
}

/**
 * One value of the player's state (a number, a boolean, null): the component renders again when that
 * value changes, not on every frame of playback as the whole state does.
 */
export function usePlayerValue<T extends number | boolean | null>(select: (state: PlayerState) => T): T {
  const { player } = useScore();
  return useSyncExternalStore(player.subscribe, () => select(player.getState()));
}
