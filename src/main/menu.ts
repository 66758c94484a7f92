import { app, BrowserWindow, dialog, Menu, shell } from 'electron';
import { MENU_COMMAND_CHANNEL } from '../shared/menu-commands';
import { menuTemplate } from './menu-template';
import { revealLog } from './logs';

/** The application menu, with the shell's own actions: About, and revealing the library's folder. */
export function buildApplicationMenu(libraryHome: string): void {
  const template = menuTemplate(
    { platform: process.platform, isPackaged: app.isPackaged },
    {
      send: (command) => BrowserWindow.getFocusedWindow()?.webContents.send(MENU_COMMAND_CHANNEL, command),
      showAbout: () => void showAbout(libraryHome),
      revealLibraryFolder: () => void shell.openPath(libraryHome),
      revealLog
    }
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Versions a bug report needs, and where the person's library is. */
function aboutText(libraryHome: string): string {
  const versions = process.versions;
  return [
    `Version ${app.getVersion()}`,
    `Electron ${versions.electron}, Chromium ${versions.chrome}, Node ${versions.node}, V8 ${versions.v8}`,
    '',
    `Library folder: ${libraryHome}`
  ].join('\n');
}

async function showAbout(libraryHome: string): Promise<void> {
  const window = BrowserWindow.getFocusedWindow();
  const options = {
    type: 'info' as const,
    title: 'About Reelnotes',
    message: 'Reelnotes',
    detail: aboutText(libraryHome),
    buttons: ['OK', 'Reveal Library Folder'],
    defaultId: 0,
    cancelId: 0
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  if (response === 1) await shell.openPath(libraryHome);
}
