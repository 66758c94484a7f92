import type { MenuItemConstructorOptions } from 'electron';
import { isPlainKey, menuCommands, roleShortcuts, windowCommands, type MenuCommand, type MenuName } from '../shared/menu-commands';

/** What the menu's items do; the shell passes the real actions, the tests record them. */
export interface MenuActions {
  /** Hands a window command to the focused window's renderer. */
  send(command: MenuCommand): void;
  showAbout(): void;
  revealLibraryFolder(): void;
  revealLog(): void;
}

export interface MenuPlatform {
  platform: NodeJS.Platform;
  /** A packaged app hides the developer tools. */
  isPackaged: boolean;
}

type Role = keyof typeof roleShortcuts;
const role = (name: Role, extra: MenuItemConstructorOptions = {}): MenuItemConstructorOptions => ({
  role: name,
  accelerator: roleShortcuts[name],
  ...extra
});
const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu, built from the one list of window commands. The renderer's keymap binds
 * their keys, so the menu only shows them (`registerAccelerator: false`): a key press is handled
 * once, and a plain key such as Space still types a space in a text field. macOS has no such
 * option (a menu key there always fires), so plain keys are shown only off macOS.
 */
export function menuTemplate({ platform, isPackaged }: MenuPlatform, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const commandsOf = (menu: MenuName): MenuItemConstructorOptions[] =>
    menuCommands
      .filter((command) => windowCommands[command].menu === menu)
      .map((command) => {
        const { label, accelerator } = windowCommands[command];
        const shown = accelerator !== undefined && !(isMac && isPlainKey(accelerator));
        return {
          id: command,
          label,
          click: () => actions.send(command),
          ...(shown ? { accelerator, registerAccelerator: false } : {})
        };
      });
  return [
    ...(isMac
      ? [
          {
            label: 'Reelnotes',
            submenu: [
              { role: 'services' as const },
              separator,
              { role: 'hide' as const },
              { role: 'unhide' as const },
              separator,
              role('quit')
            ]
          }
        ]
      : []),
    {
      label: '&File',
      submenu: [
        ...commandsOf('file'),
        separator,
        { id: 'reveal-library-folder', label: 'Reveal Library Folder', click: actions.revealLibraryFolder },
        separator,
        isMac ? role('close') : role('quit')
      ]
    },
    {
      label: '&Edit',
      submenu: [
        role('undo'),
        role('redo'),
        separator,
        role('cut'),
        role('copy'),
        role('paste'),
        separator,
        role('selectAll'),
        separator,
        ...commandsOf('edit')
      ]
    },
    {
      label: '&View',
      submenu: [
        ...commandsOf('view'),
        separator,
        role('reload'),
        ...(isPackaged ? [] : [role('toggleDevTools')]),
        separator,
        role('resetZoom'),
        role('zoomIn'),
        role('zoomOut'),
        separator,
        // macOS has its own full-screen key (Ctrl+⌘+F), which the role gives by itself.
        isMac ? { role: 'togglefullscreen' } : role('togglefullscreen')
      ]
    },
    { label: '&Play', submenu: commandsOf('play') },
    { label: '&Window', submenu: [role('minimize'), ...(isMac ? [] : [role('close')])] },
    // About is in the Help menu on every platform, so it is in the same place wherever the person looks.
    {
      label: '&Help',
      role: 'help',
      submenu: [
        { id: 'about', label: 'About Reelnotes', click: actions.showAbout },
        { id: 'reveal-log', label: 'Reveal Log', click: actions.revealLog }
      ]
    }
  ];
}
