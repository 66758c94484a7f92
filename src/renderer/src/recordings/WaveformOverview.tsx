import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Peaks } from '../../../shared/score';
import { formatTrackTime } from '../../../shared/time-format';
import type { WaveformView } from '../../../shared/waveform-view';
import styles from './WaveformOverview.module.css';

interface Props {
  peaks: Peaks | undefined;
  durationMs: number;
  view: WaveformView;
  /** The zoomed waveform's width, which the view's span is measured against. */
  widthPx: number;
  /** The view moved to start here (held inside the recording by the waveform). */
  onMove: (startMs: number) => void;
}

/**
 * The whole recording in a thin strip, with the part the waveform shows as a window on it: drag the
 * window (or click beside it) to move the view; focused, the arrow keys move it by a tenth of its width,
 * Page Up and Page Down by a whole width, Home and End to either end.
 */
export function WaveformOverview({ peaks, durationMs, view, widthPx, onMove }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const stripRef = useRef<HTMLDivElement>(null);
  const [stripWidth, setStripWidth] = useState(0);
  const [grab, setGrab] = useState<{ pointerMs: number; startMs: number } | null>(null);
  const spanMs = view.msPerPx * widthPx;

  useEffect(() => {
    const strip = stripRef.current;
    if (!strip) return;
    const observer = new ResizeObserver(([entry]) => setStripWidth(Math.floor(entry.contentRect.width)));
    observer.observe(strip);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || stripWidth === 0) return;
    const ratio = window.devicePixelRatio || 1;
    const height = canvas.clientHeight;
    canvas.width = Math.round(stripWidth * ratio);
    canvas.height = Math.round(height * ratio);
    const g = canvas.getContext('2d');
    if (!g || !peaks || peaks.max.length === 0) return;
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.fillStyle = getComputedStyle(canvas).getPropertyValue('--text-muted').trim() || '#6b665e';
    const mid = height / 2;
    const buckets = peaks.max.length;
    for (let px = 0; px < stripWidth; px++) {
      const from = Math.floor((px / stripWidth) * buckets);
      const to = Math.max(from + 1, Math.floor(((px + 1) / stripWidth) * buckets));
      let low = 0;
      let high = 0;
      for (let i = from; i < to && i < buckets; i++) {
        if (peaks.min[i] < low) low = peaks.min[i];
        if (peaks.max[i] > high) high = peaks.max[i];
      }
      const top = mid - high * (mid - 1);
      g.fillRect(px, top, 1, Math.max(1, mid - low * (mid - 1) - top));
    }
  }, [peaks, stripWidth]);

  const msAt = (clientX: number) => {
    const rect = stripRef.current!.getBoundingClientRect();
    return ((clientX - rect.left) / Math.max(1, rect.width)) * durationMs;
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || durationMs <= 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const at = msAt(event.clientX);
    // Beside the window, the window first jumps to be centred there; then it follows the pointer.
    const startMs = at >= view.startMs && at <= view.startMs + spanMs ? view.startMs : at - spanMs / 2;
    if (startMs !== view.startMs) onMove(startMs);
    setGrab({ pointerMs: at, startMs });
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (grab) onMove(grab.startMs + msAt(event.clientX) - grab.pointerMs);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowLeft: view.startMs - spanMs / 10,
      ArrowRight: view.startMs + spanMs / 10,
      PageUp: view.startMs - spanMs,
      PageDown: view.startMs + spanMs,
      Home: 0,
      End: durationMs
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    onMove(moves[event.key]);
  };

  const scale = stripWidth / Math.max(1, durationMs);
  const whole = spanMs >= durationMs - 1;
  return (
    <div
      ref={stripRef}
      className={styles.overview}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => setGrab(null)}
      onPointerCancel={() => setGrab(null)}
    >
      <canvas ref={canvasRef} className={styles.canvas} aria-hidden="true" />
      <div
        className={styles.window}
        data-testid="waveform-window"
        style={{ left: view.startMs * scale, width: Math.max(6, spanMs * scale) }}
        role="slider"
        tabIndex={whole ? -1 : 0}
        aria-label="Part of the recording in view"
        aria-valuemin={0}
        aria-valuemax={Math.round(durationMs)}
        aria-valuenow={Math.round(view.startMs)}
        aria-valuetext={`${formatTrackTime(view.startMs, false)} to ${formatTrackTime(view.startMs + spanMs, false)}`}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
