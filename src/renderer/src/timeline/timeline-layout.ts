import type { TimelineAxis, TimelineItem, TimelineRange, TimelineRowKey, TimelineRowRange } from '../../../shared/timeline';
import { rulerTicks, type WaveformView } from '../../../shared/waveform-view';

/**
 * The timeline as shapes: one pure layout, painted on the screen's canvas every frame and written as
 * SVG for an export, so the picture a person pastes into a lecture is the one they saw.
 */

export const RULER_HEIGHT = 22;
export const ROW_HEIGHT = 24;
/** Room for a span's title: titles are cut to what fits at about this width a character. */
const CHAR_PX = 6.4;

export interface TimelinePalette {
  background: string;
  lane: string;
  text: string;
  muted: string;
  border: string;
  accent: string;
  /** The colour of a row whose items have none of their own (scenes, subtitles, notes without tags). */
  scene: string;
  subtitle: string;
  note: string;
}

/** What the export always uses, whatever the screen shows: the light theme's tokens (styles.css). */
export const LIGHT_PALETTE: TimelinePalette = {
  background: '#fbfaf7',
  lane: '#f1eee8',
  text: '#23211e',
  muted: '#6b665e',
  border: '#dcd7ce',
  accent: '#a3282f',
  scene: '#7a8fa6',
  subtitle: '#9c8f7a',
  note: '#6b665e'
};

export type Shape =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string; opacity?: number; title?: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number }
  | { kind: 'text'; x: number; y: number; text: string; fill: string; size: number; bold?: boolean }
  | { kind: 'diamond'; x: number; y: number; radius: number; fill: string; title?: string };

/** One row as drawn: its key, its label, and the colour its items take when they have none. */
export interface TimelineRow {
  key: TimelineRowKey;
  label: string;
  colour: string;
}

/** The rows of a film's timeline, in order: scenes, each track's placements, notes, subtitle files, then tag rows. */
export function timelineRows(
  axis: TimelineAxis,
  tags: { id: number; name: string; colour: string }[],
  palette: TimelinePalette
): TimelineRow[] {
  return [
    { key: 'scenes', label: 'Scenes', colour: palette.scene },
    // A track's row holds where its cues sound in the film: marked as music, apart from the track's own name in the score.
    ...axis.tracks.map((track) => ({ key: `track:${track.id}` as const, label: `♪ ${track.title}`, colour: palette.accent })),
    { key: 'notes', label: 'Notes', colour: palette.note },
    ...axis.subtitleTracks.map((track) => ({ key: `subtitles:${track.id}` as const, label: track.name, colour: palette.subtitle })),
    ...tags.map((tag) => ({ key: `tag:${tag.id}` as const, label: tag.name, colour: tag.colour }))
  ];
}

export const rowTop = (index: number) => RULER_HEIGHT + index * ROW_HEIGHT;

/** A title cut to the width it has, with an ellipsis, or nothing where not even a letter fits. */
function fitted(title: string, widthPx: number): string {
  const chars = Math.floor((widthPx - 8) / CHAR_PX);
  if (chars < 2) return '';
  return title.length <= chars ? title : `${title.slice(0, chars - 1)}…`;
}

function itemShapes(item: TimelineItem, row: TimelineRow, y: number, x: (ms: number) => number, palette: TimelinePalette): Shape[] {
  const colour = item.colour ?? row.colour;
  const left = x(item.startMs);
  if (item.endMs <= item.startMs) return [{ kind: 'diamond', x: left, y: y + ROW_HEIGHT / 2, radius: 5, fill: colour, title: item.title }];
  const width = Math.max(2, x(item.endMs) - left);
  const shapes: Shape[] = [
    { kind: 'rect', x: left, y: y + 3, width, height: ROW_HEIGHT - 6, fill: colour, opacity: 0.85, title: item.title }
  ];
  const text = fitted(item.title, width);
  if (text) shapes.push({ kind: 'text', x: left + 4, y: y + ROW_HEIGHT / 2 + 4, text, fill: palette.background, size: 11 });
  return shapes;
}

/**
 * A row too dense to draw item by item: a bar per bucket in view, as tall as its share of the answer's
 * busiest bucket (the whole answer's, so heights hold still while the view pans across it).
 */
function countShapes(
  data: TimelineRowRange,
  range: TimelineRange,
  view: { fromMs: number; toMs: number },
  row: TimelineRow,
  y: number,
  x: (ms: number) => number
): Shape[] {
  const counts = data.counts ?? [];
  const most = Math.max(1, ...counts);
  const shapes: Shape[] = [];
  const first = Math.max(0, Math.floor((view.fromMs - range.fromMs) / range.bucketMs));
  const last = Math.min(counts.length - 1, Math.floor((view.toMs - range.fromMs) / range.bucketMs));
  for (let bucket = first; bucket <= last; bucket++) {
    const count = counts[bucket];
    if (count === 0) continue;
    const left = x(range.fromMs + bucket * range.bucketMs);
    const width = Math.max(1, x(range.fromMs + (bucket + 1) * range.bucketMs) - left);
    const height = Math.max(2, (ROW_HEIGHT - 6) * Math.sqrt(count / most));
    shapes.push({ kind: 'rect', x: left, y: y + ROW_HEIGHT - 3 - height, width, height, fill: row.colour, opacity: 0.75 });
  }
  return shapes;
}

