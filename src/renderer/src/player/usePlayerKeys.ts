import { useCommand } from '../keymap/keymap';
import type { ScorePlayer } from './player';

/**
 * The player's commands (their keys are in the keymap). They apply once a recording is loaded;
 * before that, the keys keep their usual meaning.
 */
export function usePlayerKeys(player: ScorePlayer, onMarker: (atMs: number) => void): void {
  const whenLoaded = (action: (event: KeyboardEvent | null) => void) => (event: KeyboardEvent | null) => {
    if (!player.getState().now) return false;
    action(event);
  };
  useCommand(
    'play-pause',
    whenLoaded(() => player.toggle()),
    'score'
  );
  useCommand(
    'skip-back',
    whenLoaded((event) => player.skip(event?.shiftKey ? -1000 : -5000)),
    'score'
  );
  useCommand(
    'skip-forward',
    whenLoaded((event) => player.skip(event?.shiftKey ? 1000 : 5000)),
    'score'
  );
  useCommand(
    'loop-start',
    whenLoaded(() => player.markLoopStart()),
    'score'
  );
  useCommand(
    'loop-end',
    whenLoaded(() => player.markLoopEnd()),
    'score'
  );
  useCommand(
    'toggle-loop',
    whenLoaded(() => player.toggleLoop()),
    'score'
  );
  useCommand(
    'drop-marker',
    whenLoaded(() => onMarker(player.currentMs())),
    'score'
  );
}
