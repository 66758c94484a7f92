/**
 * Every command of the window, in one list: the desktop menu is built from it (label, menu,
 * shortcut) and the renderer's keymap binds the same shortcuts from it, so a key is declared once
 * and the menu shows exactly the key that works. `test/unit/menu-commands.test.ts` checks that each
 * command and each shortcut appears once, the application's own roles included.
 *
 * Shortcuts are written as Electron accelerators (`CmdOrCtrl+K`, `Space`, `Shift+Left`): the menu
 * uses them as they are, and `matchesAccelerator` reads them against a key press in the page.
 */

/** The channel the application menu sends a command on; the preload forwards only known commands. */
export const MENU_COMMAND_CHANNEL = 'menu:command';

export type MenuName = 'file' | 'edit' | 'view' | 'play' | 'help';

export interface WindowCommandSpec {
  label: string;
  menu: MenuName;
  /** The shortcut the menu shows and the keymap binds. */
  accelerator?: string;
  /** Further keys for the same command, bound by the keymap only (the menu shows one shortcut). */
  alsoKeys?: readonly string[];
}

/** Commands the renderer carries out (the menu sends them; the keymap binds their keys). */
export const windowCommands = {
  'import-film-page': { label: 'Import Film Page…', menu: 'file', accelerator: 'CmdOrCtrl+O' },
  'export-study': { label: 'Export Study as Markdown…', menu: 'file', accelerator: 'CmdOrCtrl+E' },
  'export-cues': { label: 'Export Cues of the Open Recording…', menu: 'file', accelerator: 'CmdOrCtrl+Shift+E' },
  'open-exchange': { label: 'Export or Import…', menu: 'file', accelerator: 'CmdOrCtrl+Shift+X' },
  'show-backups': { label: 'Backups…', menu: 'file', accelerator: 'CmdOrCtrl+Shift+B' },
  'focus-search': { label: 'Search', menu: 'view', accelerator: 'CmdOrCtrl+K', alsoKeys: ['/'] },
  'view-scenes': { label: 'Scenes', menu: 'view', accelerator: 'CmdOrCtrl+1' },
  'view-annotations': { label: 'All Annotations', menu: 'view', accelerator: 'CmdOrCtrl+2' },
  'view-trash': { label: 'Trash', menu: 'view', accelerator: 'CmdOrCtrl+3' },
  // A chord, so it works while typing in a cue's label too: the score takes most of the window, and gives it back.
  'toggle-score-room': { label: 'Give the Score Most of the Window', menu: 'view', accelerator: 'CmdOrCtrl+Shift+S' },
  // The film's picture alone in a second window (the ⧉ button), and back on the desk (Attach back).
  'picture-window': { label: 'Film: Picture in Its Own Window or Back', menu: 'view', accelerator: 'CmdOrCtrl+Shift+D' },
  'play-pause': { label: 'Play or Pause', menu: 'play', accelerator: 'Space' },
  // Shift with an arrow skips 1 s instead of 5 s (the handler reads the key press).
  'skip-back': { label: 'Back 5 Seconds', menu: 'play', accelerator: 'Left', alsoKeys: ['Shift+Left'] },
  'skip-forward': { label: 'Forward 5 Seconds', menu: 'play', accelerator: 'Right', alsoKeys: ['Shift+Right'] },
  'loop-start': { label: 'Set Loop Start', menu: 'play', accelerator: '[' },
  'loop-end': { label: 'Set Loop End', menu: 'play', accelerator: ']' },
  // L loops the score, and shuttles the film forward (faster at each press) when the film is the
  // player used last: one key, the player's own meaning (see keymap.ts).
  'toggle-loop': { label: 'Loop · Film: Shuttle Forward', menu: 'play', accelerator: 'L' },
  'drop-marker': { label: 'Drop a Marker', menu: 'play', accelerator: 'M' },
  // The film's editor keys (J/L as above), and one frame at a time.
  'shuttle-back': { label: 'Film: Shuttle Back', menu: 'play', accelerator: 'J' },
  'shuttle-stop': { label: 'Film: Stop', menu: 'play', accelerator: 'K' },
  'frame-back': { label: 'Film: One Frame Back', menu: 'play', accelerator: ',' },
  'frame-forward': { label: 'Film: One Frame Forward', menu: 'play', accelerator: '.' },
  // I and O set the chosen scene's start and end at the film's playhead, as in an editor.
  'scene-start-here': { label: 'Film: Set Scene Start Here', menu: 'play', accelerator: 'I' },
  'scene-end-here': { label: 'Film: Set Scene End Here', menu: 'play', accelerator: 'O' },
  // P: the cue the score plays (or played last) is placed at the film's playhead, for its own length.
  'place-cue': { label: 'Film: Place the Cue Heard at the Playhead', menu: 'play', accelerator: 'P' },
  // Works while typing (it has Alt): it types the film's time into the note being written.
  'insert-film-time': { label: 'Insert the Film’s Time in the Note', menu: 'edit', accelerator: 'Alt+T' },
  // A chord, so that it works while the person writes the note the grab goes into.
  'grab-frame': { label: 'Film: Grab the Frame into the Note', menu: 'play', accelerator: 'CmdOrCtrl+G' },
  // The waveform's zoom: + (or =) in, − out, Z fits the loop or the cue.
  'zoom-in': { label: 'Zoom In on the Waveform', menu: 'view', accelerator: 'Plus', alsoKeys: ['='] },
  'zoom-out': { label: 'Zoom Out of the Waveform', menu: 'view', accelerator: '-', alsoKeys: ['_'] },
  'zoom-fit': { label: 'Zoom to the Loop or Cue', menu: 'view', accelerator: 'Z' }
} as const satisfies Record<string, WindowCommandSpec>;

