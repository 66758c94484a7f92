import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { colourName } from '../../../shared/colour-names';
import type { Cue } from '../../../shared/score';
import { formatTrackTime } from '../../../shared/time-format';
import { CiteButton } from '../exchange/CiteButton';
import { cueDragSource } from './cue-drag';
import { CueSelectionBar } from './CueSelectionBar';
import { CueSwatch } from './CueSwatch';
import { usePlaceInPane } from '../ui/place-in-pane';
import cueText from './cue-text.module.css';
import styles from './CueList.module.css';

export type CueOrder = 'time' | 'label' | 'colour' | 'length';

const orders: { id: CueOrder; label: string }[] = [
  { id: 'time', label: 'By time' },
  { id: 'label', label: 'By label' },
  { id: 'colour', label: 'By colour' },
  { id: 'length', label: 'By length' }
];

const byTime = (a: Cue, b: Cue) => a.startMs - b.startMs || a.endMs - b.endMs || a.id - b.id;
const compare: Record<CueOrder, (a: Cue, b: Cue) => number> = {
  time: byTime,
  label: (a, b) => a.label.localeCompare(b.label, undefined, { numeric: true, sensitivity: 'base' }) || byTime(a, b),
  colour: (a, b) => colourName(a.colour).localeCompare(colourName(b.colour)) || byTime(a, b),
  length: (a, b) => b.endMs - b.startMs - (a.endMs - a.startMs) || byTime(a, b)
};

/** Whether a cue answers the filter: by its label, its tags, its scenes or its colour's name. */
function matches(cue: Cue, words: string[]): boolean {
  const text = [cue.label, colourName(cue.colour), ...cue.tags.map((t) => t.name), ...cue.scenes.map((s) => `${s.position}. ${s.title}`)]
    .join(' ')
    .toLocaleLowerCase();
  return words.every((word) => text.includes(word));
}

export const isMarker = (cue: Cue) => cue.endMs <= cue.startMs;

/** A row's height until it is measured: a label over its times. */
const ROW_ESTIMATE_PX = 44;
/** Rows drawn beyond each edge of the panel's view, so a short scroll or a press of ↓ finds its row already there. */
const OVERSCAN = 8;

interface Props {
  cues: Cue[];
  playingCueId: number | null;
  canPlay: boolean;
  /** The cue being edited: its row gives way to the form. */
  editingId: number | null;
  renderEditor: (cue: Cue) => ReactNode;
  onPlay: (cue: Cue) => void;
  onLoop: (cue: Cue) => void;
  onEdit: (cue: Cue) => void;
  /** Looks for the cue in the film's soundtrack; null while the track has no recording to look with. */
  onFind: ((cue: Cue) => void) | null;
  /** Makes a marker a cue, up to the next marker (or a few seconds on). */
  onMarkerToCue: (marker: Cue) => void;
  /** Deletes the cues (undoably); resolves true once they are gone. */
  onDelete: (cues: Cue[]) => Promise<boolean>;
}

/** Whether Ctrl (⌘ on a Mac) is held: the key that adds a row to the selection, or takes them all. */
const withCommandKey = (event: { ctrlKey: boolean; metaKey: boolean }) => event.ctrlKey || event.metaKey;

/** A click on one of the row's own controls is the control's, not a choice of the row. */
const onControl = (event: MouseEvent) => event.target instanceof Element && event.target.closest('button, input, select, a') !== null;

/**
 * Every cue of the track, with its times, colour, scenes, tags and notes; sorted and filtered as the
 * person asks. One row at a time is in the Tab order: ↑/↓ (Home, End) move between rows, Enter plays the
 * cue, Shift+Enter loops it, F2 edits it; Space plays and pauses as everywhere.
 *
 * Several cues are selected as in a file list: a click selects one, Shift+click the range from the
 * last one chosen, Ctrl/⌘+click adds or takes away one (so does its box); Shift+↑/↓ stretch the range,
 * Ctrl/⌘+Space adds or takes away the focused row, Ctrl/⌘+A takes every row shown and Esc none. The
 * selected rows shown are recoloured, tagged or deleted together; Delete deletes them (or the focused
 * row), and Ctrl/⌘+Z in the cue panel undoes it.
 *
 * Only the rows in view of the cue panel are on the page, with the row in the Tab order and the one being edited:
 * a track of a hundred cues would otherwise hold over a thousand elements beside the film's timeline, which the
 * page lays out in layers again on every frame of a zoom there.
 */
