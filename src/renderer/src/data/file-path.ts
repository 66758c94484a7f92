/**
 * Where a file the person picked or dropped lies on this computer, in the desktop app (the preload's
 * `pathForFile`), so the library reads it there through a by-path method and its bytes never cross
 * IPC. Null in the browser host, whose page cannot know it and uploads the file instead.
 */
export function pathOfFile(file: File): string | null {
  return window.reelnotesDesktop?.pathForFile(file) || null;
}
