import type { AnnotationTarget } from '../../../shared/notes';
import { useLibraryMutation, useLibraryQuery } from '../data/library-query';

export const useNotesForTarget = (target: AnnotationTarget) => useLibraryQuery('notes.forTarget', { target });
export const useTrash = (filmId: number) => useLibraryQuery('notes.trash', { filmId });

// A note added, trashed or brought back changes the lists, the tags' counts of notes and a cue's.
export const useCreateNote = () => useLibraryMutation('notes.create', ['notes', 'tags', 'cues']);
export const useTrashNote = () => useLibraryMutation('notes.delete', ['notes', 'tags', 'cues']);
export const useRestoreNote = () => useLibraryMutation('notes.restore', ['notes', 'tags', 'cues']);
export const useEmptyTrash = () => useLibraryMutation('notes.emptyTrash', ['notes', 'tags', 'cues']);

/**
 * Saving a note's text or time invalidates no list: the person is still typing in it, and a list
 * reordered under their fingers would move the note away. A confirmed time reorders its list
 * (`useInvalidate('notes')` in the card); a saved time that changed refreshes the timeline at once.
 */
export const useUpdateNote = () => useLibraryMutation('notes.update', []);
export const useShiftFilmTimes = () => useLibraryMutation('notes.shiftFilmTimes', ['notes']);
