import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import type { Scene } from '../../../shared/domain';
import type { TagRef } from '../../../shared/notes';
import { formatFilmTime } from '../../../shared/time-format';
import { TagChips } from '../tags/TagChip';
import styles from './SceneList.module.css';
import { itemMenuAttributes } from '../exchange/item-menu';
import { usePlaceInPane } from '../ui/place-in-pane';

interface Props {
  scenes: Scene[];
  selectedId: number | null;
  onSelect: (sceneId: number) => void;
  loading: boolean;
  tagsByScene?: Map<number, TagRef[]>;
  /** Says why fewer scenes than the film has are listed (a tag filter). */
  filterNote?: string;
}

/** A row's height until it is measured: a title, and a line of description. */
const ROW_ESTIMATE_PX = 62;
/** Rows drawn beyond each edge of the view, so a short scroll or a press of ↓ finds its row already there. */
const OVERSCAN = 10;

/**
 * The film's scenes in order, as a listbox: arrow keys (or j/k) move through them, Home and End
 * jump, and the chosen scene opens in the detail pane. Only the rows in view of the film pane are on
 * the page (and the chosen one, the list's active descendant): a film of 10,000 scenes would otherwise
 * hold 50,000 elements that every frame of the timeline above them walks and paints.
 */
export function SceneList({ scenes, selectedId, onSelect, loading, tagsByScene, filterNote }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  // A press on a row focuses the list first: that focus must not choose the first scene, whose
  // scrolling into view would move the pressed row from under the pointer before the click.
  const pressing = useRef(false);
  const index = scenes.findIndex((s) => s.id === selectedId);
  const { pane, top } = usePlaceInPane(listRef);
  const withChosen = useCallback(
    (range: Range) => {
      const rows = defaultRangeExtractor(range);
      return index < 0 || rows.includes(index) ? rows : [...rows, index].sort((a, b) => a - b);
    },
    [index]
  );
  // TanStack Virtual hands back functions React Compiler cannot memoise; this component is not compiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: scenes.length,
    getScrollElement: () => pane.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: OVERSCAN,
    scrollMargin: top,
    getItemKey: (row) => scenes[row].id,
    rangeExtractor: withChosen
  });

  useEffect(() => {
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    // Only a new choice scrolls: the list must not jump back under a person scrolling it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  const onKeyDown = (event: KeyboardEvent) => {
    const last = scenes.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(last, index + 1),
      j: Math.min(last, index + 1),
      ArrowUp: Math.max(0, index - 1),
      k: Math.max(0, index - 1),
      Home: 0,
      End: last
    };
    const target = moves[event.key];
    if (target === undefined || last < 0) return;
    event.preventDefault();
    onSelect(scenes[target].id);
  };

  return (
    <section className={styles.scenes} aria-labelledby="scenes-heading">
      <h2 id="scenes-heading" className={`section-label ${styles.heading}`}>
        Memorable scenes <span className="count">{scenes.length}</span>
      </h2>
      {filterNote && <p className={styles.filterNote}>{filterNote}</p>}
      <ul
        ref={listRef}
        className={styles.list}
        role="listbox"
        aria-labelledby="scenes-heading"
        aria-busy={loading}
        aria-activedescendant={selectedId !== null ? `scene-${selectedId}` : undefined}
        tabIndex={0}
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
        onPointerDown={() => (pressing.current = true)}
        onPointerUp={() => (pressing.current = false)}
        onPointerCancel={() => (pressing.current = false)}
        onFocus={() => {
          if (selectedId === null && scenes.length && !pressing.current) onSelect(scenes[0].id);
        }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const scene = scenes[row.index];
          return (
            <li
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              id={`scene-${scene.id}`}
              role="option"
              aria-selected={scene.id === selectedId}
              aria-setsize={scenes.length}
              aria-posinset={row.index + 1}
              className={styles.row}
              style={{ transform: `translateY(${row.start - top}px)` }}
              onClick={() => onSelect(scene.id)}
              {...itemMenuAttributes('scene', scene.id, {
                place: { filmId: scene.filmId, view: 'scenes', sceneId: scene.id, noteId: null },
                filmTimeMs: scene.startMs
              })}
            >
              <span className={styles.number} aria-hidden="true">
                {scene.position}
              </span>
              <span className={styles.text}>
                <span className={styles.title}>
                  {scene.title}
                  {scene.startMs !== null && <span className={styles.start}> {formatFilmTime(scene.startMs)}</span>}
                </span>
                <span className={styles.line}>{scene.description}</span>
                {tagsByScene?.get(scene.id) && <TagChips tags={tagsByScene.get(scene.id)!} />}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
