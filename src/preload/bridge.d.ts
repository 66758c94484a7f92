import type { Bridge } from '../shared/contract';
import type { DesktopBridge } from '../shared/desktop-bridge';

declare global {
  interface Window {
    /** Present only in the desktop app; the browser host talks HTTP instead. */
    reelnotes?: Bridge;
    reelnotesDesktop?: DesktopBridge;
  }
}
