import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { Cue, PeakRange, Peaks } from '../../../shared/score';
import { formatTrackTime } from '../../../shared/time-format';
import { useCommand } from '../keymap/keymap';
import { useScore, usePlayerValue } from '../player/ScoreContext';
import { usePeakTiles } from './queries';
import { Spectrogram } from './Spectrogram';
import { WaveformOverview } from './WaveformOverview';
import { prefersDark } from '../ui/colour-scheme';
import {
  clampView,
  cueUnder,
  draggedCue,
  levelFor,
  rulerTicks,
  TILE_BUCKETS,
  tilesFor,
  viewOfRange,
  wholeView,
  ZOOM_STEP,
  zoomAround,
  type CuePart,
  type WaveformView
} from '../../../shared/waveform-view';
import styles from './Waveform.module.css';

interface Props {
  recordingId: number;
  /** The overview and the list of finer levels; undefined while it loads. */
  peaks: Peaks | undefined;
  durationMs: number;
  /** The recording is the one in the player: the playhead is drawn where it plays. */
  canPlay: boolean;
  cues: Cue[];
  onSeek: (ms: number) => void;
  onMarkRange: (startMs: number, endMs: number) => void;
  /** A range dragged with Shift held: looped rather than made a cue. */
  onLoopRange: (startMs: number, endMs: number) => void;
  /** A double-click: play from there. */
  onPlayFrom: (ms: number) => void;
  /** A cue's edge (or the whole cue) dragged to new times, already held inside the recording. */
  onCueMoved: (cue: Cue, times: { startMs: number; endMs: number }) => void;
}

const SPECTROGRAM_KEY = 'reelnotes-spectrogram';

/** A drag shorter than this many pixels is a click (seek), not a new cue. */
const DRAG_THRESHOLD_PX = 4;