export function CueList({
  cues,
  playingCueId,
  canPlay,
  editingId,
  renderEditor,
  onPlay,
  onLoop,
  onEdit,
  onFind,
  onMarkerToCue,
  onDelete
}: Props) {
  const [order, setOrder] = useState<CueOrder>('time');
  const [filter, setFilter] = useState('');
  const [focusedId, setFocusedId] = useState<number | null>(null);
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<number>>(new Set());
  // Where a Shift range starts: the row last chosen on its own.
  const [anchorId, setAnchorId] = useState<number | null>(null);
  // A row to focus once the list has rendered again (after a deletion took the focused one).
  const focusAfterRender = useRef<number | null>(null);
  const list = useRef<HTMLOListElement>(null);

  const words = filter.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const shown = cues.filter((cue) => matches(cue, words)).sort(compare[order]);
  // The row in the Tab order: the one last focused while it is shown, else the first.
  const current = shown.find((cue) => cue.id === focusedId)?.id ?? shown[0]?.id ?? null;
  // Only rows in view are acted on: a filter hides a selected row from a deletion too.
  const selected = shown.filter((cue) => selectedIds.has(cue.id));

  const rowElement = (cueId: number) => list.current?.querySelector<HTMLElement>(`[data-cue-id="${cueId}"]`);
  const { pane, top } = usePlaceInPane(list);
  const currentIndex = shown.findIndex((cue) => cue.id === current);
  const editingIndex = shown.findIndex((cue) => cue.id === editingId);
  // The row in the Tab order and the one being edited are always drawn: one keeps the list's Tab stop, the other its form.
  const withKept = useCallback(
    (range: Range) =>
      [...new Set([...defaultRangeExtractor(range), currentIndex, editingIndex].filter((i) => i >= 0))].sort((a, b) => a - b),
    [currentIndex, editingIndex]
  );
  // TanStack Virtual hands back functions React Compiler cannot memoise; this component is not compiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => pane.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: OVERSCAN,
    scrollMargin: top,
    getItemKey: (index) => shown[index].id,
    rangeExtractor: withKept
  });

  // A row asked to take the focus takes it once it is drawn (focusing scrolls it into the panel's view).
  useEffect(() => {
    if (focusAfterRender.current === null) return;
    const row = rowElement(focusAfterRender.current);
    if (!row) return;
    row.focus();
    focusAfterRender.current = null;
  });

  const focusRow = (index: number) => {
    const cue = shown[Math.max(0, Math.min(shown.length - 1, index))];
    if (!cue) return;
    setFocusedId(cue.id);
    focusAfterRender.current = cue.id;
    rowElement(cue.id)?.focus();
    return cue;
  };

  const selectOnly = (cue: Cue) => {
    setSelectedIds(new Set([cue.id]));
    setAnchorId(cue.id);
  };
  const toggle = (cue: Cue) => {
    const next = new Set(selectedIds);
    if (!next.delete(cue.id)) next.add(cue.id);
    setSelectedIds(next);
    setAnchorId(cue.id);
  };
  /** The rows from the anchor (else the focused row) to `cue`, in the order shown. */
  const selectRange = (cue: Cue, from = anchorId ?? current ?? cue.id) => {
    const start = shown.findIndex((c) => c.id === from);
    const end = shown.findIndex((c) => c.id === cue.id);
    const [first, last] = start < 0 ? [end, end] : [Math.min(start, end), Math.max(start, end)];
    setSelectedIds(new Set(shown.slice(first, last + 1).map((c) => c.id)));
    setAnchorId(start < 0 ? cue.id : from);
  };

  const onRowClick = (event: MouseEvent<HTMLLIElement>, cue: Cue) => {
    if (onControl(event)) return;
    if (event.shiftKey) selectRange(cue);
    else if (withCommandKey(event)) toggle(cue);
    else selectOnly(cue);
    setFocusedId(cue.id);
  };

  const deleteCues = async (doomed: Cue[]) => {
    const gone = new Set(doomed.map((cue) => cue.id));
    const lastIndex = Math.max(...doomed.map((cue) => shown.indexOf(cue)));
    // The focus goes on to the next row that stays, or back to the one before.
    const next = shown.slice(lastIndex + 1).find((cue) => !gone.has(cue.id)) ?? [...shown].reverse().find((cue) => !gone.has(cue.id));
    if (!(await onDelete(doomed))) return;
    setSelectedIds(new Set());
    setAnchorId(null);
    if (next) {
      setFocusedId(next.id);
      focusAfterRender.current = next.id;
    }
  };

  const onRowKey = (event: KeyboardEvent<HTMLLIElement>, cue: Cue, index: number) => {
    // Keys pressed on the row's buttons are the buttons'.
    if (event.target !== event.currentTarget) return;
    const step: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: shown.length - 1 };
    if (event.key in step) {
      const reached = focusRow(step[event.key]);
      if (reached && event.shiftKey) selectRange(reached, anchorId ?? cue.id);
    } else if (event.key === 'Enter' && canPlay) (event.shiftKey ? onLoop : onPlay)(cue);
    else if (event.key === 'F2') onEdit(cue);
    else if (event.key === 'Delete' || event.key === 'Backspace') void deleteCues(selected.length > 0 ? selected : [cue]);
    else if (event.key === 'Escape' && selected.length > 0) setSelectedIds(new Set());
    else if (event.key.toLowerCase() === 'a' && withCommandKey(event)) setSelectedIds(new Set(shown.map((c) => c.id)));
    else if (event.key === ' ' && withCommandKey(event)) toggle(cue);
    else return;
    event.preventDefault();
  };

  return (
    <>
      {cues.length > 1 && (
        <div className={styles.controls}>
          <input
            className={`text-field ${styles.filter}`}
            type="search"
            aria-label="Filter cues"
            placeholder="Filter: label, tag, scene, colour"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <select className="text-field" aria-label="Sort cues" value={order} onChange={(e) => setOrder(e.target.value as CueOrder)}>
            {orders.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {words.length > 0 && (
        <p className={`muted ${styles.note}`} role="status">
          {shown.length === 0 ? `No cue matches “${filter.trim()}”.` : `${shown.length} of ${cues.length} cues.`}
        </p>
      )}
      {selected.length > 0 && (
        <CueSelectionBar selected={selected} onDelete={() => void deleteCues(selected)} onClear={() => setSelectedIds(new Set())} />
      )}
      <ol className={styles.list} ref={list} aria-label="Cues of the track" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map(({ index, key, start }) => {
          const cue = shown[index];
          // Each drawn row stands at its offset in the whole list, measured once drawn (chips and the editor are taller).
          const place = {
            ref: virtualizer.measureElement,
            'data-index': index,
            'aria-setsize': shown.length,
            'aria-posinset': index + 1,
            style: { transform: `translateY(${start - top}px)` }
          };
          return editingId === cue.id ? (
            <li key={key} className={styles.editing} {...place}>
              {renderEditor(cue)}
            </li>
          ) : (
            <li
              key={key}
              {...place}
              className={styles.row}
              data-playing={playingCueId === cue.id || undefined}
              data-selected={selectedIds.has(cue.id) || undefined}
              data-cue-id={cue.id}
              aria-label={`Cue ${cue.label}`}
              tabIndex={current === cue.id ? 0 : -1}
              onFocus={(e) => e.target === e.currentTarget && setFocusedId(cue.id)}
              onKeyDown={(e) => onRowKey(e, cue, index)}
              onClick={(e) => onRowClick(e, cue)}
              onDoubleClick={(e) => e.target === e.currentTarget && canPlay && onPlay(cue)}
              // Dragged onto the film's timeline, the cue is placed where it is dropped.
              {...cueDragSource(cue)}
            >
              <input
                type="checkbox"
                className={styles.pick}
                tabIndex={-1}
                checked={selectedIds.has(cue.id)}
                onChange={() => toggle(cue)}
                aria-label={`Select cue ${cue.label}`}
              />
              <CueSwatch colour={cue.colour} />
              <div className={cueText.text}>
                <span className={cueText.label}>{cue.label}</span>
                <span className={cueText.times}>
                  {formatTrackTime(cue.startMs)}
                  {isMarker(cue) ? ' (marker)' : ` – ${formatTrackTime(cue.endMs)}`}
                  {cue.noteCount > 0 && ` · ${cue.noteCount} ${cue.noteCount === 1 ? 'note' : 'notes'}`}
                </span>
                {(cue.scenes.length > 0 || cue.tags.length > 0) && (
                  <span className={styles.chips}>
                    {cue.scenes.map((s) => (
                      <span key={`scene-${s.id}`} className="chip" title="Linked scene">
                        {s.position}. {s.title}
                      </span>
                    ))}
                    {cue.tags.map((t) => (
                      <span key={`tag-${t.id}`} className={`chip ${styles.tag}`} title="Tag">
                        #{t.name}
                      </span>
                    ))}
                  </span>
                )}
              </div>
              <div className={styles.actions}>
                {isMarker(cue) && (
                  <button
                    type="button"
                    className="button subtle small"
                    onClick={() => onMarkerToCue(cue)}
                    aria-label={`Make a cue of ${cue.label}`}
                    title="Make this marker a cue, up to the next marker"
                  >
                    To cue
                  </button>
                )}
                <button
                  type="button"
                  className="icon-button"
                  data-plays-score
                  disabled={!canPlay}
                  onClick={() => onPlay(cue)}
                  aria-label={`Play cue ${cue.label}`}
                  title="Play this cue (Enter)"
                >
                  ▶
                </button>
                <button
                  type="button"
                  className="icon-button"
                  data-plays-score
                  disabled={!canPlay}
                  onClick={() => onLoop(cue)}
                  aria-label={`Loop cue ${cue.label}`}
                  title="Loop this cue (Shift+Enter)"
                >
                  ⟲
                </button>
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => onEdit(cue)}
                  aria-label={`Edit cue ${cue.label}`}
                  title="Edit (F2)"
                >
                  ✎
                </button>
                <button
                  type="button"
                  className="icon-button"
                  disabled={onFind === null}
                  onClick={() => onFind?.(cue)}
                  aria-label={`Find cue ${cue.label} in the film`}
                  title="Find where it sounds in the film"
                >
                  ⌕
                </button>
                <CiteButton target={{ kind: 'cue', id: cue.id }} what={`cue ${cue.label}`} compact />
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}
