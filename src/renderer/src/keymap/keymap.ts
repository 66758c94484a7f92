import { useEffect, useRef } from 'react';
import {
  isPlainKey,
  matchesAccelerator,
  menuCommands,
  windowCommands,
  type MenuCommand,
  type WindowCommandSpec
} from '../../../shared/menu-commands';

/**
 * Every keyboard shortcut of the window, bound from the one list of commands the desktop menu is
 * built from (`src/shared/menu-commands.ts`), so the menu shows the key that works and no key is
 * declared twice. One listener reads a key press, finds the command it is bound to, and runs what
 * the component that owns the command registered with `useCommand`. Keys inside a component (a
 * list's arrows, a dialog's Esc) stay with that component; they are not shortcuts.
 */
export type Command = MenuCommand;

/** True while the person is typing: keys then belong to the field, never to a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file'].includes(target.type);
  return false;
}

const element = (event: KeyboardEvent) => (event.target instanceof HTMLElement ? event.target : null);

/**
 * A focused button or link takes Space for itself; lists take arrows. A button that starts the
 * score (a cue's ▶, the dock's play) does not: focus stays on it after the click, and Space must
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

/** Where a command's plain key (no Ctrl/⌘ or Alt) is left to the focused element besides a text field. */
const leftToFocus: Partial<Record<Command, (event: KeyboardEvent) => boolean>> = {
  'play-pause': ownsSpace,
  'skip-back': ownsArrows,
  'skip-forward': ownsArrows
};

const bindings: { command: Command; when: (event: KeyboardEvent) => boolean }[] = menuCommands.flatMap((command) => {
  const spec: WindowCommandSpec = windowCommands[command];
  return [spec.accelerator ?? [], spec.alsoKeys ?? []].flat().map((accelerator) => ({
    command,
    when: (event: KeyboardEvent) =>
      matchesAccelerator(accelerator, event) &&
      // A chord works anywhere; a plain key only outside text fields and what owns it.
      (!isPlainKey(accelerator) || (!isTyping(event.target) && !(leftToFocus[command]?.(event) ?? false)))
  }));
});

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
