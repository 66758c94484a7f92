import { BrowserWindow, clipboard, ClipboardItem, ipcMain, Menu, type IpcMainInvokeEvent } from 'electron';
import type { Citation } from '../shared/contract/exchange';
import { ITEM_MENU_CHANNEL, itemMenuInput, type ItemMenuChoice } from '../shared/desktop-bridge';
import type { CallOutcome } from '../shared/errors';
import { dispatch } from '../core/dispatch';
import type { Library } from '../core/library/library';
import { itemMenuTemplate } from './context-menu';

/**
 * A note's or a scene's context menu, asked for by the page (which knows what is under the pointer;
 * Electron's own context-menu event does not). The shell copies what is chosen, so the clipboard is
 * written whether or not the page still has the person's gesture, and tells the page what it copied.
 */
export function bindItemMenu(isTrusted: (event: IpcMainInvokeEvent) => boolean, library: Library): void {
  ipcMain.handle(ITEM_MENU_CHANNEL, async (event, input: unknown): Promise<ItemMenuChoice> => {
    if (!isTrusted(event)) throw new Error('This page may not show menus.');
    const { target, link, hasSelection } = itemMenuInput.parse(input);
    return new Promise((resolve, reject) => {
      let chosen = false;
      const choose = async (what: 'link' | 'citation') => {
        chosen = true;
        if (what === 'link') {
          await clipboard.writeText(link);
          resolve({ copied: 'link', link });
          return;
        }
        const outcome = (await dispatch(library, 'exchange.cite', { target })) as CallOutcome<Citation>;
        // As HTML (the title in italics, for a word processor) and as plain text, as the Cite button copies it.
        if (outcome.ok) await clipboard.write([new ClipboardItem({ 'text/plain': outcome.result.text, 'text/html': outcome.result.html })]);
        resolve({ copied: 'citation', outcome });
      };
      Menu.buildFromTemplate(itemMenuTemplate(target.kind, hasSelection, (what) => void choose(what).catch(reject))).popup({
        window: BrowserWindow.fromWebContents(event.sender) ?? undefined,
        // Some systems close the menu before its item's click arrives: the click gets its turn first.
        callback: () => setImmediate(() => chosen || resolve({ copied: null }))
      });
    });
  });
}
