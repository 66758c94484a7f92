import { formatFilmTime } from '../../../shared/time-format';
import { FILM_NOT_ON_DESK, playheadOf } from '../films/playhead';
import { useCommand } from '../keymap/keymap';
import { useNotify } from '../notices/notify';

/** Marks the text fields that take the film's time (a note being written), for Alt+T. */
export const takesFilmTime = { 'data-takes-film-time': true } as const;

/**
 * Alt+T in a note being written types the playhead's time (hh:mm:ss) at the caret, where it reads as
 * a link in the preview. Typed as if by the keyboard, so the field's Undo and the note's autosave
 * see it as any other typing.
 */
export function useFilmTimeInsertion(filmId: number | null): void {
  const notify = useNotify();
  useCommand('insert-film-time', () => {
    const field = document.activeElement;
    if (!(field instanceof HTMLTextAreaElement) || !field.matches('[data-takes-film-time]')) return false;
    const ms = filmId === null ? null : playheadOf(filmId);
    if (ms === null) return notify.failed(FILM_NOT_ON_DESK);
    // execCommand is the one way to type into a field that keeps the field's own undo history.
    document.execCommand('insertText', false, formatFilmTime(ms));
  });
}
