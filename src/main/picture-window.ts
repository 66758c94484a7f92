import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { pictureStartOf } from '../shared/picture-route';

/**
 * The film's picture in its own window (the renderer's `#/film/<id>/picture` route, opened by the
 * page with window.open). A window may open only on that route of the page that asks, so a page
 * cannot open anything else; it gets the page's own preload and security settings, opens nothing
 * further, does not navigate, and closes with the desk's window.
 */

/** True when `url` is the picture's route on the very page (`pageUrl`) that asks to open it. */
export function isPictureAddress(url: string, pageUrl: string): boolean {
  try {
    const asked = new URL(url);
    const page = new URL(pageUrl);
    return asked.protocol === page.protocol && asked.host === page.host && asked.pathname === page.pathname && asked.search === page.search
      ? pictureStartOf(asked.hash) !== null
      : false;
  } catch {
    return false;
  }
}

/** The picture's window: the desk's own page and bridge (`preload`), sandboxed, isolated, no Node. */
export function pictureWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 960,
    height: 600,
    minWidth: 480,
    minHeight: 320,
    title: 'Reelnotes — the film',
    backgroundColor: '#16171a',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true
    }
  };
}

/** What the shell does to the picture's window once it exists. */
export function guardPictureWindow(picture: BrowserWindow, desk: BrowserWindow): void {
  const contents = picture.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (url !== contents.getURL()) event.preventDefault();
  });
  const closeWithDesk = () => {
    if (!picture.isDestroyed()) picture.close();
  };
  desk.once('closed', closeWithDesk);
  picture.once('closed', () => desk.removeListener('closed', closeWithDesk));
}