export interface LayoutInput {
  rows: TimelineRow[];
  range: TimelineRange | undefined;
  view: WaveformView;
  widthPx: number;
  palette: TimelinePalette;
  /** The film's playhead, when its picture is on the desk. */
  playheadMs: number | null;
  /** An item being dragged, drawn where the drag has it rather than where the library has it. */
  dragged?: { kind: TimelineItem['kind']; id: number; startMs: number; endMs: number } | null;
}

/** Every shape of one view, back to front: lanes, the ruler, each row's items (or counts), the playhead. */
export function layoutTimeline({ rows, range, view, widthPx, palette, playheadMs, dragged }: LayoutInput): Shape[] {
  const x = (ms: number) => (ms - view.startMs) / view.msPerPx;
  const endMs = view.startMs + widthPx * view.msPerPx;
  const height = rowTop(rows.length);
  const shapes: Shape[] = [{ kind: 'rect', x: 0, y: 0, width: widthPx, height, fill: palette.background }];
  rows.forEach((_row, i) => {
    if (i % 2 === 0) shapes.push({ kind: 'rect', x: 0, y: rowTop(i), width: widthPx, height: ROW_HEIGHT, fill: palette.lane });
  });
  for (const tick of rulerTicks(view, widthPx).ticks) {
    shapes.push({ kind: 'line', x1: tick.x, y1: RULER_HEIGHT - 6, x2: tick.x, y2: height, stroke: palette.border, width: 1 });
    shapes.push({ kind: 'text', x: tick.x + 3, y: RULER_HEIGHT - 8, text: tick.label, fill: palette.muted, size: 10 });
  }
  if (range) {
    const byKey = new Map(range.rows.map((data) => [data.row, data]));
    rows.forEach((row, i) => {
      const data = byKey.get(row.key);
      if (!data) return;
      const y = rowTop(i);
      if (!data.items) return shapes.push(...countShapes(data, range, { fromMs: view.startMs, toMs: endMs }, row, y, x));
      for (const item of data.items) {
        const shown = dragged && dragged.kind === item.kind && dragged.id === item.id ? { ...item, ...dragged } : item;
        if (shown.endMs < view.startMs || shown.startMs > endMs) continue;
        shapes.push(...itemShapes(shown, row, y, x, palette));
      }
    });
  }
  if (playheadMs !== null && playheadMs >= view.startMs && playheadMs <= endMs)
    shapes.push({ kind: 'line', x1: x(playheadMs), y1: 0, x2: x(playheadMs), y2: height, stroke: palette.accent, width: 2 });
  return shapes;
}

/** A picture's left margin, where each row is named (the legend of its colours). */
const GUTTER = 170;
const TITLE_HEIGHT = 30;
const LEGEND_LINE = 16;
const LEGEND_HEIGHT = 3 * LEGEND_LINE + 16;

const moved = (shape: Shape, dx: number, dy: number): Shape =>
  shape.kind === 'line'
    ? { ...shape, x1: shape.x1 + dx, x2: shape.x2 + dx, y1: shape.y1 + dy, y2: shape.y2 + dy }
    : { ...shape, x: shape.x + dx, y: shape.y + dy };

/**
 * The timeline as a picture for an essay or a slide: a heading naming the film and the stretch shown,
 * each row named in the margin beside a swatch of its colour, the lanes as on the screen (without the
 * playhead), and a legend of the marks, always in the light palette.
 */
export function timelinePicture(input: Omit<LayoutInput, 'palette' | 'playheadMs' | 'dragged'> & { heading: string }): {
  shapes: Shape[];
  width: number;
  height: number;
} {
  const palette = LIGHT_PALETTE;
  const lanesHeight = rowTop(input.rows.length);
  // Wide enough for the legend's longest line however narrow the lanes.
  const width = Math.max(GUTTER + input.widthPx + 12, 420);
  const height = TITLE_HEIGHT + lanesHeight + LEGEND_HEIGHT;
  const shapes: Shape[] = [
    { kind: 'rect', x: 0, y: 0, width, height, fill: '#ffffff' },
    { kind: 'text', x: 12, y: 20, text: input.heading, fill: palette.text, size: 14, bold: true }
  ];
  input.rows.forEach((row, i) => {
    const y = TITLE_HEIGHT + rowTop(i);
    shapes.push({ kind: 'rect', x: 12, y: y + 8, width: 9, height: 9, fill: row.colour });
    shapes.push({ kind: 'text', x: 27, y: y + 16, text: fitted(row.label, GUTTER - 27), fill: palette.text, size: 11 });
  });
  for (const shape of layoutTimeline({ ...input, palette, playheadMs: null })) shapes.push(moved(shape, GUTTER, TITLE_HEIGHT));
  // The legend, a mark and its meaning a line, under the row names (a narrow picture keeps it whole).
  const legendY = (line: number) => TITLE_HEIGHT + lanesHeight + 18 + line * LEGEND_LINE;
  const meaning = (line: number, text: string): Shape => ({ kind: 'text', x: 42, y: legendY(line), text, fill: palette.muted, size: 10 });
  shapes.push(
    { kind: 'rect', x: 12, y: legendY(0) - 9, width: 22, height: 10, fill: palette.scene, opacity: 0.85 },
    meaning(0, 'a span of film time: a scene, a placed cue (in its colour), a subtitle'),
    { kind: 'diamond', x: 23, y: legendY(1) - 4, radius: 5, fill: palette.note },
    meaning(1, 'a note at its time, in its first tag’s colour'),
    { kind: 'rect', x: 21, y: legendY(2) - 8, width: 4, height: 9, fill: palette.muted, opacity: 0.75 },
    meaning(2, 'bars: how many items start there, where too many to draw one by one')
  );
  return { shapes, width, height };
}
