import { FILM_PAGE_MIME_TYPE, STUDY_PACK_MIME_TYPE } from '../../../shared/openings';

/**
 * What a file dragged over the window is to Reelnotes. While a drag is under way the browser tells
 * only the files' types (their names come with the drop), so the overlay decides from the type. A
 * file of no type (a study pack or `.reelfilm` page on a system that has not registered them) is
 * `unnamed` until the drop gives its name, which then decides: the overlay says both.
 */
export type DroppedFileKind = 'film-page' | 'study-pack' | 'recording' | 'unnamed' | 'other';

export function droppedFileKind(mimeType: string, name?: string): DroppedFileKind {
  if (mimeType === 'text/plain' || mimeType === FILM_PAGE_MIME_TYPE) return 'film-page';
  if (mimeType === STUDY_PACK_MIME_TYPE) return 'study-pack';
  if (mimeType.startsWith('audio/')) return 'recording';
  if (mimeType !== '') return 'other';
  if (name === undefined) return 'unnamed';
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return extension === 'reelstudy' ? 'study-pack' : extension === 'reelfilm' || extension === 'txt' ? 'film-page' : 'other';
}

/** The kind of the first file being dragged or dropped (the one a drop acts on), or null for no file. */
export function draggedFileKind(transfer: DataTransfer): DroppedFileKind | null {
  const item = [...transfer.items].find((i) => i.kind === 'file');
  return item ? droppedFileKind(item.type) : null;
}

/**
 * The score player marks itself with these while it has a track to attach a recording to: the
 * track's title, and whether a recording of it is already there (a drop replaces it).
 */
export const TAKES_RECORDINGS = 'data-takes-recordings';
export const HAS_RECORDING = 'data-has-recording';

/** The track a recording dropped at this point of the window goes to, if it is over the score player. */
export interface PlayerTrack {
  title: string;
  hasRecording: boolean;
}

export function playerTrackAt(target: EventTarget | null): PlayerTrack | null {
  const player = target instanceof Element ? target.closest(`[${TAKES_RECORDINGS}]`) : null;
  if (!player) return null;
  return { title: player.getAttribute(TAKES_RECORDINGS) ?? '', hasRecording: player.hasAttribute(HAS_RECORDING) };
}

/** What dropping the file where it is now will do, in the words the overlay and a refusal use. */
export function dropOutcome(
  kind: DroppedFileKind,
  overPlayer: PlayerTrack | null,
  filmHasTracks: boolean
): { acts: boolean; text: string } {
  if (kind === 'film-page') return { acts: true, text: 'Drop the film page to add it to your library' };
  if (kind === 'study-pack') return { acts: true, text: 'Drop the study pack to open it in your library' };
  if (kind === 'unnamed') return { acts: true, text: 'Drop a study pack or a film page to open it in your library' };
  if (kind === 'other') {
    return {
      acts: false,
      text: 'Reelnotes cannot open this file: it reads film pages (.txt) and study packs (.reelstudy), and attaches recordings (audio) in the score player'
    };
  }
  if (!filmHasTracks) return { acts: false, text: 'This film has no soundtrack entries to attach a recording to' };
  if (overPlayer) {
    const replacing = overPlayer.hasRecording ? ', in place of the recording it has' : '';
    return { acts: true, text: `Drop to attach this recording to “${overPlayer.title}”${replacing}` };
  }
  return { acts: false, text: 'To attach this recording, drop it on the score player below, with its track chosen' };
}
