import { useLibraryMutation, useLibraryQuery } from '../data/library-query';

export const useCues = (trackId: number | null) => useLibraryQuery('cues.list', trackId === null ? null : { trackId });
export const useSceneCues = (sceneId: number) => useLibraryQuery('cues.forScene', { sceneId });

export const useCreateCue = () => useLibraryMutation('cues.create', ['cues']);
export const useUpdateCue = () => useLibraryMutation('cues.update', ['cues', 'placements']);
export const useDeleteCue = () => useLibraryMutation('cues.delete', ['cues', 'placements']);
export const useLinkCue = () => useLibraryMutation('cues.link', ['cues']);
export const useUnlinkCue = () => useLibraryMutation('cues.unlink', ['cues']);
export const useImportCueFile = () => useLibraryMutation('cues.importFile', ['cues']);
export const useShiftTrack = () => useLibraryMutation('cues.shiftTrack', ['cues']);
/** The recording counts the stand-in cues still to be settled; removed cues take their placements with them. */
export const useSettleStandInCues = () => useLibraryMutation('cues.settleStandInCues', ['cues', 'recordings', 'placements']);