function cssVar(element: Element, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

/**
 * The lowest and highest sample between two times, from the finer level where its tiles are in, else
 * from the overview (a tile still on its way draws coarse for a moment rather than blank).
 */
function extremes(fromMs: number, toMs: number, overview: Peaks, fine: { bucketMs: number; tiles: Map<number, PeakRange> } | null) {
  let low = 0;
  let high = 0;
  if (fine) {
    const first = Math.floor(fromMs / fine.bucketMs);
    const last = Math.max(first, Math.ceil(toMs / fine.bucketMs) - 1);
    let complete = true;
    for (let b = first; b <= last; b++) {
      const tile = fine.tiles.get(Math.floor(b / TILE_BUCKETS));
      if (!tile) {
        complete = false;
        break;
      }
      const i = b - tile.fromBucket;
      if (i >= tile.min.length) continue;
      if (tile.min[i] < low) low = tile.min[i];
      if (tile.max[i] > high) high = tile.max[i];
    }
    if (complete) return [low, high];
    low = high = 0;
  }
  const first = Math.floor(fromMs / overview.bucketMs);
  const last = Math.min(overview.max.length - 1, Math.max(first, Math.ceil(toMs / overview.bucketMs) - 1));
  for (let b = Math.max(0, first); b <= last; b++) {
    if (overview.min[b] < low) low = overview.min[b];
    if (overview.max[b] > high) high = overview.max[b];
  }
  return [low, high];
}

interface LayerInput {
  width: number;
  height: number;
  ratio: number;
  view: WaveformView;
  overview: Peaks | undefined;
  fine: { bucketMs: number; tiles: Map<number, PeakRange> } | null;
  cues: Cue[];
  loop: { startMs: number | null; endMs: number | null; on: boolean };
  /** False while the spectrogram is drawn in the waveform's place (the cues and the loop stay). */
  wave: boolean;
}

interface Layers {
  /** What the layers were drawn from: they are drawn again when any of it changes. */
  inputs: unknown[];
  base: HTMLCanvasElement;
  /**
   * The waveform in the played colour, drawn when a frame first shows some of it: while zooming or scrolling
   * with nothing played in view (or nothing played at all), only the base layer is drawn on each frame.
   */
  played: () => HTMLCanvasElement;
  /** The played layer's canvas, once one has been made: the next layers draw over it again. */
  playedCanvas: HTMLCanvasElement | null;
  colours: { wave: string; accent: string; text: string; focus: string };
  /** The theme the colours were read in (light or dark): they are read again only when it changes. */
  dark: boolean;
}

/** The cues, the loop and the waveform in the unplayed colour; and the waveform alone in the played one. */
function drawLayers(canvas: HTMLCanvasElement, input: LayerInput, inputs: unknown[], previous: Layers | null): Layers {
  const { width, height, ratio, view, overview, fine, cues, loop, wave } = input;
  // Reading the theme's colours makes the browser work out the page's styles: once per theme, not per frame of a zoom.
  const dark = prefersDark();
  const colours =
    previous && previous.dark === dark
      ? previous.colours
      : {
          wave: cssVar(canvas, '--text-muted', '#6b665e'),
          accent: cssVar(canvas, '--accent', '#a3282f'),
          text: cssVar(canvas, '--text', '#23211e'),
          focus: cssVar(canvas, '--focus', '#1f5fbf')
        };
  const x = (ms: number) => (ms - view.startMs) / view.msPerPx;
  // The waveform's columns, once for both layers.
  const columns = new Float32Array(width * 2);
  if (wave && overview && overview.max.length > 0) {
    for (let px = 0; px < width; px++) {
      const [low, high] = extremes(view.startMs + px * view.msPerPx, view.startMs + (px + 1) * view.msPerPx, overview, fine);
      columns[2 * px] = low;
      columns[2 * px + 1] = high;
    }
  }
  // The last layers' canvases are drawn over again: a zoom redraws on every frame, and two new
  // canvases the size of the waveform each time kept the collector busy.
  const layer = (waveColour: string, withMarks: boolean, reused: HTMLCanvasElement | undefined) => {
    const target = reused ?? document.createElement('canvas');
    const [w, h] = [Math.round(width * ratio), Math.round(height * ratio)];
    if (target.width !== w || target.height !== h) [target.width, target.height] = [w, h];
    const g = target.getContext('2d');
    if (!g) return target;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, w, h);
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    for (const cue of withMarks ? cues : []) {
      const from = x(cue.startMs);
      const to = Math.max(from + 2, x(cue.endMs));
      if (to < 0 || from > width) continue;
      g.globalAlpha = 0.2;
      g.fillStyle = cue.colour;
      g.fillRect(from, 0, to - from, height);
      g.globalAlpha = 1;
      g.fillRect(from, 0, 2, height);
      g.font = '11px system-ui, sans-serif';
      g.fillText(cue.label, Math.max(from, 0) + 4, 12, Math.max(0, Math.min(to, width) - Math.max(from, 0) - 6) || 120);
    }
    if (withMarks && loop.startMs !== null) {
      const from = x(loop.startMs);
      const to = loop.endMs !== null ? x(loop.endMs) : from + 1;
      g.fillStyle = colours.focus;
      g.globalAlpha = loop.on ? 0.18 : 0.08;
      g.fillRect(from, 0, Math.max(1, to - from), height);
      g.globalAlpha = 1;
      g.fillRect(from, height - 4, Math.max(1, to - from), 4);
    }
    const mid = height / 2;
    g.fillStyle = waveColour;
    for (let px = 0; wave && px < width; px++) {
      const top = mid - columns[2 * px + 1] * (mid - 2);
      g.fillRect(px, top, 1, Math.max(1, mid - columns[2 * px] * (mid - 2) - top));
    }
    return target;
  };
  let playedDrawn = false;
  const layers: Layers = {
    inputs,
    base: layer(colours.wave, true, previous?.base),
    played: () => {
      if (!playedDrawn) layers.playedCanvas = layer(colours.accent, false, layers.playedCanvas ?? undefined);
      playedDrawn = true;
      return layers.playedCanvas!;
    },
    playedCanvas: previous?.playedCanvas ?? null,
    colours,
    dark
  };
  return layers;
}

