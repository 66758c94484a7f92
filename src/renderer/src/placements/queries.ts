import { useLibraryMutation, useLibraryQuery } from '../data/library-query';

export const useScenePlacements = (sceneId: number) => useLibraryQuery('placements.forScene', { sceneId });

/** A placement shows in its scene's list and on the timeline. */
export const useCreatePlacement = () => useLibraryMutation('placements.create', ['placements']);
export const useUpdatePlacement = () => useLibraryMutation('placements.update', ['placements']);
export const useDeletePlacement = () => useLibraryMutation('placements.delete', ['placements']);
