import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Track } from '../../../shared/domain';
import type { Cue, Recording } from '../../../shared/score';
import { call } from '../api';
import { queryKeyOf } from '../data/library-query';
import { useNotify } from '../notices/notify';
import { ScorePlayer, type PlayerState } from './player';

interface ScoreContextValue {
  player: ScorePlayer;
  /** The film on the desk, whose tracks the player plays. */
  filmId: number | null;
  /** Loads a track's recording into the player (titles for the now-playing metadata). */
  open: (recording: Recording, titles: { track: string; film: string; composer: string | null }) => void;
  playCue: (cue: Pick<Cue, 'id' | 'trackId' | 'startMs' | 'endMs'>, options?: { loop?: boolean; pauseMs?: number }) => Promise<void>;
}

const ScoreContext = createContext<ScoreContextValue | null>(null);

interface Props {
  children: ReactNode;
  film: { id: number; title: string; composer: string | null } | null;
  tracks: Track[];
}

export function ScoreProvider({ children, film, tracks }: Props) {
  const [player] = useState(() => new ScorePlayer());
  const client = useQueryClient();
  const notify = useNotify();

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
        // The score workspace holds this very answer: it is read from the cache, not asked again.
        const input = { filmId: film?.id ?? 0 };
        const recordings = film
          ? await client.ensureQueryData({ queryKey: queryKeyOf('recordings.list', input), queryFn: () => call('recordings.list', input) })
          : [];
        const recording = recordings.find((r) => r.trackId === cue.trackId);
        if (!recording) {
          notify.failed('This cue’s track has no recording yet: attach one in the player below.');
          return;
        }
        open(recording, { track: tracks.find((t) => t.id === cue.trackId)?.title ?? '', film: film!.title, composer: film!.composer });
      }
      player.playCue({ cueId: cue.id, startMs: cue.startMs, endMs: cue.endMs }, options);
    },
    [player, film, tracks, client, open, notify]
  );

  const filmId = film?.id ?? null;
  const value = useMemo(() => ({ player, filmId, open, playCue }), [player, filmId, open, playCue]);
  return <ScoreContext.Provider value={value}>{children}</ScoreContext.Provider>;
}

export function useScore(): ScoreContextValue {
  const value = useContext(ScoreContext);
  if (!value) throw new Error('useScore must be used inside ScoreProvider');
  return value;
}

/**
 * One value of the player's state (a number, a boolean, a string, null): the component renders again when that
 * value changes, not on every frame of playback as the whole state does. There is no hook for the whole state:
 * a component holding it was drawn again on every frame.
 */
export function usePlayerValue<T extends number | boolean | string | null>(select: (state: PlayerState) => T): T {
  const { player } = useScore();
  return useSyncExternalStore(player.subscribe, () => select(player.getState()));
}
