import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { methodNames, type Bridge } from '../shared/contract';
import {
  ITEM_MENU_CHANNEL,
  PRINT_PDF_CHANNEL,
  SAVE_FILE_CHANNEL,
  SAVE_STUDY_CHANNEL,
  SAVE_STUDY_PACK_CHANNEL,
  type DesktopBridge,
  type ItemMenuChoice,
  type SavedFile,
  type SavedStudy
} from '../shared/desktop-bridge';
import { isMenuCommand, MENU_COMMAND_CHANNEL, type MenuCommand } from '../shared/menu-commands';
import { OPENING_CHANNEL, type Opening } from '../shared/openings';

/**
 * The renderer gets one named function per contract method and nothing else: never ipcRenderer
 * itself, so a compromised page can reach only what the contract allows, with validated input.
 */
const library = Object.fromEntries(methodNames.map((method) => [method, (input: unknown) => ipcRenderer.invoke(method, input)])) as Bridge;

const isOpening = (value: unknown): value is Opening => {
  const opening = value as Partial<Record<string, unknown>> | null;
  return (
    typeof opening === 'object' &&
    opening !== null &&
    ((opening.kind === 'link' && typeof opening.url === 'string') ||
      ((opening.kind === 'film-page' || opening.kind === 'study-pack') && typeof opening.path === 'string'))
  );
};

// Openings can arrive before the page has mounted what takes them (a file given at launch): they wait here.
const waitingOpenings: Opening[] = [];
let openingListener: ((opening: Opening) => void) | undefined;
ipcRenderer.on(OPENING_CHANNEL, (_event, opening: unknown) => {
  if (!isOpening(opening)) return;
  if (openingListener) openingListener(opening);
  else waitingOpenings.push(opening);
});

const desktop: DesktopBridge = {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const forward = (_event: Electron.IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => ipcRenderer.off(MENU_COMMAND_CHANNEL, forward);
  },
  onOpen(listener) {
    openingListener = listener;
    waitingOpenings.splice(0).forEach(listener);
    return () => {
      if (openingListener === listener) openingListener = undefined;
    };
  },
  pathForFile: (file) => webUtils.getPathForFile(file),
  saveFile: (fileName, contents) => ipcRenderer.invoke(SAVE_FILE_CHANNEL, { fileName, contents }) as Promise<SavedFile>,
  showItemMenu: (input) => ipcRenderer.invoke(ITEM_MENU_CHANNEL, input) as Promise<ItemMenuChoice>,
  saveStudy: (filmId) => ipcRenderer.invoke(SAVE_STUDY_CHANNEL, { filmId }) as Promise<SavedStudy>,
  saveStudyPack: (filmId, withRecordings) => ipcRenderer.invoke(SAVE_STUDY_PACK_CHANNEL, { filmId, withRecordings }) as Promise<SavedFile>,
  printToPdf: (fileName, html) => ipcRenderer.invoke(PRINT_PDF_CHANNEL, { fileName, html }) as Promise<SavedFile>
};

contextBridge.exposeInMainWorld('reelnotes', library);
contextBridge.exposeInMainWorld('reelnotesDesktop', desktop);
