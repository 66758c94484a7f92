import type { IncomingText } from '../../../shared/contract/fields';

/**
 * Where a file the person picked or dropped lies on this computer, in the desktop app (the preload's
 * `pathForFile`), so the library reads it there through a by-path method and its bytes never cross
 * IPC. Null in the browser host, whose page cannot know it and uploads the file instead.
 */
export function pathOfFile(file: File): string | null {
  return window.reelnotesDesktop?.pathForFile(file) || null;
}

/**
 * A text file the person picked or dropped, for a method that takes one (`textFileInput`): its path in
 * the desktop app (the library reads it there), its name and text in the browser host.
 */
export async function incomingTextOf(file: File): Promise<IncomingText> {
  const path = pathOfFile(file);
  return path ? { path } : { fileName: file.name, text: await file.text() };
}