export type MenuCommand = keyof typeof windowCommands;
export const menuCommands = Object.keys(windowCommands) as MenuCommand[];
export const isMenuCommand = (value: unknown): value is MenuCommand => typeof value === 'string' && Object.hasOwn(windowCommands, value);

/**
 * The platform's own menu items the shell adds (Electron roles), with the shortcut each one takes.
 * Listed here so that no command of ours can take a shortcut the platform already gives them.
 */
export const roleShortcuts = {
  undo: 'CmdOrCtrl+Z',
  redo: 'CmdOrCtrl+Shift+Z',
  cut: 'CmdOrCtrl+X',
  copy: 'CmdOrCtrl+C',
  paste: 'CmdOrCtrl+V',
  selectAll: 'CmdOrCtrl+A',
  reload: 'CmdOrCtrl+R',
  toggleDevTools: 'CmdOrCtrl+Shift+I',
  resetZoom: 'CmdOrCtrl+0',
  zoomIn: 'CmdOrCtrl+Plus',
  zoomOut: 'CmdOrCtrl+-',
  togglefullscreen: 'F11',
  minimize: 'CmdOrCtrl+M',
  close: 'CmdOrCtrl+W',
  quit: 'CmdOrCtrl+Q'
} as const;

/** A shortcut without Ctrl/⌘ or Alt: it belongs to a field while the person types there. */
export const isPlainKey = (accelerator: string): boolean => !/(^|\+)(CmdOrCtrl|Alt)\+/.test(accelerator);

/** The parts of a key press an accelerator is read against (a DOM KeyboardEvent has them all). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The `KeyboardEvent.key` of an accelerator's key code, where the two differ. */
const eventKeys: Record<string, string> = {
  Space: ' ',
  Left: 'ArrowLeft',
  Right: 'ArrowRight',
  Up: 'ArrowUp',
  Down: 'ArrowDown',
  Plus: '+'
};

/**
 * True when `press` is the shortcut `accelerator`: the same key, with Ctrl or ⌘ exactly when the
 * accelerator names CmdOrCtrl and Alt exactly when it names Alt. Shift is compared for letters and
 * named keys only: a symbol such as `/` or `+` already says which key was meant, and needs Shift on
 * some keyboard layouts. Letters match in either case (Caps Lock does not change the key).
 */
export function matchesAccelerator(accelerator: string, press: KeyPress): boolean {
  const parts = accelerator.split('+');
  const code = parts.at(-1)!;
  const modifiers = new Set(parts.slice(0, -1));
  const key = eventKeys[code] ?? code;
  const isSymbol = key.length === 1 && key.toLowerCase() === key.toUpperCase();
  if ((press.ctrlKey || press.metaKey) !== modifiers.has('CmdOrCtrl') || press.altKey !== modifiers.has('Alt')) return false;
  if (!isSymbol && press.shiftKey !== modifiers.has('Shift')) return false;
  return key.length === 1 ? press.key.toLowerCase() === key.toLowerCase() : press.key === key;
}
