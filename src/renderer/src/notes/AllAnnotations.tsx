import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatFilmTime } from '../../../shared/time-format';
import type { MethodInput } from '../../../shared/contract';
import { noteTargetName, type AnnotationOrder, type AnnotationSummary } from '../../../shared/notes';
import { call } from '../api';
import { ShiftFilmTimes } from './ShiftFilmTimes';
import { queryKeyOf } from '../data/library-query';
import { useNotify } from '../notices/notify';
import { TagChips } from '../tags/TagChip';
import type { TagFilter } from '../tags/TagPanel';
import views from './note-views.module.css';
import styles from './AllAnnotations.module.css';

const PAGE = 200;
const ROW_HEIGHT = 84;
/** Pages kept on either side of the ones in view; the rest are let go, so the heap stays flat. */
const PAGES_KEPT_AROUND = 1;

/**
 * One page of the list as a query. It is built out here, not in the component, so that its `queryFn`
 * closes over the page's input alone: a closure made while rendering shares that render's scope (its
 * map of loaded pages, its query results), and the page's observer keeps its `queryFn`, so each
 * render would hold the one before it and every page ever scrolled past would stay in the heap.
 */
function pageQuery(input: MethodInput<'notes.list'>) {
  return { queryKey: queryKeyOf('notes.list', input), queryFn: () => call('notes.list', input) };
}

interface Props {
  filmId: number;
  filter: TagFilter;
  onOpen: (note: AnnotationSummary) => void;
}

/**
 * Every live note of the film, in film order (scene, then film time) or by last edit. Only the
 * rows in view are drawn, and they are fetched a page at a time, so 100,000 notes scroll smoothly.
 * Each page is a query of its own: a change to notes asks again for the pages on screen, and a page
 * scrolled far away has no observer left, so the cache lets it go.
 */
export function AllAnnotations({ filmId, filter, onOpen }: Props) {
  const [order, setOrder] = useState<AnnotationOrder>('film');
  const [active, setActive] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const notify = useNotify();
  const listKey = JSON.stringify({ filmId, order, filter });
  const [wanted, setWanted] = useState({ listKey, pages: [0] });
  // A new order or filter starts the list again from its first page (set while rendering, as React
  // advises for state that follows a prop).
  if (wanted.listKey !== listKey) {
    setWanted({ listKey, pages: [0] });
    setActive(0);
  }

  const results = useQueries({
    queries: wanted.pages.map((page) =>
      pageQuery({ filmId, order, tagIds: filter.tagIds, tagMatch: filter.match, offset: page * PAGE, limit: PAGE })
    )
  });
  const loaded = new Map(wanted.pages.map((page, i) => [page, results[i]?.data?.items]));
  // The count stays while the pages of a new order or filter are on their way.
  const [total, setTotal] = useState<number | null>(null);
  const known = results.find((result) => result.data)?.data?.total;
  if (known !== undefined && known !== total) setTotal(known);
  const failure = results.find((result) => result.error)?.error;
  useEffect(() => {
    if (failure) notify.failed(failure);
  }, [failure, notify]);

  // TanStack Virtual hands back functions React Compiler cannot memoise; this component is not compiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8
  });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    if (!items.length) return;
    const inView = items.map((item) => Math.floor(item.index / PAGE));
    // Pages far from the view are dropped (and fetched again if the person comes back): scrolling
    // through 100,000 notes then holds a few pages, not all of them.
    const first = inView[0] - PAGES_KEPT_AROUND;
    const last = inView[inView.length - 1] + PAGES_KEPT_AROUND;
    setWanted((was) => {
      const pages = [...new Set([...was.pages.filter((page) => page >= first && page <= last), ...inView])].sort((x, y) => x - y);
      return pages.join() === was.pages.join() ? was : { ...was, pages };
    });
  }, [items]);

  const rowAt = (index: number) => loaded.get(Math.floor(index / PAGE))?.[index % PAGE];

  const onKeyDown = (event: KeyboardEvent) => {
    if (!total) return;
    const perPage = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT));
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      j: active + 1,
      ArrowUp: active - 1,
      k: active - 1,
      PageDown: active + perPage,
      PageUp: active - perPage,
      Home: 0,
      End: total - 1
    };
    if (event.key === 'Enter') {
      const row = rowAt(active);
      if (row) onOpen(row);
      return;
    }
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(total - 1, target));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <section className={views.view} aria-labelledby="all-notes-heading">
      <div className={views.toolbar}>
        <h2 id="all-notes-heading" className="section-label">
          All annotations <span className="count">{total ?? '…'}</span>
        </h2>
        <label className="inline-field">
          <span>Sort by</span>
          <select className="text-field" value={order} onChange={(e) => setOrder(e.target.value as AnnotationOrder)}>
            <option value="film">Scene and film time</option>
            <option value="edited">Last edited</option>
          </select>
        </label>
        <ShiftFilmTimes filmId={filmId} />
      </div>
      {total === 0 ? (
        <p className="empty-state">
          {filter.tagIds.length ? 'No notes carry these tags.' : 'No notes on this film yet: choose a scene and add one.'}
        </p>
      ) : (
        <div
          ref={scroller}
          className={styles.scroller}
          role="listbox"
          aria-labelledby="all-notes-heading"
          tabIndex={0}
          aria-activedescendant={total ? `all-note-${active}` : undefined}
          onKeyDown={onKeyDown}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rowAt(item.index);
              return (
                <div
                  key={item.key}
                  id={`all-note-${item.index}`}
                  role="option"
                  aria-selected={item.index === active}
                  aria-setsize={total ?? undefined}
                  aria-posinset={item.index + 1}
                  className={styles.row}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  onClick={() => {
                    setActive(item.index);
                    if (row) onOpen(row);
                  }}
                >
                  {row ? (
                    <>
                      <span className={views.rowHead}>
                        <span className={views.rowScene}>{noteTargetName(row)}</span>
                        {row.filmTimeMs !== null && (
                          <span className={views.rowTime} data-testid="note-film-time">
                            {formatFilmTime(row.filmTimeMs)}
                          </span>
                        )}
                        <TagChips tags={row.tags} oneLine />
                      </span>
                      <span className={views.rowText}>{row.excerpt.trim() || 'Empty note'}</span>
                    </>
                  ) : (
                    <span className={`${views.rowText} ${styles.loading}`}>Loading…</span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
