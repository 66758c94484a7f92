/**
 * What a file dragged over the window is to Reelnotes. While a drag is under way the browser tells
 * only the files' types (their names come with the drop), so the overlay and the drop both decide
 * from the type alone: what the overlay promises is what the drop does.
 */
export type DroppedFileKind = 'film-page' | 'recording' | 'other';

export function droppedFileKind(mimeType: string): DroppedFileKind {
  if (mimeType === 'text/plain') return 'film-page';
  if (mimeType.startsWith('audio/')) return 'recording';
  return 'other';
}

/** The kind of the first file being dragged or dropped (the one a drop acts on), or null for no file. */
export function draggedFileKind(transfer: DataTransfer): DroppedFileKind | null {
  const item = [...transfer.items].find((i) => i.kind === 'file');
  return item ? droppedFileKind(item.type) : null;
}

/** The score player marks itself with this while it has a track to attach a recording to. */
export const TAKES_RECORDINGS = 'data-takes-recordings';

/** What dropping the file where it is now will do, in the words the overlay and a refusal use. */
export function dropOutcome(kind: DroppedFileKind, overPlayer: boolean, filmHasTracks: boolean): { acts: boolean; text: string } {
  if (kind === 'film-page') return { acts: true, text: 'Drop the film page to add it to your library' };
  if (kind === 'other') {
    return { acts: false, text: 'Reelnotes cannot open this file: it reads film pages (.txt) and attaches recordings (audio) in the score player' };
  }
  if (!filmHasTracks) return { acts: false, text: 'This film has no soundtrack entries to attach a recording to' };
  if (overPlayer) return { acts: true, text: 'Drop to attach this recording to the track shown in the score player' };
  return { acts: false, text: 'To attach this recording, drop it on the score player below, with its track chosen' };
}
