import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { Cue, Peaks } from '../../../shared/score';
import { formatTrackTime } from '../../../shared/time-format';
import styles from './Waveform.module.css';

interface Props {
  peaks: Peaks | undefined;
  durationMs: number;
  positionMs: number;
  cues: Cue[];
  loop: { startMs: number | null; endMs: number | null; on: boolean };
  activeCueId: number | null;
  onSeek: (ms: number) => void;
  onMarkRange: (startMs: number, endMs: number) => void;
  /** A range dragged with Shift held: looped rather than made a cue. */
  onLoopRange: (startMs: number, endMs: number) => void;
  /** A double-click: play from there. */
  onPlayFrom: (ms: number) => void;
}

/** A drag shorter than this many pixels is a click (seek), not a new cue. */
const DRAG_THRESHOLD_PX = 4;

function cssVar(element: Element, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

interface LayerInput {
  width: number;
  height: number;
  ratio: number;
  peaks: Peaks | undefined;
  durationMs: number;
  cues: Cue[];
  loop: Props['loop'];
}

interface Layers {
  /** What the layers were drawn from: they are drawn again when any of it changes. */
  inputs: unknown[];
  base: HTMLCanvasElement;
  played: HTMLCanvasElement;
  colours: { accent: string; text: string; focus: string };
}

/** The cues, the loop and the waveform in the unplayed colour; and the waveform alone in the played one. */
function drawLayers(canvas: HTMLCanvasElement, input: LayerInput, inputs: unknown[]): Layers {
  const { width, height, ratio, peaks, durationMs, cues, loop } = input;
  const colours = {
    wave: cssVar(canvas, '--text-muted', '#6b665e'),
    accent: cssVar(canvas, '--accent', '#a3282f'),
    text: cssVar(canvas, '--text', '#23211e'),
    focus: cssVar(canvas, '--focus', '#1f5fbf')
  };
  const x = (ms: number) => (durationMs > 0 ? (ms / durationMs) * width : 0);
  const layer = (waveColour: string, withMarks: boolean) => {
    const target = document.createElement('canvas');
    target.width = Math.round(width * ratio);
    target.height = Math.round(height * ratio);
    const g = target.getContext('2d');
    if (!g) return target;
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    for (const cue of withMarks ? cues : []) {
      const from = x(cue.startMs);
      const to = Math.max(from + 2, x(cue.endMs));
      g.globalAlpha = 0.2;
      g.fillStyle = cue.colour;
      g.fillRect(from, 0, to - from, height);
      g.globalAlpha = 1;
      g.fillRect(from, 0, 2, height);
      g.font = '11px system-ui, sans-serif';
      g.fillText(cue.label, from + 4, 12, Math.max(0, to - from - 6) || 120);
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
    if (peaks && peaks.max.length > 0) {
      const mid = height / 2;
      const bucketsTotal = peaks.max.length;
      const buckets = durationMs > 0 ? Math.min(bucketsTotal, (durationMs / peaks.bucketMs) | 0 || bucketsTotal) : bucketsTotal;
      g.fillStyle = waveColour;
      for (let px = 0; px < width; px++) {
        const from = Math.floor((px / width) * buckets);
        const to = Math.max(from + 1, Math.floor(((px + 1) / width) * buckets));
        let low = 0;
        let high = 0;
        for (let i = from; i < to && i < bucketsTotal; i++) {
          if (peaks.min[i] < low) low = peaks.min[i];
          if (peaks.max[i] > high) high = peaks.max[i];
        }
        const top = mid - high * (mid - 2);
        g.fillRect(px, top, 1, Math.max(1, mid - low * (mid - 2) - top));
      }
    }
    return target;
  };
  return {
    inputs,
    base: layer(colours.wave, true),
    played: layer(colours.accent, false),
    colours: { accent: colours.accent, text: colours.text, focus: colours.focus }
  };
}

/**
 * The recording's waveform from its cached peaks, with the cues as coloured regions, the loop and
 * the playhead. Click to seek; drag to mark a new cue.
 */
export function Waveform({ peaks, durationMs, positionMs, cues, loop, activeCueId, onSeek, onMarkRange, onLoopRange, onPlayFrom }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  const [drag, setDrag] = useState<{ fromX: number; toX: number; loop: boolean } | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(canvas);
    return () => observer.disconnect();
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
    const height = canvas.clientHeight;
    const inputs = [width, height, ratio, peaks, durationMs, cues, loop.startMs, loop.endMs, loop.on];
    if (!layers.current || inputs.some((value, i) => value !== layers.current!.inputs[i])) {
      layers.current = drawLayers(canvas, { width, height, ratio, peaks, durationMs, cues, loop }, inputs);
    }
    const { base, played, colours } = layers.current;
    if (canvas.width !== base.width || canvas.height !== base.height) {
      canvas.width = base.width;
      canvas.height = base.height;
    }
    const g = canvas.getContext('2d');
    if (!g) return;
    const x = (ms: number) => (durationMs > 0 ? (ms / durationMs) * width : 0);
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
    const playedWidth = Math.round(Math.min(width, x(positionMs)) * ratio);
    if (playedWidth > 0) g.drawImage(played, 0, 0, playedWidth, played.height, 0, 0, playedWidth, played.height);
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    if (drag) {
      g.fillStyle = drag.loop ? colours.focus : colours.accent;
      g.globalAlpha = 0.25;
      g.fillRect(Math.min(drag.fromX, drag.toX), 0, Math.abs(drag.toX - drag.fromX), height);
      g.globalAlpha = 1;
    }
    g.fillStyle = colours.text;
    g.fillRect(Math.round(x(positionMs)) - 1, 0, 2, height);
  }, [width, peaks, durationMs, positionMs, cues, loop, activeCueId, drag]);

  const toMs = (clientX: number) => {
    const rect = canvasRef.current!.getBoundingClientRect();
    return Math.round(Math.max(0, Math.min(1, (clientX - rect.left) / rect.width)) * durationMs);
  };
  const localX = (clientX: number) => clientX - canvasRef.current!.getBoundingClientRect().left;

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0 || durationMs <= 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ fromX: localX(event.clientX), toX: localX(event.clientX), loop: event.shiftKey });
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    if (drag) setDrag({ ...drag, toX: localX(event.clientX) });
  };
  const onPointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drag) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const endX = localX(event.clientX);
    setDrag(null);
    if (Math.abs(endX - drag.fromX) < DRAG_THRESHOLD_PX) {
      onSeek(toMs(event.clientX));
      return;
    }
    const a = toMs(rect.left + drag.fromX);
    const b = toMs(event.clientX);
    (drag.loop ? onLoopRange : onMarkRange)(Math.min(a, b), Math.max(a, b));
  };

  return (
    <div className={styles.waveform} data-state={peaks ? 'ready' : 'loading'}>
      <canvas
        ref={canvasRef}
        className={styles.canvas}
        role="img"
        aria-label={`Waveform, ${formatTrackTime(positionMs, false)} of ${formatTrackTime(durationMs, false)}: click to seek, double-click to play from there, drag to mark a cue, Shift+drag to loop`}
        data-peaks={peaks?.max.length ?? 0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDrag(null)}
        onDoubleClick={(event) => durationMs > 0 && onPlayFrom(toMs(event.clientX))}
      />
      {!peaks && <span className={styles.note}>Reading the waveform…</span>}
    </div>
  );
}
