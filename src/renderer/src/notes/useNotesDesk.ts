import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TagRef } from '../../../shared/notes';
import { useCall } from '../hooks/useCall';
import type { TagFilter } from './TagPanel';

export type FilmView = 'scenes' | 'annotations' | 'trash';

/**
 * What the notes feature keeps for the open film: its tags with counts, the tags of its scenes, the
 * tag filter and the scenes it lets through, and a revision that moves whenever notes or tags
 * change so that every list showing them reloads.
 */
export function useNotesDesk(filmId: number | null) {
  const [view, setView] = useState<FilmView>('scenes');
  // The filter belongs to the film it was set on: another film has other tags in use.
  const [chosenFilter, setChosenFilter] = useState<TagFilter & { filmId: number | null }>({ filmId, tagIds: [], match: 'all' });
  const filter: TagFilter = chosenFilter.filmId === filmId ? chosenFilter : { tagIds: [], match: chosenFilter.match };
  const setFilter = useCallback((next: TagFilter) => setChosenFilter({ ...next, filmId }), [filmId]);
  const [revision, setRevision] = useState(0);
  const [focus, setFocus] = useState<{ noteId: number; at: number } | null>(null);

  const tags = useCall('tags.list', filmId === null ? null : { filmId });
  const sceneTags = useCall('tags.ofScenes', filmId === null ? null : { filmId });
  const filtered = useCall(
    'tags.filterScenes',
    filmId === null || filter.tagIds.length === 0 ? null : { filmId, tagIds: filter.tagIds, tagMatch: filter.match }
  );
  const { reload: reloadTags } = tags;
  const { reload: reloadSceneTags } = sceneTags;
  const { reload: reloadFiltered } = filtered;

  useEffect(() => {
    if (revision === 0) return;
    reloadTags();
    reloadSceneTags();
    reloadFiltered();
  }, [revision, reloadTags, reloadSceneTags, reloadFiltered]);

  const changed = useCallback(() => setRevision((r) => r + 1), []);
  const tagsByScene = useMemo(() => new Map<number, TagRef[]>((sceneTags.data ?? []).map((s) => [s.sceneId, s.tags])), [sceneTags.data]);
  const visibleSceneIds = filter.tagIds.length && filtered.data ? new Set(filtered.data) : null;

  return {
    view,
    setView,
    filter,
    setFilter,
    revision,
    changed,
    focus,
    focusNote: useCallback((noteId: number) => setFocus({ noteId, at: Date.now() }), []),
    /** The note asked for is open: coming back to its scene later must not open it again. */
    focusTaken: useCallback(() => setFocus(null), []),
    tags: tags.data ?? [],
    tagsByScene,
    visibleSceneIds
  };
}
