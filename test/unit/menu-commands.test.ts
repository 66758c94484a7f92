import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuActions } from '../../src/main/menu-template';
import {
  isMenuCommand,
  isPlainKey,
  matchesAccelerator,
  menuCommands,
  roleShortcuts,
  windowCommands,
  type KeyPress,
  type MenuCommand
} from '../../src/shared/menu-commands';

const platforms = ['linux', 'win32', 'darwin'] as const;

/** Every item of the template, submenus opened, with the top menu it sits in. */
function items(template: MenuItemConstructorOptions[]): { menu: string; item: MenuItemConstructorOptions }[] {
  return template.flatMap((top) =>
    (Array.isArray(top.submenu) ? top.submenu : []).map((item) => ({ menu: String(top.label).replace('&', ''), item }))
  );
}

function recordingActions() {
  const done: string[] = [];
  const actions: MenuActions = {
    send: (command) => done.push(`send ${command}`),
    showAbout: () => done.push('about'),
    revealLibraryFolder: () => done.push('reveal library folder'),
    revealLog: () => done.push('reveal log')
  };
  return { done, actions };
}

const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

/** The key press an accelerator describes: Ctrl for CmdOrCtrl, the key as the page's KeyboardEvent names it. */
function pressOf(accelerator: string): KeyPress {
  const parts = accelerator.split('+');
  const code = parts.at(-1)!;
  const named: Record<string, string> = { Space: ' ', Left: 'ArrowLeft', Right: 'ArrowRight', Plus: '+' };
  return {
    key: named[code] ?? code.toLowerCase(),
    ctrlKey: parts.includes('CmdOrCtrl'),
    metaKey: false,
    altKey: parts.includes('Alt'),
    shiftKey: parts.includes('Shift')
  };
}

describe('the one list of window commands', () => {
  const keysOf = (command: MenuCommand) => {
    const spec: { accelerator?: string; alsoKeys?: readonly string[] } = windowCommands[command];
    return [spec.accelerator ?? [], spec.alsoKeys ?? []].flat();
  };

  it('gives each shortcut to one command only, none of them a shortcut the platform gives its own items', () => {
    const all = [...menuCommands.flatMap(keysOf), ...Object.values(roleShortcuts)];
    expect(new Set(all).size).toBe(all.length);
  });

  it('lets every key press reach exactly the command that declares it (and no role key reach a command)', () => {
    for (const command of menuCommands) {
      for (const key of keysOf(command)) {
        const claimedBy = menuCommands.filter((other) => keysOf(other).some((k) => matchesAccelerator(k, pressOf(key))));
        expect([key, claimedBy]).toEqual([key, [command]]);
      }
    }
    for (const key of Object.values(roleShortcuts)) {
      expect([key, menuCommands.filter((c) => keysOf(c).some((k) => matchesAccelerator(k, pressOf(key))))]).toEqual([key, []]);
    }
  });

  it('reads accelerators as the page sees key presses', () => {
    const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
      key,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      shiftKey: false,
      ...mods
    });
    expect(matchesAccelerator('CmdOrCtrl+K', press('k', { ctrlKey: true }))).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+K', press('k', { metaKey: true }))).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+K', press('K', { ctrlKey: true }))).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+K', press('k'))).toBe(false);
    expect(matchesAccelerator('CmdOrCtrl+K', press('k', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(matchesAccelerator('CmdOrCtrl+E', press('e', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesAccelerator('CmdOrCtrl+Shift+E', press('E', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchesAccelerator('Space', press(' '))).toBe(true);
    expect(matchesAccelerator('Left', press('ArrowLeft'))).toBe(true);
    expect(matchesAccelerator('Left', press('ArrowLeft', { shiftKey: true }))).toBe(false);
    expect(matchesAccelerator('Shift+Left', press('ArrowLeft', { shiftKey: true }))).toBe(true);
    expect(matchesAccelerator('L', press('l'))).toBe(true);
    expect(matchesAccelerator('L', press('L', { shiftKey: true }))).toBe(false);
    // A symbol that needs Shift on some layouts (/ is Shift+7 on a German keyboard) is still that symbol.
    expect(matchesAccelerator('/', press('/', { shiftKey: true }))).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+1', press('1', { ctrlKey: true }))).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+1', press('2', { ctrlKey: true }))).toBe(false);
  });

  it('forwards only its own commands from the menu to the page', () => {
    expect(menuCommands.every(isMenuCommand)).toBe(true);
    for (const foreign of ['toString', 'constructor', 'quit', '', 42, null]) expect(isMenuCommand(foreign)).toBe(false);
  });
});

describe('the application menu', () => {
  it.each(platforms)('holds every window command once, under its menu, and sends it when chosen (%s)', (platform) => {
    const { done, actions } = recordingActions();
    const all = items(menuTemplate({ platform, isPackaged: true }, actions));
    for (const command of menuCommands) {
      const found = all.filter(({ item }) => item.id === command);
      expect(found.map(({ menu, item }) => [menu.toLowerCase(), item.label])).toEqual([
        [windowCommands[command].menu, windowCommands[command].label]
      ]);
      click(found[0].item);
    }
    expect(done).toEqual(menuCommands.map((command) => `send ${command}`));
  });

  it.each(platforms)('shows each shortcut once and leaves the keys of window commands to the keymap (%s)', (platform) => {
    const all = items(menuTemplate({ platform, isPackaged: false }, recordingActions().actions));
    const shown = all.map(({ item }) => item.accelerator).filter((a) => a !== undefined);
    expect(new Set(shown).size).toBe(shown.length);
    for (const { item } of all.filter(({ item }) => isMenuCommand(item.id))) {
      const accelerator: string | undefined = windowCommands[item.id as MenuCommand].accelerator;
      // Shown, never registered: the page handles the key once; on macOS a plain key would fire while typing, so it is not shown.
      const expected = accelerator === undefined || (platform === 'darwin' && isPlainKey(accelerator)) ? undefined : accelerator;
      expect([item.id, item.accelerator]).toEqual([item.id, expected]);
      if (item.accelerator) expect(item.registerAccelerator).toBe(false);
    }
  });

  it.each(platforms)('has Help › About and Reveal Log, and File › Reveal Library Folder (%s)', (platform) => {
    const { done, actions } = recordingActions();
    const template = menuTemplate({ platform, isPackaged: true }, actions);
    const help = items(template).filter(({ menu }) => menu === 'Help');
    expect(help.map(({ item }) => item.label)).toEqual(['About Reelnotes', 'Reveal Log']);
    click(help[0].item);
    click(help[1].item);
    const reveal = items(template).find(({ item }) => item.id === 'reveal-library-folder');
    expect(reveal?.menu).toBe('File');
    click(reveal!.item);
    expect(done).toEqual(['about', 'reveal log', 'reveal library folder']);
  });

  it('gives each role once, and the developer tools only to an unpackaged build', () => {
    for (const platform of platforms) {
      for (const isPackaged of [true, false]) {
        const roles = items(menuTemplate({ platform, isPackaged }, recordingActions().actions))
          .map(({ item }) => item.role)
          .filter((r) => r !== undefined);
        expect(new Set(roles).size).toBe(roles.length);
        expect(roles.includes('toggleDevTools')).toBe(!isPackaged);
        expect(roles).toContain(platform === 'darwin' ? 'close' : 'quit');
      }
    }
  });
});
