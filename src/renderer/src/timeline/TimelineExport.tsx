import { memo, useState } from 'react';
import type { TimelineRange } from '../../../shared/timeline';
import { formatFilmTime } from '../../../shared/time-format';
import { wholeView, type WaveformView } from '../../../shared/waveform-view';
import { call } from '../api';
import { useNotify } from '../notices/notify';
import { saveBinaryFile, saveTextFile } from '../ui/save-file';
import { paintShapes, shapesToSvg } from './paint';
import { timelinePicture, type TimelineRow } from './timeline-layout';
import { fetchWindow } from './view-window';

interface Props {
  filmId: number;
  filmTitle: string;
  rows: TimelineRow[];
  /** The view and its answer as they are on screen when the person asks (read then, not at each frame's render). */
  onScreen: () => { view: WaveformView; range: TimelineRange | undefined };
  widthPx: number;
  durationMs: number;
  tagIds: number[];
}

/** A picture a PNG is drawn at: twice the lanes' pixels, sharp on a projector. */
const PNG_SCALE = 2;

/**
 * The timeline as a picture, SVG or PNG, of the part in view or of the whole film (asked for as one
 * more view, summarised as the screen would be at that zoom), in the light theme whatever the screen shows.
 */
export const TimelineExport = memo(function TimelineExport({ filmId, filmTitle, rows, onScreen, widthPx, durationMs, tagIds }: Props) {
  const [whole, setWhole] = useState(false);
  const notify = useNotify();

  const picture = async () => {
    const { view, range } = onScreen();
    const shownView = whole ? wholeView(durationMs, widthPx) : view;
    const answer = whole ? await call('timeline.range', { filmId, ...fetchWindow(shownView, durationMs), tagIds }) : range;
    const endMs = shownView.startMs + shownView.msPerPx * widthPx;
    const heading = `${filmTitle}, ${formatFilmTime(shownView.startMs)}–${formatFilmTime(Math.min(durationMs, endMs))}`;
    const name = `${filmTitle} timeline ${formatFilmTime(shownView.startMs).replace(/:/g, '.')}`;
    return { ...timelinePicture({ rows, range: answer, view: shownView, widthPx, heading }), name };
  };

  const asSvg = async () => {
    try {
      const { shapes, width, height, name } = await picture();
      if (await saveTextFile(`${name}.svg`, shapesToSvg(shapes, width, height), 'image/svg+xml')) notify.success(`Saved ${name}.svg.`);
    } catch (error) {
      notify.failed(error);
    }
  };
  const asPng = async () => {
    try {
      const { shapes, width, height, name } = await picture();
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * PNG_SCALE);
      canvas.height = Math.round(height * PNG_SCALE);
      paintShapes(canvas.getContext('2d')!, shapes, PNG_SCALE);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error('The picture could not be made as PNG.');
      if (await saveBinaryFile(`${name}.png`, blob)) notify.success(`Saved ${name}.png.`);
    } catch (error) {
      notify.failed(error);
    }
  };

  return (
    <span role="group" aria-label="Export the timeline as a picture">
      <select
        className="text-field"
        value={whole ? 'whole' : 'view'}
        onChange={(event) => setWhole(event.target.value === 'whole')}
        aria-label="What to export"
      >
        <option value="view">The part in view</option>
        <option value="whole">The whole film</option>
      </select>{' '}
      <button type="button" className="button subtle" onClick={() => void asSvg()} disabled={widthPx === 0}>
        SVG
      </button>{' '}
      <button type="button" className="button subtle" onClick={() => void asPng()} disabled={widthPx === 0}>
        PNG
      </button>
    </span>
  );
});
