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

/**
 * The two players on the desk. Space, the arrows and L belong to both (L loops the score, and
 * shuttles the film forward as in an editor); they go to the one the person used last (clicked or
 * focused in, or driven by a key of its own), and to the other when that one has nothing loaded.
 * The score's player comes first until the person turns to the film.
 */
export type Transport = 'score' | 'film';
let lastTransport: Transport = 'score';

/** What a pointer or focus inside a player's area (`data-transport`) says about which one the person is using. */
function noteTransportUsed(event: Event): void {
  const owner = event.target instanceof Element ? event.target.closest('[data-transport]')?.getAttribute('data-transport') : null;
  if (owner === 'score' || owner === 'film') lastTransport = owner;
}

/**
 * The person moved a player without touching its area: a scene chosen, a note's time or a timeline
 * item followed seeks the film, and the arrows pressed next must step that film, not the score.
 */
export function turnToTransport(owner: Transport): void {
  lastTransport = owner;
}

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
 * score or the film (a cue's ▶, the dock's play, the film's transport) does not: focus stays on it after the click, and Space must
 * pause what it started rather than "click" it again and restart.
 */
const ownsSpace = (event: KeyboardEvent) => {
  const target = element(event);
  return (
    target !== null &&
    target.closest('button, a, [role="option"], [role="listbox"], summary') !== null &&
    target.closest('[data-plays-score], [data-plays-film]') === null
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

/** Each command's handlers, by the player they belong to ('desk' for commands of no player). */
const handlers = new Map<Command, Map<Transport | 'desk', CommandHandler>>();

/**
 * Runs the first of the command's handlers that applies, the last-used player's first; a player's
 * command that ran makes that player the last used.
 */
function run(command: Command, event: KeyboardEvent | null): boolean {
  const candidates = [...(handlers.get(command) ?? [])];
  candidates.sort(([a], [b]) => Number(b === lastTransport) - Number(a === lastTransport));
  for (const [owner, handler] of candidates) {
    if (handler(event) === false) continue;
    if (owner !== 'desk') lastTransport = owner;
    return true;
  }
  return false;
}

/** The window's one key listener and the desktop menu's commands, for as long as the app is mounted. */
export function useKeymap(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const binding = bindings.find((b) => b.when(event) && (handlers.get(b.command)?.size ?? 0) > 0);
      if (binding && run(binding.command, event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('pointerdown', noteTransportUsed, true);
    window.addEventListener('focusin', noteTransportUsed, true);
    const unsubscribe = window.reelnotesDesktop?.onMenuCommand((command) => run(command, null));
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('pointerdown', noteTransportUsed, true);
      window.removeEventListener('focusin', noteTransportUsed, true);
      unsubscribe?.();
    };
  }, []);
}

/**
 * Runs `handler` for a command while the calling component is mounted (the latest handler, without
 * re-registering). A player's commands name it (`transport`), so shared keys find the one used last.
 */
export function useCommand(command: Command, handler: CommandHandler, transport?: Transport): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const registered: CommandHandler = (event) => latest.current(event);
    const owner = transport ?? 'desk';
    const owners = handlers.get(command) ?? new Map<Transport | 'desk', CommandHandler>();
    owners.set(owner, registered);
    handlers.set(command, owners);
    return () => {
      if (owners.get(owner) === registered) owners.delete(owner);
    };
  }, [command, transport]);
}