/**
 * The recording's waveform, zoomable from the whole of it down to a second across the view: the wheel
 * (or a pinch) zooms around the pointer, Shift+wheel or a sideways swipe scrolls, + and − zoom, Z fits
 * the loop or the cue; the ruler labels fit the zoom, and the overview below shows (and moves) the part
 * in view. While playing, the view follows the playhead until the person scrolls away. Peaks come from
 * the level that fits the zoom, a tile at a time. Click to seek, double-click to play from there, drag
 * to mark a cue, Shift+drag to loop.
 */
export function Waveform(props: Props) {
  const { recordingId, peaks, durationMs, canPlay, onSeek, onMarkRange, onLoopRange, onPlayFrom, onCueMoved } = props;
  // What the waveform shows of the player, read here and not passed down: the workspace around it is
  // not drawn again on every frame of playback, nor when a cue starts playing.
  const playerMs = usePlayerValue((state) => state.positionMs);
  const positionMs = canPlay ? playerMs : 0;
  const activeCueId = usePlayerValue((state) => state.cue?.cueId ?? null);
  const loop = {
    startMs: usePlayerValue((state) => state.loopStartMs),
    endMs: usePlayerValue((state) => state.loopEndMs),
    on: usePlayerValue((state) => state.looping)
  };
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  // The canvas's height, kept as it changes: reading it on every frame of playback made the browser
  // lay out the whole page again right after React's changes, each frame.
  const [height, setHeight] = useState(0);
  const [drag, setDrag] = useState<{ fromX: number; toX: number; loop: boolean } | null>(null);
  // Null until the person zooms or scrolls: the whole recording, whatever the width.
  const [zoomed, setZoomed] = useState<WaveformView | null>(null);
  const [follow, setFollow] = useState(true);
  // The spectrogram in the waveform's place, as the person last left it.
  const [spectrogram, setSpectrogram] = useState(() => localStorage.getItem(SPECTROGRAM_KEY) === 'on');
  const [pointerMs, setPointerMs] = useState<number | null>(null);
  // A cue being reshaped: the part held, where the pointer took it, and its times so far.
  const [cueDrag, setCueDrag] = useState<{ cue: Cue; part: CuePart; grabMs: number; startMs: number; endMs: number } | null>(null);
  // While a cue is dragged it is drawn where it would go.
  const cues = cueDrag
    ? props.cues.map((c) => (c.id === cueDrag.cue.id ? { ...c, startMs: cueDrag.startMs, endMs: cueDrag.endMs } : c))
    : props.cues;

  const view = clampView(zoomed ?? wholeView(durationMs, width), durationMs, Math.max(1, width));
  const spanMs = view.msPerPx * width;
  const setView = (next: WaveformView) => setZoomed(clampView(next, durationMs, Math.max(1, width)));

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(([entry]) => {
      setWidth(Math.floor(entry.contentRect.width));
      setHeight(Math.round(entry.contentRect.height));
    });
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  // The finer level that fits the zoom, when the overview is too coarse for it.
  const levels = peaks?.levels ?? [];
  const level = levelFor(levels, view.msPerPx);
  const fineLevel = level && peaks && level.bucketMs < peaks.bucketMs * 0.99 ? level : null;
  const tiles = usePeakTiles(
    recordingId,
    fineLevel?.level ?? null,
    fineLevel && width > 0 ? tilesFor(view, width, fineLevel.bucketMs, fineLevel.buckets) : []
  );
  const fine = fineLevel ? { bucketMs: fineLevel.bucketMs, tiles } : null;

  // What the listeners below (the wheel's, the player's) read: this render's view and choices.
  const latest = useRef({ view, width, durationMs, follow, zoomed: zoomed !== null });
  useEffect(() => {
    latest.current = { view, width, durationMs, follow, zoomed: zoomed !== null };
  });

  // While playing, the view turns the page when the playhead reaches its edge, unless the person has
  // scrolled away to look elsewhere (then Follow, or a seek, brings it back).
  const { player } = useScore();
  useEffect(
    () =>
      player.subscribe(() => {
        const { playing, positionMs: at } = player.getState();
        const now = latest.current;
        if (!playing || !now.follow || !now.zoomed) return;
        const span = now.view.msPerPx * now.width;
        if (at >= now.view.startMs && at <= now.view.startMs + span * 0.95) return;
        setZoomed(clampView({ ...now.view, startMs: at - span * 0.05 }, now.durationMs, Math.max(1, now.width)));
      }),
    [player]
  );

  const zoomBy = (factor: number, anchorPx = width / 2) => setZoomed(zoomAround(view, factor, anchorPx, durationMs, Math.max(1, width)));
  const playheadPx = (positionMs - view.startMs) / view.msPerPx;
  // Keys and buttons zoom around the playhead when it is in view, else around the middle.
  const keyAnchor = playheadPx >= 0 && playheadPx <= width ? playheadPx : width / 2;
  const fitRange = () => {
    const active = cues.find((c) => c.id === activeCueId);
    const under = cues.find((c) => c.endMs > c.startMs && positionMs >= c.startMs && positionMs < c.endMs);
    const range =
      loop.startMs !== null && loop.endMs !== null
        ? { startMs: loop.startMs, endMs: loop.endMs }
        : active && active.endMs > active.startMs
          ? active
          : under;
    if (range) setView(viewOfRange(range.startMs, range.endMs, durationMs, Math.max(1, width)));
    return Boolean(range);
  };
  useCommand('zoom-in', () => zoomBy(1 / ZOOM_STEP, keyAnchor));
  useCommand('zoom-out', () => zoomBy(ZOOM_STEP, keyAnchor));
  useCommand('zoom-fit', () => fitRange());

  // The wheel, natively: React's wheel listener is passive, and a pinch (Ctrl+wheel) must not zoom the page.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (event: WheelEvent) => {
      const { width, durationMs } = latest.current;
      if (durationMs <= 0 || width <= 0) return;
      event.preventDefault();
      // Wheel events come faster than renders: each builds on the one before, not on the last render.
      const from = (previous: WaveformView | null) => clampView(previous ?? wholeView(durationMs, width), durationMs, width);
      const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? width : 1;
      const sideways = event.shiftKey ? event.deltaY || event.deltaX : Math.abs(event.deltaX) > Math.abs(event.deltaY) ? event.deltaX : 0;
      if (sideways !== 0) {
        setFollow(false);
        setZoomed((previous) => {
          const view = from(previous);
          return clampView({ ...view, startMs: view.startMs + sideways * unit * view.msPerPx }, durationMs, width);
        });
        return;
      }
      // A notch of a mouse wheel (100 px) is one zoom step; a pinch's small deltas zoom smoothly.
      const factor = ZOOM_STEP ** ((event.deltaY * unit) / (event.ctrlKey ? 25 : 100));
      const anchorPx = event.clientX - canvas.getBoundingClientRect().left;
      setZoomed((previous) => zoomAround(from(previous), factor, anchorPx, durationMs, width));
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, []);

  // What changes rarely (the waveform, cues, loop) is drawn into two layers, in the unplayed and
  // the played colour; on each frame of playback the canvas only copies them either side of the
  // playhead, over the playing cue's highlight. Drawing everything every frame (and again when a cue
  // started) kept the main thread busy just as the media element needed it to start playing.
  const layers = useRef<Layers | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    const inputs = [
      width,
      height,
      ratio,
      peaks,
      view.startMs,
      view.msPerPx,
      fine?.bucketMs,
      tiles,
      cues,
      loop.startMs,
      loop.endMs,
      loop.on,
      spectrogram,
      prefersDark()
    ];
    if (!layers.current || inputs.some((value, i) => value !== layers.current!.inputs[i])) {
      layers.current = drawLayers(
        canvas,
        { width, height, ratio, view, overview: peaks, fine, cues, loop, wave: !spectrogram },
        inputs,
        layers.current
      );
    }
    const { base, played, colours } = layers.current;
    if (canvas.width !== base.width || canvas.height !== base.height) {
      canvas.width = base.width;
      canvas.height = base.height;
    }
    const g = canvas.getContext('2d');
    if (!g) return;
    const x = (ms: number) => (ms - view.startMs) / view.msPerPx;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, canvas.width, canvas.height);
    const active = cues.find((cue) => cue.id === activeCueId);
    if (active) {
      // Under the base layer's own tint of 0.2, this makes the playing cue's about 0.38.
      const from = x(active.startMs) * ratio;
      g.globalAlpha = 0.23;
      g.fillStyle = active.colour;
      g.fillRect(from, 0, Math.max(2 * ratio, x(active.endMs) * ratio - from), canvas.height);
      g.globalAlpha = 1;
    }
    g.drawImage(base, 0, 0);
    const playedWidth = Math.round(Math.max(0, Math.min(width, x(positionMs))) * ratio);
    if (playedWidth > 0) {
      const layer = played();
      g.drawImage(layer, 0, 0, playedWidth, layer.height, 0, 0, playedWidth, layer.height);
    }
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    if (drag) {
      g.fillStyle = drag.loop ? colours.focus : colours.accent;
      g.globalAlpha = 0.25;
      g.fillRect(Math.min(drag.fromX, drag.toX), 0, Math.abs(drag.toX - drag.fromX), height);
      g.globalAlpha = 1;
    }
    g.fillStyle = colours.text;
    g.fillRect(Math.round(x(positionMs)) - 1, 0, 2, height);
  });

  const toMs = (clientX: number) => {
    const rect = canvasRef.current!.getBoundingClientRect();
    return Math.round(Math.max(0, Math.min(durationMs, view.startMs + (clientX - rect.left) * view.msPerPx)));
  };
  const localX = (clientX: number) => clientX - canvasRef.current!.getBoundingClientRect().left;

  const unclampedMs = (clientX: number) => view.startMs + localX(clientX) * view.msPerPx;
  const grabbed = (event: PointerEvent<HTMLCanvasElement>) =>
    event.shiftKey
      ? null
      : cueUnder(props.cues, view, localX(event.clientX), event.clientY - event.currentTarget.getBoundingClientRect().top);

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0 || durationMs <= 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const hold = grabbed(event);
    if (hold) {
      setCueDrag({ ...hold, grabMs: unclampedMs(event.clientX), startMs: hold.cue.startMs, endMs: hold.cue.endMs });
      return;
    }
    setDrag({ fromX: localX(event.clientX), toX: localX(event.clientX), loop: event.shiftKey });
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    if (spectrogram) setPointerMs(unclampedMs(event.clientX));
    if (cueDrag) {
      setCueDrag({ ...cueDrag, ...draggedCue(cueDrag.cue, cueDrag.part, unclampedMs(event.clientX) - cueDrag.grabMs, durationMs) });
      return;
    }
    if (drag) {
      setDrag({ ...drag, toX: localX(event.clientX) });
      return;
    }
    // What a press here would take hold of, said by the pointer's shape.
    const hold = grabbed(event);
    event.currentTarget.style.cursor = !hold ? '' : hold.part === 'whole' ? 'grab' : 'ew-resize';
  };
  const onPointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    if (cueDrag) {
      setCueDrag(null);
      const { cue, startMs, endMs } = cueDrag;
      if (startMs !== cue.startMs || endMs !== cue.endMs) onCueMoved(cue, { startMs, endMs });
      else onSeek(toMs(event.clientX));
      return;
    }
    if (!drag) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const endX = localX(event.clientX);
    setDrag(null);
    if (Math.abs(endX - drag.fromX) < DRAG_THRESHOLD_PX) {
      setFollow(true);
      onSeek(toMs(event.clientX));
      return;
    }
    const a = toMs(rect.left + drag.fromX);
    const b = toMs(event.clientX);
    (drag.loop ? onLoopRange : onMarkRange)(Math.min(a, b), Math.max(a, b));
  };

  const ruler = rulerTicks(view, width);
  const isWhole = zoomed === null || view.msPerPx >= wholeView(durationMs, Math.max(1, width)).msPerPx;

  return (
    <div className={styles.waveform} data-state={peaks ? 'ready' : 'loading'}>
      <div className={styles.toolbar} role="toolbar" aria-label="Waveform zoom">
        <button
          type="button"
          className="icon-button"
          onClick={() => zoomBy(ZOOM_STEP, keyAnchor)}
          disabled={isWhole}
          aria-label="Zoom out"
          title="Zoom out (−)"
        >
          −
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => zoomBy(1 / ZOOM_STEP, keyAnchor)}
          disabled={view.msPerPx <= 1}
          aria-label="Zoom in"
          title="Zoom in (+)"
        >
          +
        </button>
        <button
          type="button"
          className="button subtle small"
          onClick={() => setZoomed(null)}
          disabled={isWhole}
          title="The whole recording"
        >
          Whole
        </button>
        <button
          type="button"
          className="button subtle small"
          onClick={() => fitRange()}
          title="Zoom to the loop, or to the cue playing or under the playhead (Z)"
        >
          Fit loop or cue
        </button>
        <button
          type="button"
          className="button subtle small"
          aria-pressed={follow}
          onClick={() => setFollow(!follow)}
          title="Keep the playhead in view while playing"
        >
          Follow
        </button>
        <button
          type="button"
          className="button subtle small"
          aria-pressed={spectrogram}
          onClick={() => {
            localStorage.setItem(SPECTROGRAM_KEY, spectrogram ? 'off' : 'on');
            setSpectrogram(!spectrogram);
          }}
          title="Show the notes sounding (a spectrogram) in place of the waveform"
        >
          Notes
        </button>
        <span className={styles.span} data-testid="waveform-span">
          {/* To the millisecond once less than a minute is in view. */}
          {formatTrackTime(view.startMs, spanMs < 60_000)}–{formatTrackTime(view.startMs + spanMs, spanMs < 60_000)}
        </span>
      </div>
      <div className={styles.ruler} data-testid="waveform-ruler" data-step-ms={ruler.stepMs} aria-hidden="true">
        {ruler.ticks.map((tick) => (
          <span key={tick.atMs} className={styles.tick} style={{ left: tick.x }}>
            {tick.label}
          </span>
        ))}
      </div>
      <div className={styles.stage}>
        {spectrogram && <Spectrogram recordingId={recordingId} view={view} width={width} positionMs={positionMs} pointerMs={pointerMs} />}
        <canvas
          ref={canvasRef}
          className={styles.canvas}
          role="img"
          aria-label={`Waveform, ${formatTrackTime(positionMs, false)} of ${formatTrackTime(durationMs, false)}: click to seek, double-click to play from there, drag to mark a cue, drag a cue's edge or label to reshape it, Shift+drag to loop, wheel to zoom`}
          data-peaks={peaks?.max.length ?? 0}
          data-level={fineLevel?.level ?? 'overview'}
          data-ms-per-px={view.msPerPx}
          data-start-ms={view.startMs}
          data-span-ms={spanMs}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerLeave={() => setPointerMs(null)}
          onPointerCancel={() => {
            setDrag(null);
            setCueDrag(null);
          }}
          onDoubleClick={(event) => durationMs > 0 && onPlayFrom(toMs(event.clientX))}
        />
        {!peaks && <span className={styles.note}>Reading the waveform…</span>}
        {peaks?.levelsProgress !== undefined && (
          <span className={styles.levels} role="status">
            Making the finer waveform for zooming: {Math.round(peaks.levelsProgress * 100)}%
          </span>
        )}
        {cueDrag && (
          <span
            className={styles.dragTimes}
            role="status"
            style={{ left: Math.max(0, Math.min(width - 200, (cueDrag.startMs - view.startMs) / view.msPerPx)) }}
          >
            {cueDrag.cue.label}: {formatTrackTime(cueDrag.startMs)}
            {cueDrag.endMs > cueDrag.startMs ? ` – ${formatTrackTime(cueDrag.endMs)}` : ''}
          </span>
        )}
      </div>
      <WaveformOverview
        peaks={peaks}
        durationMs={durationMs}
        view={view}
        widthPx={width}
        onMove={(startMs) => {
          setFollow(false);
          setView({ ...view, startMs });
        }}
      />
    </div>
  );
}
