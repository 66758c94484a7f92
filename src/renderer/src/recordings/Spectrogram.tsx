import { useEffect, useMemo, useRef, useState } from 'react';
import {
  loudestNote,
  midiRow,
  SPECTROGRAM_MAX_SPAN_MS,
  spectrogramRows,
  type Spectrogram as SpectrogramAnswer
} from '../../../shared/spectrogram';
import { formatTrackTime } from '../../../shared/time-format';
import type { WaveformView } from '../../../shared/waveform-view';
import { prefersDark } from '../ui/colour-scheme';
import { useSpectrogram } from './queries';
import styles from './Spectrogram.module.css';

interface Props {
  recordingId: number;
  view: WaveformView;
  width: number;
  positionMs: number;
  /** The time under the pointer, while it is over the waveform. */
  pointerMs: number | null;
}

/** The view is asked for once it has stood still this long: a zoom or a scroll passes through many views. */
const SETTLE_MS = 150;

/** The notes named on the axis: every C, and A4 (440 Hz). */
const AXIS_NOTES = [36, 48, 60, 69, 72, 84, 96].map((midi) => ({ midi, name: midi === 69 ? 'A4' : `C${midi / 12 - 1}` }));

const rows = spectrogramRows();
/** A row's height as a fraction from the top: the highest note at the top. */
const rowTop = (row: number) => 1 - (row + 0.5) / rows;

/** The answer's levels; a plain loop, as a view's hundred thousand levels through Uint8Array.from's callback took tens of milliseconds. */
function decode(answer: SpectrogramAnswer): Uint8Array {
  const bytes = atob(answer.levels);
  const levels = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) levels[i] = bytes.charCodeAt(i);
  return levels;
}

/**
 * The answer as a picture of one pixel a level, in the theme's ink: made once per answer and theme,
 * then only stretched into place as the view moves.
 */
function sheetOf(answer: SpectrogramAnswer, levels: Uint8Array, [r, g, b]: [number, number, number]): HTMLCanvasElement {
  const image = new ImageData(answer.columns, answer.rows);
  for (let c = 0; c < answer.columns; c++)
    for (let row = 0; row < answer.rows; row++) {
      const at = ((answer.rows - 1 - row) * answer.columns + c) * 4;
      const level = levels[c * answer.rows + row] / 255;
      image.data[at] = r;
      image.data[at + 1] = g;
      image.data[at + 2] = b;
      // Squared, so the quiet floor stays pale and the notes stand out.
      image.data[at + 3] = Math.round(level * level * 255);
    }
  const sheet = document.createElement('canvas');
  [sheet.width, sheet.height] = [answer.columns, answer.rows];
  sheet.getContext('2d')!.putImageData(image, 0, 0);
  return sheet;
}

/** The theme's text colour as RGB: the spectrogram's ink, on the pane's own background. */
function inkOf(element: Element): [number, number, number] {
  const probe = document.createElement('span');
  probe.style.color = getComputedStyle(element).getPropertyValue('--text').trim() || '#23211e';
  element.appendChild(probe);
  const [r, g, b] = (getComputedStyle(probe).color.match(/\d+/g) ?? ['35', '33', '30']).map(Number);
  probe.remove();
  return [r, g, b];
}

/**
 * The stretch in view as a spectrogram, under the cues instead of the waveform: time across, notes up
 * the side (log frequency, A4 = 440 Hz), louder darker (lighter in the dark theme). It is made in the
 * library for the stretch in view only, up to two minutes; its label names the loudest note under the
 * pointer, else at the playhead, else in the middle of the view ("A4 440 Hz").
 */
