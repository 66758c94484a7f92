import { useCallback, useMemo, useState } from 'react';
import type { TagRef } from '../../../shared/notes';
import { useSceneTags, useScenesTagged, useTags } from '../tags/queries';
import type { TagFilter } from '../tags/TagPanel';

/**
 * What the notes feature keeps for the open film: its tags with counts, the tags of its scenes, the
 * tag filter and the scenes it lets through. Each list follows changes to notes and tags by itself
 * (the mutations invalidate them).
 */
export function useNotesDesk(filmId: number | null) {
  // The filter belongs to the film it was set on: another film has other tags in use.
  const [chosenFilter, setChosenFilter] = useState<TagFilter & { filmId: number | null }>({ filmId, tagIds: [], match: 'all' });
  const filter: TagFilter = chosenFilter.filmId === filmId ? chosenFilter : { tagIds: [], match: chosenFilter.match };
  const setFilter = useCallback((next: TagFilter) => setChosenFilter({ ...next, filmId }), [filmId]);

  const tags = useTags(filmId);
  const sceneTags = useSceneTags(filmId);
  const filtered = useScenesTagged(filmId, filter.tagIds, filter.match);
  const tagsByScene = useMemo(() => new Map<number, TagRef[]>((sceneTags.data ?? []).map((s) => [s.sceneId, s.tags])), [sceneTags.data]);
  const visibleSceneIds = filter.tagIds.length && filtered.data ? new Set(filtered.data) : null;

  return {
    filter,
    setFilter,
    tags: tags.data ?? [],
    tagsByScene,
    visibleSceneIds
  };
}
