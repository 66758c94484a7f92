import { contextBridge, ipcRenderer } from 'electron';
import { methodNames, type Bridge } from '../shared/contract';
import { isMenuCommand, MENU_COMMAND_CHANNEL, type MenuCommand } from '../shared/menu-commands';

/**
 * The renderer gets one named function per contract method and nothing else: never ipcRenderer
 * itself, so a compromised page can reach only what the contract allows, with validated input.
 */
const library = Object.fromEntries(methodNames.map((method) => [method, (input: unknown) => ipcRenderer.invoke(method, input)])) as Bridge;

const desktop = {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const forward = (_event: Electron.IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => ipcRenderer.off(MENU_COMMAND_CHANNEL, forward);
  }
};

export type DesktopBridge = typeof desktop;

contextBridge.exposeInMainWorld('reelnotes', library);
contextBridge.exposeInMainWorld('reelnotesDesktop', desktop);