export function Spectrogram({ recordingId, view, width, positionMs, pointerMs }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const spanMs = view.msPerPx * width;
  const wanted =
    width > 0 && spanMs <= SPECTROGRAM_MAX_SPAN_MS
      ? {
          recordingId,
          fromMs: Math.max(0, Math.floor(view.startMs)),
          toMs: Math.ceil(view.startMs + spanMs),
          columns: Math.min(1600, Math.max(1, Math.round(width / 2)))
        }
      : null;
  const [settled, setSettled] = useState(wanted);
  const key = wanted && `${wanted.recordingId} ${wanted.fromMs} ${wanted.toMs} ${wanted.columns}`;
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(wanted), SETTLE_MS);
    return () => window.clearTimeout(timer);
    // The key says all the view's request does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const { data: answer } = useSpectrogram(settled);
  const levels = useMemo(() => (answer ? decode(answer) : null), [answer]);
  const shown = answer && answer.recordingId === recordingId ? answer : undefined;

  // What the canvas shows, drawn again only when one of these changes: the component renders on every
  // frame of playback and of the pointer's moves, and a redraw then held up the next answer's.
  const drawn = useRef<{ inputs: unknown[]; sheet: HTMLCanvasElement | null; ink: [number, number, number] } | null>(null);
  // The canvas's size, kept as it changes rather than read on every render (that laid the page out again).
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(([entry]) =>
      setSize({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) })
    );
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ratio = window.devicePixelRatio || 1;
    const [w, h] = [Math.round(size.width * ratio), Math.round(size.height * ratio)];
    // Reading the theme's ink makes the browser work out the page's styles: once per theme.
    const dark = prefersDark();
    const inputs = [shown, levels, view.startMs, view.msPerPx, w, h, dark];
    const previous = drawn.current;
    if (previous && inputs.every((value, i) => value === previous.inputs[i])) return;
    const ink = previous && previous.inputs[6] === dark ? previous.ink : inkOf(canvas);
    const sheet =
      shown && levels
        ? previous?.sheet && previous.inputs[0] === shown && previous.ink === ink
          ? previous.sheet
          : sheetOf(shown, levels, ink)
        : null;
    drawn.current = { inputs, sheet, ink };
    if (canvas.width !== w || canvas.height !== h) [canvas.width, canvas.height] = [w, h];
    const g = canvas.getContext('2d');
    if (!g) return;
    g.clearRect(0, 0, w, h);
    if (!shown || !sheet) return;
    // Where the answer's stretch lies in the view now: a zoom or scroll moves it until the next one comes.
    const x = ((shown.fromMs - view.startMs) / view.msPerPx) * ratio;
    const across = ((shown.toMs - shown.fromMs) / view.msPerPx) * ratio;
    g.imageSmoothingEnabled = true;
    g.drawImage(sheet, x, 0, across, h);
  });

  const readAt = pointerMs ?? (positionMs >= view.startMs && positionMs <= view.startMs + spanMs ? positionMs : view.startMs + spanMs / 2);
  const column = shown ? Math.floor(((readAt - shown.fromMs) / (shown.toMs - shown.fromMs)) * shown.columns) : -1;
  const loudest = shown && levels && column >= 0 && column < shown.columns ? loudestNote(levels, shown.rows, column) : null;
  const where = pointerMs !== null ? 'under the pointer' : readAt === positionMs ? 'at the playhead' : 'in the middle';
  const label = !wanted
    ? `Spectrogram: zoom in to ${SPECTROGRAM_MAX_SPAN_MS / 60_000} minutes or less to see it`
    : !shown
      ? 'Spectrogram: reading the notes…'
      : `Spectrogram of ${formatTrackTime(shown.fromMs)}–${formatTrackTime(shown.toMs)}, loudest note ${where}: ${loudest?.label ?? 'silence'}`;

  return (
    <div className={styles.spectrogram}>
      <canvas
        ref={canvasRef}
        className={styles.canvas}
        role="img"
        aria-label={label}
        data-state={!wanted ? 'too-long' : shown ? 'ready' : 'loading'}
        data-loudest={loudest?.label}
        data-loudest-row={loudest?.row}
        data-rows={shown?.rows}
        data-from-ms={shown?.fromMs}
      />
      <div className={styles.axis} data-testid="spectrogram-axis" aria-hidden="true">
        {AXIS_NOTES.map((note) => (
          <span key={note.midi} className={styles.note} data-midi={note.midi} style={{ top: `${rowTop(midiRow(note.midi)) * 100}%` }}>
            {note.name}
          </span>
        ))}
      </div>
      {!wanted && <span className={styles.hint}>Zoom in to {SPECTROGRAM_MAX_SPAN_MS / 60_000} minutes or less to see the notes</span>}
    </div>
  );
}
