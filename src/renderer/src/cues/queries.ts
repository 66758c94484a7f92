import { useLibraryMutation, useLibraryQuery } from '../data/library-query';

export const useCues = (trackId: number | null) => useLibraryQuery('cues.list', trackId === null ? null : { trackId });
export const useSceneCues = (sceneId: number) => useLibraryQuery('cues.forScene', { sceneId });

export const useCreateCue = () => useLibraryMutation('cues.create', ['cues']);
export const useUpdateCue = () => useLibraryMutation('cues.update', ['cues', 'placements']);
// A deleted cue takes its notes, tags and placements with it, and its undo brings them back; a cue's
// colour and tags show on the timeline's placements too.
export const useDeleteCues = () => useLibraryMutation('cues.deleteSeveral', ['cues', 'notes', 'tags', 'placements']);
export const useRestoreDeletedCues = () => useLibraryMutation('cues.restoreDeleted', ['cues', 'notes', 'tags', 'placements']);
export const useRecolourCues = () => useLibraryMutation('cues.recolour', ['cues', 'placements']);
export const useTagCues = () => useLibraryMutation('cues.tag', ['cues', 'tags', 'placements']);
export const useLinkCue = () => useLibraryMutation('cues.link', ['cues']);
export const useUnlinkCue = () => useLibraryMutation('cues.unlink', ['cues']);
export const useImportCueFile = () => useLibraryMutation('cues.importFile', ['cues']);
export const useShiftTrack = () => useLibraryMutation('cues.shiftTrack', ['cues']);
/** The recording counts the stand-in cues still to be settled; removed cues take their placements with them. */
export const useSettleStandInCues = () => useLibraryMutation('cues.settleStandInCues', ['cues', 'recordings', 'placements']);
