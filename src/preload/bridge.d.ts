import type { Bridge } from '../shared/contract';
import type { MenuCommand } from '../shared/menu-commands';

declare global {
  interface Window {
    /** Present only in the desktop app; the browser host talks HTTP instead. */
    reelnotes?: Bridge;
    reelnotesDesktop?: { onMenuCommand(listener: (command: MenuCommand) => void): () => void };
  }
}
