import { useLibraryMutation, useLibraryQuery } from '../data/library-query';

export const useCues = (trackId: number | null) => useLibraryQuery('cues.list', trackId === null ? null : { trackId });
export const useSceneCues = (sceneId: number) => useLibraryQuery('cues.forScene', { sceneId });

export const useCreateCue = () => useLibraryMutation('cues.create', ['cues']);
export const useUpdateCue = () => useLibraryMutation('cues.update', ['cues']);
// A deleted cue takes its notes and tags with it, and its undo brings them back.
export const useDeleteCues = () => useLibraryMutation('cues.deleteSeveral', ['cues', 'notes', 'tags']);
export const useRestoreDeletedCues = () => useLibraryMutation('cues.restoreDeleted', ['cues', 'notes', 'tags']);
export const useRecolourCues = () => useLibraryMutation('cues.recolour', ['cues']);
export const useTagCues = () => useLibraryMutation('cues.tag', ['cues', 'tags']);
export const useLinkCue = () => useLibraryMutation('cues.link', ['cues']);
export const useUnlinkCue = () => useLibraryMutation('cues.unlink', ['cues']);
export const useImportCueFile = () => useLibraryMutation('cues.importFile', ['cues']);
export const useShiftTrack = () => useLibraryMutation('cues.shiftTrack', ['cues']);
/** The recording counts the stand-in cues still to be settled. */
export const useSettleStandInCues = () => useLibraryMutation('cues.settleStandInCues', ['cues', 'recordings']);
