import { useEffect } from 'react';
import type { ScorePlayer } from './player';

/** True while the person is typing: keys then belong to the field, never to the player. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file'].includes(target.type);
  return false;
}

/**
 * The player's keys, anywhere in the app: Space plays and pauses, ←/→ skip 5 s (Shift: 1 s),
 * [ and ] set the loop's start and end, L loops, M drops a marker at the playhead.
 */
export function usePlayerKeys(player: ScorePlayer, onMarker: (atMs: number) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (!player.getState().now) return;
      // A focused button or link takes Space and arrows for itself; lists take arrows. A button
      // that starts the score (a cue's ▶, the dock's play) does not: focus stays on it after the
      // click, and Space must pause what it started rather than "click" it again and restart.
      const target = event.target instanceof HTMLElement ? event.target : null;
      const ownsSpace =
        target !== null && target.closest('button, a, [role="option"], [role="listbox"], summary') !== null && target.closest('[data-plays-score]') === null;
      const ownsArrows = target?.closest('[role="listbox"], [role="slider"], input, select') != null;
      switch (event.key) {
        case ' ':
          if (ownsSpace) return;
          player.toggle();
          break;
        case 'ArrowLeft':
          if (ownsArrows) return;
          player.skip(event.shiftKey ? -1000 : -5000);
          break;
        case 'ArrowRight':
          if (ownsArrows) return;
          player.skip(event.shiftKey ? 1000 : 5000);
          break;
        case '[':
          player.markLoopStart();
          break;
        case ']':
          player.markLoopEnd();
          break;
        case 'l':
        case 'L':
          player.toggleLoop();
          break;
        case 'm':
        case 'M':
          onMarker(player.currentMs());
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [player, onMarker]);
}
