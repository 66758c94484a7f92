import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../shared/menu-commands';

/**
 * Every keyboard shortcut of the window, and the menu commands that do the same, in one place.
 * One listener reads a key press, finds the command it is bound to, and runs what the component
 * that owns the command registered with `useCommand`. Keys inside a component (a list's arrows, a
 * dialog's Esc) stay with that component; they are not shortcuts.
 */
export type Command =
  | MenuCommand
  | 'play-pause'
  | 'skip-back'
  | 'skip-forward'
  | 'loop-start'
  | 'loop-end'
  | 'toggle-loop'
  | 'drop-marker'
  | 'toggle-score-room';

/** True while the person is typing: keys then belong to the field, never to a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file'].includes(target.type);
  return false;
}

const element = (event: KeyboardEvent) => (event.target instanceof HTMLElement ? event.target : null);
const chord = (event: KeyboardEvent, key: string) => (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === key;
/** A key alone (Shift allowed), pressed outside any field. */
const plain = (event: KeyboardEvent) => !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);

/**
 * A focused button or link takes Space for itself; lists take arrows. A button that starts the
 * score (a cue's ▶, the score's play) does not: focus stays on it after the click, and Space must
 * pause what it started rather than "click" it again and restart.
 */
const ownsSpace = (event: KeyboardEvent) => {
  const target = element(event);
  return (
    target !== null &&
    target.closest('button, a, [role="option"], [role="listbox"], summary') !== null &&
    target.closest('[data-plays-score]') === null
  );
};
const ownsArrows = (event: KeyboardEvent) =>
  element(event)?.closest('[role="listbox"], [role="slider"], [role="separator"], input, select') != null;

const bindings: { command: Command; when: (event: KeyboardEvent) => boolean }[] = [
  // Ctrl/⌘+K anywhere, or / when not typing, focuses the search box.
  { command: 'focus-search', when: (e) => chord(e, 'k') },
  { command: 'focus-search', when: (e) => plain(e) && e.key === '/' },
  { command: 'import-film-page', when: (e) => chord(e, 'o') },
  // Ctrl/⌘+Shift+S, even while typing (a cue's label): the score takes most of the window, and gives it back.
  { command: 'toggle-score-room', when: (e) => chord(e, 's') && e.shiftKey },
  // The score player's keys, anywhere in the app: Space plays and pauses, ←/→ skip 5 s (Shift: 1 s),
  // [ and ] set the loop's start and end, L loops, M drops a marker at the playhead.
  { command: 'play-pause', when: (e) => plain(e) && e.key === ' ' && !ownsSpace(e) },
  { command: 'skip-back', when: (e) => plain(e) && e.key === 'ArrowLeft' && !ownsArrows(e) },
  { command: 'skip-forward', when: (e) => plain(e) && e.key === 'ArrowRight' && !ownsArrows(e) },
  { command: 'loop-start', when: (e) => plain(e) && e.key === '[' },
  { command: 'loop-end', when: (e) => plain(e) && e.key === ']' },
  { command: 'toggle-loop', when: (e) => plain(e) && e.key.toLowerCase() === 'l' },
  { command: 'drop-marker', when: (e) => plain(e) && e.key.toLowerCase() === 'm' }
];

/**
 * What a command does now. Given the key press (none from the menu); returns false when the
 * command does not apply (no recording loaded), so the key keeps its usual meaning.
 */
export type CommandHandler = (event: KeyboardEvent | null) => boolean | void;

const handlers = new Map<Command, CommandHandler>();

function run(command: Command, event: KeyboardEvent | null): boolean {
  const handler = handlers.get(command);
  return handler !== undefined && handler(event) !== false;
}

/** The window's one key listener and the desktop menu's commands, for as long as the app is mounted. */
export function useKeymap(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const binding = bindings.find((b) => b.when(event) && handlers.has(b.command));
      if (binding && run(binding.command, event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    const unsubscribe = window.reelnotesDesktop?.onMenuCommand((command) => run(command, null));
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe?.();
    };
  }, []);
}

/** Runs `handler` for a command while the calling component is mounted (the latest handler, without re-registering). */
export function useCommand(command: Command, handler: CommandHandler): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const registered: CommandHandler = (event) => latest.current(event);
    handlers.set(command, registered);
    return () => {
      if (handlers.get(command) === registered) handlers.delete(command);
    };
  }, [command]);
}
