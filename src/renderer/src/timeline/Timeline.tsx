import {
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type PointerEvent as ReactPointerEvent
} from 'react';
import type { TagRef } from '../../../shared/notes';
import type { TimelineAxis, TimelineItem, TimelineRowRange } from '../../../shared/timeline';
import { formatFrameTime, readFilmTime, UNKNOWN_FRAME_MS } from '../../../shared/time-format';
import {
  clampView,
  cueUnder,
  draggedCue,
  wholeView,
  zoomAround,
  ZOOM_STEP,
  type CuePart,
  type WaveformView
} from '../../../shared/waveform-view';
import { CUE_DRAG_TYPE } from '../cues/cue-drag';
import { seekFilm, useFilmClock } from '../films/film-clock';
import { FILM_NOT_ON_DESK } from '../films/playhead';
import { useSetSceneSpan } from '../films/queries';
import { useNotify } from '../notices/notify';
import { usePlaceCue } from '../placements/place-cue';
import { usePlayPlacement } from '../placements/play-placement';
import { useUpdatePlacement } from '../placements/queries';
import { paintShapes } from './paint';
import { useSetRunningTime, useTimelineAxis, useTimelineRange } from './queries';
import { layoutTimeline, rowTop, ROW_HEIGHT, RULER_HEIGHT, timelineRows, type TimelinePalette, type TimelineRow } from './timeline-layout';
import { fetchWindow } from './view-window';
import { TimelineExport } from './TimelineExport';
import { MotifList } from './MotifList';
import styles from './Timeline.module.css';

/** A film with no time given anywhere yet is drawn over ten minutes until it has one. */
const UNTIMED_MS = 600_000;
/** Past this many items in a row's answer, they are drawn but not listed one by one: zoom in to reach them. */
const LISTED_PER_ROW = 300;
/** A press that moves less than this is a click (seek), not a drag. */
const DRAG_THRESHOLD_PX = 4;

const tagRowsKey = (filmId: number) => `reelnotes-timeline-tags-${filmId}`;
function rememberedTagRows(filmId: number): number[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(tagRowsKey(filmId)) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is number => Number.isInteger(id)) : [];
  } catch {
    return [];
  }
}

function screenPalette(element: Element): TimelinePalette {
  const style = getComputedStyle(element);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    background: token('--bg-pane', '#fbfaf7'),
    lane: token('--bg-sidebar', '#efece6'),
    text: token('--text', '#23211e'),
    muted: token('--text-muted', '#6b665e'),
    border: token('--border', '#dcd7ce'),
    accent: token('--accent', '#a3282f'),
    scene: '#7a8fa6',
    subtitle: '#9c8f7a',
    note: token('--text-muted', '#6b665e')
  };
}

/** Scenes and placements can be moved and resized on the timeline; notes and subtitles are moved where they are written. */
const movable = (item: TimelineItem) => item.kind === 'scene' || item.kind === 'placement';

interface Drag {
  item: TimelineItem;
  part: CuePart;
  originPx: number;
  pointerId: number;
  moved: boolean;
  times: { startMs: number; endMs: number };
}

interface Change {
  what: string;
  item: TimelineItem;
  before: { startMs: number; endMs: number };
}

/** An item's key within its row: its kind and id (a tag row holds scenes, notes and placements). */
const itemKey = (item: TimelineItem) => `${item.kind}:${item.id}`;

/**
 * The whole film on one axis, under the film's picture: scenes, each track's placed cues, notes, subtitle
 * files and rows the person adds for tags, all drawn on a canvas from the view's answer (`timeline.range`).
 * Each row is one focusable list for the keyboard and screen readers: arrows move its chosen item, which
 * stands as the list's one option (its active descendant) while the row has the focus. Zooms from the whole
 * film to single frames, pans, follows the film's playhead, seeks on a click, moves and resizes scenes and
 * placements by drag or key, with Undo; hovering or choosing an item shows its title.
 */
