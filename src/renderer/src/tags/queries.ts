import type { TagMatch } from '../../../shared/notes';
import { useLibraryMutation, useLibraryQuery } from '../data/library-query';

/** The library's tags, with counts in this film; one answer for the film's panel and every tag editor. */
export const useTags = (filmId: number | null) => useLibraryQuery('tags.list', filmId === null ? null : { filmId });
export const useSceneTags = (filmId: number | null) => useLibraryQuery('tags.ofScenes', filmId === null ? null : { filmId });
export const useScenesTagged = (filmId: number | null, tagIds: number[], tagMatch: TagMatch) =>
  useLibraryQuery('tags.filterScenes', filmId === null || tagIds.length === 0 ? null : { filmId, tagIds, tagMatch });

// Notes and cues carry their tags (the all-annotations list and the cue list show them), so a tag change reaches them too.
export const useAttachTag = () => useLibraryMutation('tags.attach', ['tags', 'notes', 'cues']);
export const useDetachTag = () => useLibraryMutation('tags.detach', ['tags', 'notes', 'cues']);
export const useUpdateTag = () => useLibraryMutation('tags.update', ['tags', 'notes', 'cues']);
export const useMergeTags = () => useLibraryMutation('tags.merge', ['tags', 'notes', 'cues']);
export const useDeleteTag = () => useLibraryMutation('tags.delete', ['tags', 'notes', 'cues']);
