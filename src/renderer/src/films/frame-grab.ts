import type { FrameGrab } from '../../../shared/frames';
import { call } from '../api';
import { currentFramePng, filmClockNow } from './film-clock';

async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text = '';
  // In pieces: String.fromCharCode takes a limited number of arguments.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/**
 * Grabs the frame on screen into the library (by hash, cited by film and time), inserts it as a
 * Markdown image into the note being written (the text field focused when the key was pressed), and
 * copies it to the clipboard with its citation.
 */
export async function grabFrame(into: EventTarget | null): Promise<{ grab: FrameGrab; inserted: boolean; copied: boolean }> {
  const clock = filmClockNow();
  const png = clock.filmId === null ? null : await currentFramePng();
  if (clock.filmId === null || png === null) throw new Error('There is no picture to grab: attach the film and let it show a frame.');
  const grab = await call('frames.grab', { filmId: clock.filmId, timeMs: Math.round(clock.timeMs), png: await base64Of(png) });
  let inserted = false;
  if (into instanceof HTMLTextAreaElement && into.isConnected) {
    into.focus();
    // As if typed: the editor's own change handling (autosave, undo) sees it.
    inserted = document.execCommand('insertText', false, `${grab.markdown}\n`);
  }
  const copied = await navigator.clipboard
    .write([new ClipboardItem({ 'image/png': png, 'text/plain': new Blob([grab.citation], { type: 'text/plain' }) })])
    .then(() => true)
    .catch(() => false);
  return { grab, inserted, copied };
}