export function Timeline({ filmId, filmTitle, tags }: { filmId: number; filmTitle: string; tags: readonly TagRef[] }) {
  const axis = useTimelineAxis(filmId).data;
  if (!axis || axis.filmId !== filmId) return null;
  return <TimelineDesk key={filmId} axis={axis} filmTitle={filmTitle} tags={tags} />;
}

function TimelineDesk({ axis, filmTitle, tags }: { axis: TimelineAxis; filmTitle: string; tags: readonly TagRef[] }) {
  const filmId = axis.filmId;
  const durationMs = axis.runningTime?.ms ?? UNTIMED_MS;
  const clock = useFilmClock();
  const onDesk = clock.filmId === filmId;
  const frameMs = (onDesk ? clock.frameMs : null) ?? axis.frameMs ?? UNKNOWN_FRAME_MS;
  const notify = useNotify();
  const setSceneSpan = useSetSceneSpan();
  const updatePlacement = useUpdatePlacement();
  const play = usePlayPlacement();
  const placeCue = usePlaceCue();

  const section = useRef<HTMLElement>(null);
  const lanes = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  // The person's view, kept for the running time it was made on: a new running time shows the whole film again.
  const [chosenView, setChosenView] = useState<{ forMs: number; view: WaveformView } | null>(null);
  const [tagRowIds, setTagRowIds] = useState(() => rememberedTagRows(filmId));
  const [drag, setDrag] = useState<Drag | null>(null);
  const [undo, setUndo] = useState<Change[]>([]);
  // Each row's chosen item, by key: it stays chosen while the answers around it change with the view.
  const [chosen, setChosen] = useState<Partial<Record<string, string>>>({});
  const [focusedRow, setFocusedRow] = useState<number | null>(null);
  const [hovered, setHovered] = useState<TimelineItem | null>(null);
  const [palette, setPalette] = useState<TimelinePalette | null>(null);
  const [following, setFollowing] = useState<number | null>(null);

  const tagRows = useMemo(
    () => tagRowIds.map((id) => tags.find((tag) => tag.id === id)).filter((tag): tag is TagRef => tag !== undefined),
    [tagRowIds, tags]
  );
  const rows = useMemo(() => (palette ? timelineRows(axis, tagRows, palette) : []), [axis, tagRows, palette]);
  const addTagRow = useCallback((tagId: number) => setTagRowIds((ids) => [...ids, tagId]), []);
  useEffect(() => localStorage.setItem(tagRowsKey(filmId), JSON.stringify(tagRowIds)), [filmId, tagRowIds]);

  // The lanes' width, and the theme's colours for the canvas.
  useLayoutEffect(() => {
    const element = lanes.current;
    if (!element) return;
    setPalette(screenPalette(element));
    const observer = new ResizeObserver(() => setWidth(Math.round(element.clientWidth)));
    observer.observe(element);
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    const onScheme = () => setPalette(screenPalette(element));
    scheme.addEventListener('change', onScheme);
    return () => {
      observer.disconnect();
      scheme.removeEventListener('change', onScheme);
    };
  }, []);
  const whole = wholeView(durationMs, Math.max(1, width));
  const shown = chosenView?.forMs === durationMs ? clampView(chosenView.view, durationMs, Math.max(1, width)) : whole;
  const setView = (next: WaveformView | ((current: WaveformView) => WaveformView)) =>
    setChosenView((state) => {
      const current = state?.forMs === durationMs ? state.view : whole;
      return { forMs: durationMs, view: typeof next === 'function' ? next(current) : next };
    });

  const window = fetchWindow(shown, durationMs);
  const tagIds = useMemo(() => tagRows.map((tag) => tag.id), [tagRows]);
  const answer = useTimelineRange(width > 0 ? { filmId, ...window, tagIds } : null);
  const range = answer.data?.filmId === filmId ? answer.data : undefined;
  // What is on screen, read by the export when asked: the toolbar is not drawn again on every frame of a zoom.
  const onScreen = useRef({ view: shown, range });
  useLayoutEffect(() => {
    onScreen.current = { view: shown, range };
  });
  const inViewNow = useCallback(() => onScreen.current, []);
  const dataOf = useCallback((row: TimelineRow | undefined) => range?.rows.find((data) => data.row === row?.key), [range]);

  // Drawn on every change of view, answer, playhead or drag; the canvas holds the device's pixels.
  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context || !palette || width === 0) return;
    const height = rowTop(rows.length);
    const scale = devicePixelRatio || 1;
    if (element.width !== Math.round(width * scale) || element.height !== Math.round(height * scale)) {
      element.width = Math.round(width * scale);
      element.height = Math.round(height * scale);
    }
    const dragged = drag?.moved ? { kind: drag.item.kind, id: drag.item.id, ...drag.times } : null;
    paintShapes(
      context,
      layoutTimeline({ rows, range, view: shown, widthPx: width, palette, playheadMs: onDesk ? clock.timeMs : null, dragged }),
      scale
    );
    // Which answer the picture shows, for what waits on the drawing itself (the benchmark's first draw).
    element.dataset.drawn = range ? `${range.fromMs}-${range.toMs}-${range.bucketMs}` : '';
  });

  const zoom = (factor: number, anchorPx = width / 2) =>
    setView((current) => zoomAround(clampView(current, durationMs, width), factor, anchorPx, durationMs, width));
  const pan = (px: number) =>
    setView((current) => clampView({ ...current, startMs: current.startMs + px * current.msPerPx }, durationMs, width));
  const showTime = (ms: number) =>
    setView((current) => {
      const spanMs = current.msPerPx * width;
      return ms >= current.startMs && ms <= current.startMs + spanMs
        ? current
        : clampView({ ...current, startMs: ms - spanMs / 2 }, durationMs, width);
    });

  // The wheel zooms around the pointer; with Shift, or a sideways swipe, it pans. Passive listeners cannot keep the page still.
  useEffect(() => {
    const element = lanes.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const sideways = event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY);
      if (sideways) pan(event.shiftKey ? event.deltaY || event.deltaX : event.deltaX);
      else zoom(Math.pow(ZOOM_STEP, event.deltaY / 250), event.clientX - element.getBoundingClientRect().left);
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  });

  const timeAt = (clientX: number) => {
    const left = lanes.current?.getBoundingClientRect().left ?? 0;
    return Math.max(0, Math.min(durationMs, Math.round(shown.startMs + (clientX - left) * shown.msPerPx)));
  };
  const rowAt = (clientY: number) => {
    const top = lanes.current?.getBoundingClientRect().top ?? 0;
    const index = Math.floor((clientY - top - RULER_HEIGHT) / ROW_HEIGHT);
    return index >= 0 && index < rows.length ? index : null;
  };
  // Where two spans meet, the edge of the one the pointer is in is taken (as on the waveform).
  const itemAt = (clientX: number, rowIndex: number) =>
    cueUnder(dataOf(rows[rowIndex])?.items ?? [], shown, clientX - (lanes.current?.getBoundingClientRect().left ?? 0), 0);

  const seek = (ms: number) => {
    if (!onDesk || !seekFilm(ms)) notify.failed(FILM_NOT_ON_DESK);
  };

  const saveTimes = async (
    item: TimelineItem,
    times: { startMs: number; endMs: number },
    before: { startMs: number; endMs: number },
    what: string
  ) => {
    try {
      if (item.kind === 'scene') await setSceneSpan.mutateAsync({ sceneId: item.id, ...times });
      else await updatePlacement.mutateAsync({ placementId: item.id, ...times });
      setUndo((list) => [...list.slice(-19), { what, item: { ...item, ...times }, before }]);
      return true;
    } catch (error) {
      notify.failed(error);
      return false;
    }
  };
  const undoLast = async () => {
    const last = undo.at(-1);
    if (!last) return;
    try {
      if (last.item.kind === 'scene') await setSceneSpan.mutateAsync({ sceneId: last.item.id, ...last.before });
      else await updatePlacement.mutateAsync({ placementId: last.item.id, ...last.before });
      setUndo((list) => list.slice(0, -1));
      notify.success(`Undone: ${last.what}.`);
    } catch (error) {
      notify.failed(error);
    }
  };

  /** An edge never passes the other: a scene keeps at least a frame, a placement may shrink to a point. */
  const heldTimes = (item: TimelineItem, part: CuePart, deltaMs: number) => {
    const times = draggedCue(item, part, deltaMs, durationMs);
    if (item.kind === 'scene' && item.endMs > item.startMs && times.endMs - times.startMs < frameMs) {
      return part === 'start'
        ? { startMs: times.endMs - Math.round(frameMs), endMs: times.endMs }
        : { startMs: times.startMs, endMs: times.startMs + Math.round(frameMs) };
    }
    return times;
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const rowIndex = rowAt(event.clientY);
    const hit = rowIndex === null ? null : itemAt(event.clientX, rowIndex);
    const item = hit?.cue ?? null;
    if (item && rowIndex !== null) setChosen((state) => ({ ...state, [rows[rowIndex].key]: itemKey(item) }));
    // A press on nothing (or on what cannot move) is a click: it seeks where it is let go.
    setDrag({
      item: item ?? {
        kind: 'note',
        id: 0,
        startMs: timeAt(event.clientX),
        endMs: timeAt(event.clientX),
        title: '',
        colour: null,
        cue: null
      },
      part: hit?.part ?? 'whole',
      originPx: event.clientX,
      pointerId: event.pointerId,
      moved: false,
      times: item ? { startMs: item.startMs, endMs: item.endMs } : { startMs: 0, endMs: 0 }
    });
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!drag) {
      // What the pointer is over shows its title; the state changes only when that item does.
      const rowIndex = rowAt(event.clientY);
      const over = rowIndex === null ? null : (itemAt(event.clientX, rowIndex)?.cue ?? null);
      if (over !== hovered) setHovered(over);
      return;
    }
    if (event.pointerId !== drag.pointerId || !movable(drag.item) || drag.item.id === 0) return;
    const dx = event.clientX - drag.originPx;
    if (!drag.moved && Math.abs(dx) < DRAG_THRESHOLD_PX) return;
    setDrag({ ...drag, moved: true, times: heldTimes(drag.item, drag.part, dx * shown.msPerPx) });
  };
  const onPointerUp = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    setDrag(null);
    if (!drag.moved) return seek(drag.item.id === 0 ? timeAt(event.clientX) : drag.item.startMs);
    const { item, times } = drag;
    if (times.startMs === item.startMs && times.endMs === item.endMs) return;
    const verb = drag.part === 'whole' ? 'moved' : drag.part === 'start' ? 'start moved' : 'end moved';
    void saveTimes(item, times, { startMs: item.startMs, endMs: item.endMs }, `${item.title} ${verb}`);
  };

  // A cue dragged from the cue list is placed where it is dropped.
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes(CUE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const cueId = Number(event.dataTransfer.getData(CUE_DRAG_TYPE));
    if (!Number.isInteger(cueId) || cueId <= 0) return;
    event.preventDefault();
    void placeCue(cueId, timeAt(event.clientX));
  };

  /* The keyboard: one stop per row; arrows walk items and rows; Enter plays; Alt+arrows move and resize. */
  const listed = (row: TimelineRow | undefined): TimelineItem[] => {
    const items = dataOf(row)?.items ?? [];
    return items.length <= LISTED_PER_ROW ? items : [];
  };
  /** The index of a row's chosen item among those listed: the one chosen, else the first in view. */
  const chosenIndex = (rowIndex: number): number => {
    const items = listed(rows[rowIndex]);
    const key = chosen[rows[rowIndex]?.key ?? ''];
    const index = key === undefined ? -1 : items.findIndex((item) => itemKey(item) === key);
    if (index >= 0) return index;
    const firstInView = items.findIndex((item) => item.endMs >= shown.startMs);
    return firstInView >= 0 ? firstInView : Math.max(0, items.length - 1);
  };
  const choose = (rowIndex: number, item: TimelineItem) => {
    setChosen((state) => ({ ...state, [rows[rowIndex].key]: itemKey(item) }));
    showTime(item.startMs);
  };
  const onRowKeyDown = (event: KeyboardEvent<HTMLElement>, rowIndex: number) => {
    const items = listed(rows[rowIndex]);
    const itemIndex = chosenIndex(rowIndex);
    const item = items[itemIndex];
    const own = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      own();
      const next = rowIndex + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0 || next >= rows.length) return;
      const target = listed(rows[next]);
      // The item of the next row nearest in time to this one's, so a motif is followed across the rows.
      if (item && target.length > 0)
        choose(
          next,
          target.reduce((best, other) => (Math.abs(other.startMs - item.startMs) < Math.abs(best.startMs - item.startMs) ? other : best))
        );
      lanes.current?.querySelector<HTMLElement>(`[data-row-list="${next}"]`)?.focus();
      return;
    }
    if (!item) return;
    const step = event.shiftKey && !event.altKey ? frameMs : 1000;
    if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      own();
      if (!movable(item))
        return notify.failed('Notes and subtitles keep the times they were written with: change them where they are written.');
      const delta = (event.key === 'ArrowLeft' ? -1 : 1) * step;
      const part: CuePart = event.shiftKey ? 'end' : 'whole';
      const times = heldTimes(item, part, delta);
      void saveTimes(item, times, { startMs: item.startMs, endMs: item.endMs }, `${item.title} ${part === 'end' ? 'end moved' : 'moved'}`);
      return;
    }
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      own();
      choose(rowIndex, items[Math.max(0, Math.min(items.length - 1, itemIndex + (event.key === 'ArrowRight' ? 1 : -1)))]);
    } else if (event.key === 'Home' || event.key === 'End') {
      own();
      choose(rowIndex, items[event.key === 'Home' ? 0 : items.length - 1]);
    } else if (event.key === 'Enter') {
      own();
      if (item.kind === 'placement' && item.cue) {
        const placed = { filmId, startMs: item.startMs, endMs: item.endMs, ...item.cue };
        if (event.shiftKey) play.overFilm(placed);
        else play.inFilm(placed);
      } else seek(item.startMs);
    }
  };
  const onLanesKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && !event.shiftKey) {
      event.preventDefault();
      void undoLast();
    } else if (event.key === '+' || event.key === '=' || event.key === '-' || event.key === '_') {
      event.preventDefault();
      zoom(event.key === '+' || event.key === '=' ? 1 / ZOOM_STEP : ZOOM_STEP);
    } else if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault();
      pan((event.key === 'PageDown' ? 0.8 : -0.8) * width);
    }
  };

  const time = (ms: number) => formatFrameTime(ms, frameMs);
  const itemLabel = (item: TimelineItem) =>
    item.endMs > item.startMs ? `${item.title}, ${time(item.startMs)}–${time(item.endMs)}` : `${item.title}, ${time(item.startMs)}`;
  // A title or the times while dragging stand over the item's start, kept inside the lanes.
  const tipLeft = (ms: number) => Math.max(0, Math.min((ms - shown.startMs) / shown.msPerPx, width - 260));
  const focused = focusedRow === null ? undefined : listed(rows[focusedRow])[chosenIndex(focusedRow)];
  const titled = hovered ?? focused;

  return (
    <section ref={section} className={styles.timeline} aria-label="Timeline" data-transport="film" onKeyDown={onLanesKeyDown}>
      <div className={styles.toolbar}>
        <h2 className="section-label">Timeline</h2>
        <button type="button" className="button subtle" onClick={() => zoom(ZOOM_STEP)} aria-label="Zoom out of the timeline" title="−">
          −
        </button>
        <button type="button" className="button subtle" onClick={() => zoom(1 / ZOOM_STEP)} aria-label="Zoom in on the timeline" title="+">
          +
        </button>
        <button type="button" className="button subtle" onClick={() => setView(wholeView(durationMs, width))}>
          Whole film
        </button>
        <TagRowPicker tags={tags} chosen={tagRowIds} onAdd={addTagRow} />
        <RunningTime axis={axis} frameMs={frameMs} />
        <button
          type="button"
          className="button subtle"
          disabled={undo.length === 0}
          onClick={() => void undoLast()}
          title="Ctrl/⌘+Z in the timeline"
        >
          {undo.length ? `Undo: ${undo.at(-1)!.what}` : 'Undo'}
        </button>
        <TimelineExport
          filmId={filmId}
          filmTitle={filmTitle}
          rows={rows}
          onScreen={inViewNow}
          widthPx={width}
          durationMs={durationMs}
          tagIds={tagIds}
        />
      </div>
      <div className={styles.body}>
        <ul className={styles.labels} style={{ paddingTop: RULER_HEIGHT }}>
          {rows.map((row) => (
            <li key={row.key} className={styles.rowLabel} title={row.label}>
              <span className={styles.swatch} style={{ background: row.colour }} />
              <span className={styles.labelText} aria-hidden="true">
                {row.label}
              </span>
              {row.key.startsWith('tag:') && (
                <>
                  <button
                    type="button"
                    className={`icon-button ${styles.removeRow}`}
                    aria-label={`Follow ${row.label} through the film`}
                    title="Follow it: every appearance, first and last"
                    onClick={() => setFollowing(Number(row.key.slice(4)))}
                  >
                    ≡
                  </button>
                  <button
                    type="button"
                    className={`icon-button ${styles.removeRow}`}
                    aria-label={`Remove the row of ${row.label}`}
                    onClick={() => setTagRowIds((ids) => ids.filter((id) => `tag:${id}` !== row.key))}
                  >
                    ×
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
        <div className={styles.cell}>
          <div
            ref={lanes}
            className={styles.lanes}
            style={{ height: rowTop(rows.length) }}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={() => setDrag(null)}
            onPointerLeave={() => setHovered(null)}
            onDragOver={onDragOver}
            onDrop={onDrop}
            data-testid="timeline-lanes"
          >
            <canvas ref={canvas} className={styles.canvas} style={{ width, height: rowTop(rows.length) }} aria-hidden="true" />
            {rows.map((row, rowIndex) => {
              const items = listed(row);
              return (
                <RowList
                  key={row.key}
                  row={row}
                  rowIndex={rowIndex}
                  data={dataOf(row)}
                  count={items.length}
                  active={focusedRow === rowIndex ? items[chosenIndex(rowIndex)] : undefined}
                  activeIndex={chosenIndex(rowIndex)}
                  view={shown}
                  widthPx={width}
                  label={itemLabel}
                  onFocus={() => setFocusedRow(rowIndex)}
                  onBlur={() => setFocusedRow((current) => (current === rowIndex ? null : current))}
                  onKeyDown={onRowKeyDown}
                />
              );
            })}
            {drag?.moved && (
              <p className={styles.dragTimes} role="status" style={{ left: tipLeft(drag.times.startMs) }}>
                {time(drag.times.startMs)}
                {drag.times.endMs > drag.times.startMs ? `–${time(drag.times.endMs)}` : ''}
              </p>
            )}
            {titled && !drag && (
              <p className={styles.focusTitle} style={{ left: tipLeft(titled.startMs) }}>
                {itemLabel(titled)}
              </p>
            )}
          </div>
        </div>
      </div>
      <div className={styles.overviewRow}>
        <span />
        <div className={styles.cell}>
          <Overview
            view={shown}
            widthPx={width}
            durationMs={durationMs}
            playheadMs={onDesk ? clock.timeMs : null}
            onMove={(startMs) => setView(clampView({ ...shown, startMs }, durationMs, width))}
          />
        </div>
      </div>
      {following !== null && tagRows.some((tag) => tag.id === following) && (
        <MotifList
          filmId={filmId}
          tag={tagRows.find((tag) => tag.id === following)!}
          frameMs={frameMs}
          onClose={() => setFollowing(null)}
        />
      )}
      {axis.runningTime === null && (
        <p className="hint">
          Nothing in this film has a time yet: the timeline shows ten minutes until a scene, note or cue is given one, or a running time is
          typed.
        </p>
      )}
    </section>
  );
}

interface RowListProps {
  row: TimelineRow;
  rowIndex: number;
  data: TimelineRowRange | undefined;
  /** How many of the row's items are listed one by one (none where the answer only counts them). */
  count: number;
  /** The chosen item, while the row has the focus. */
  active: TimelineItem | undefined;
  activeIndex: number;
  view: WaveformView;
  widthPx: number;
  label: (item: TimelineItem) => string;
  onFocus: () => void;
  onBlur: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>, rowIndex: number) => void;
}

/** A box this far past the lanes' edge is out of sight: an item's box is cut there, not thousands of pixels away. */
const OFF_LANES_PX = 16;

/**
 * One row for the keyboard and screen readers: a list with one Tab stop whose items the canvas draws. While
 * it has the focus, its chosen item stands as its one option (the active descendant) where the canvas draws
 * it, ringed: a zoom restyles one box a row, never the hundreds a row can list.
 */
function RowList({ row, rowIndex, data, count, active, activeIndex, view, widthPx, label, onFocus, onBlur, onKeyDown }: RowListProps) {
  const optionId = `${useId()}-active`;
  const summary =
    data && data.items === null
      ? `${data.total} here, zoom in to reach them one by one`
      : data && count === 0 && data.total > 0
        ? `${data.total} here, zoom in to list them`
        : null;
  const x = (ms: number) => Math.max(-OFF_LANES_PX, Math.min(widthPx + OFF_LANES_PX, (ms - view.startMs) / view.msPerPx));
  const left = active ? x(active.startMs) : 0;
  const span = active !== undefined && active.endMs > active.startMs;
  return (
    <div
      role="listbox"
      aria-label={summary ? `${row.label}: ${summary}` : row.label}
      aria-activedescendant={active ? optionId : undefined}
      className={styles.rowList}
      style={{ top: rowTop(rowIndex) }}
      tabIndex={0}
      data-row-list={rowIndex}
      data-plays-film
      onFocus={onFocus}
      onBlur={onBlur}
      onKeyDown={(event) => onKeyDown(event, rowIndex)}
    >
      {active && (
        <div
          id={optionId}
          role="option"
          aria-selected="true"
          aria-setsize={count}
          aria-posinset={activeIndex + 1}
          aria-label={label(active)}
          className={span ? styles.span : styles.point}
          style={{ transform: `translateX(${left}px)`, width: span ? Math.max(2, x(active.endMs) - left) : undefined }}
          data-kind={active.kind}
          data-start-ms={active.startMs}
          data-end-ms={active.endMs}
        />
      )}
    </div>
  );
}

/** A row for a tag: every scene, note and placed cue carrying it. */
const TagRowPicker = memo(function TagRowPicker({
  tags,
  chosen,
  onAdd
}: {
  tags: readonly TagRef[];
  chosen: number[];
  onAdd: (tagId: number) => void;
}) {
  const offered = tags.filter((tag) => !chosen.includes(tag.id));
  return (
    <label className={styles.tagPicker}>
      <span className="visually-hidden">Add a row for a tag</span>
      <select
        className="text-field"
        value=""
        disabled={offered.length === 0}
        onChange={(event) => event.target.value && onAdd(Number(event.target.value))}
        aria-label="Add a row for a tag"
      >
        <option value="">{offered.length === 0 ? 'No tag to add' : '+ Row for a tag…'}</option>
        {offered.map((tag) => (
          <option key={tag.id} value={tag.id}>
            {tag.name}
          </option>
        ))}
      </select>
    </label>
  );
});

/** Without the video, the running time the axis spans can be typed (else the latest time used stands for it). */
const RunningTime = memo(function RunningTime({ axis, frameMs }: { axis: TimelineAxis; frameMs: number }) {
  const setRunningTime = useSetRunningTime();
  const notify = useNotify();
  const given = axis.runningTime?.source === 'typed' ? formatFrameTime(axis.runningTime.ms, frameMs) : '';
  const [text, setText] = useState(given);
  if (axis.runningTime?.source === 'video') return null;
  const save = async () => {
    if (text === given) return;
    const reading = readFilmTime(text, frameMs);
    if (reading !== null && 'problem' in reading) return notify.failed(`Running time: ${reading.problem}`);
    try {
      await setRunningTime.mutateAsync({ filmId: axis.filmId, runningTimeMs: reading?.ms ?? null });
    } catch (error) {
      notify.failed(error);
    }
  };
  return (
    <label className={styles.runningTime}>
      <span>Running time</span>
      <input
        className="text-field"
        value={text}
        placeholder={axis.runningTime ? formatFrameTime(axis.runningTime.ms, frameMs) : 'hh:mm:ss'}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => void save()}
        onKeyDown={(event) => event.key === 'Enter' && void save()}
      />
    </label>
  );
});

interface OverviewProps {
  view: WaveformView;
  widthPx: number;
  durationMs: number;
  playheadMs: number | null;
  onMove: (startMs: number) => void;
}

/** The whole film in a strip, the part in view as a window: dragged, or moved with the arrow and page keys. */
function Overview({ view, widthPx, durationMs, playheadMs, onMove }: OverviewProps) {
  const scale = widthPx / durationMs;
  const spanMs = view.msPerPx * widthPx;
  const grab = useRef<{ pointerId: number; offsetMs: number } | null>(null);
  const at = (event: ReactPointerEvent<HTMLDivElement>) => (event.clientX - event.currentTarget.getBoundingClientRect().left) / scale;
  return (
    <div
      className={styles.overview}
      role="slider"
      tabIndex={0}
      aria-label="Part of the film in view"
      aria-valuemin={0}
      aria-valuemax={Math.round(durationMs / 1000)}
      aria-valuenow={Math.round(view.startMs / 1000)}
      aria-valuetext={`${formatFrameTime(view.startMs, UNKNOWN_FRAME_MS)} to ${formatFrameTime(view.startMs + spanMs, UNKNOWN_FRAME_MS)}`}
      onPointerDown={(event) => {
        const ms = at(event);
        const inside = ms >= view.startMs && ms <= view.startMs + spanMs;
        grab.current = { pointerId: event.pointerId, offsetMs: inside ? ms - view.startMs : spanMs / 2 };
        event.currentTarget.setPointerCapture(event.pointerId);
        onMove(ms - grab.current.offsetMs);
      }}
      onPointerMove={(event) => grab.current?.pointerId === event.pointerId && onMove(at(event) - grab.current.offsetMs)}
      onPointerUp={() => (grab.current = null)}
      onKeyDown={(event) => {
        const steps: Record<string, number> = { ArrowLeft: -0.1, ArrowRight: 0.1, PageUp: -0.9, PageDown: 0.9 };
        if (event.key in steps) {
          event.preventDefault();
          onMove(view.startMs + steps[event.key] * spanMs);
        } else if (event.key === 'Home' || event.key === 'End') {
          event.preventDefault();
          onMove(event.key === 'Home' ? 0 : durationMs);
        }
      }}
    >
      {/* Moved by a transform, not `left`: an absolute box's new `left` had Chromium lay out the whole document each frame. */}
      <div
        className={styles.overviewWindow}
        style={{ transform: `translateX(${view.startMs * scale}px)`, width: Math.max(4, spanMs * scale) }}
      />
      {playheadMs !== null && <div className={styles.overviewPlayhead} style={{ transform: `translateX(${playheadMs * scale}px)` }} />}
    </div>
  );
}
