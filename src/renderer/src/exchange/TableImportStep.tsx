import { useId, useState, type FormEvent } from 'react';
import {
  studyKindNames,
  tableColumnNames,
  timeNotations,
  type ImportCounts,
  type TableColumn,
  type TablePreview
} from '../../../shared/contract/exchange';
import type { IncomingText } from '../../../shared/contract/fields';
import { useNotify } from '../notices/notify';
import { useFilmTracks, useImportTable } from './queries';

export interface PickedTable {
  /** The file as it goes to the library again for the import: its text, or its path in the desktop app. */
  source: IncomingText;
  preview: TablePreview;
}

const columnLabels: Record<TableColumn, string> = {
  start: 'Start',
  end: 'End',
  text: 'Text',
  tags: 'Tags',
  kind: 'Kind',
  scene: 'Scene number',
  track: 'Track',
  cue: 'Cue (of a note)'
};
const notationLabels = {
  auto: 'Recognise (seconds, hh:mm:ss.mmm, hh:mm:ss:ff)',
  seconds: 'Seconds',
  clock: 'hh:mm:ss.mmm',
  frames: 'Frames (a count or hh:mm:ss:ff)'
};
const kindLabels = { note: 'Notes', cue: 'Cues', scene: 'Scenes' };

interface Props {
  filmId: number;
  table: PickedTable;
  onDone: (counts: ImportCounts) => void;
  onCancel: () => void;
}

/**
 * The column-mapping step of a table's import: its first rows, what each column holds (guessed,
 * changeable), how its times are written, and what rows without a kind become. Nothing is written
 * until Import, and then all of it or, refused with the line, none.
 */
export function TableImportStep({ filmId, table, onDone, onCancel }: Props) {
  const { preview, source } = table;
  const ids = useId();
  const notify = useNotify();
  const importTable = useImportTable();
  const tracks = useFilmTracks(filmId);
  const [mapping, setMapping] = useState(preview.mapping);
  const [header, setHeader] = useState(preview.header);
  const [notation, setNotation] = useState<(typeof timeNotations)[number]>('auto');
  const [fps, setFps] = useState('25');
  const [kind, setKind] = useState<(typeof studyKindNames)[number]>('note');
  const [track, setTrack] = useState<string>('');
  const trackTitles = tracks.data?.map((t) => t.title) ?? [];
  const chosenTrack = track || trackTitles[0] || '';

  const map = (index: number, column: TableColumn | null) =>
    // A column is mapped once: choosing it here lets it go where it was.
    setMapping((current) => current.map((c, i) => (i === index ? column : c === column ? null : c)));

  const run = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const counts = await importTable.mutateAsync({
        filmId,
        ...source,
        delimiter: preview.delimiter,
        header,
        mapping,
        notation,
        fps: Number(fps) > 0 ? Number(fps) : null,
        kind,
        track: kind === 'cue' || mapping.includes('kind') ? chosenTrack || null : null
      });
      onDone(counts);
    } catch (error) {
      notify.failed(error);
    }
  };

  const shown = preview.rows.slice(0, 6);
  return (
    <form className="exchange-section" aria-labelledby={`${ids}-heading`} onSubmit={run}>
      <h3 id={`${ids}-heading`} className="section-label">
        Import {preview.fileName}: {preview.rowCount} rows
      </h3>
      <div className="table-preview" role="region" aria-label="First rows of the file" tabIndex={0}>
        <table>
          <thead>
            <tr>
              {mapping.map((column, index) => (
                <th key={index} scope="col">
                  <label>
                    <span className="visually-hidden">Column {index + 1} holds</span>
                    <select
                      className="text-field"
                      value={column ?? ''}
                      onChange={(e) => map(index, (e.target.value || null) as TableColumn | null)}
                    >
                      <option value="">(not imported)</option>
                      {tableColumnNames.map((c) => (
                        <option key={c} value={c}>
                          {columnLabels[c]}
                        </option>
                      ))}
                    </select>
                  </label>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, r) => (
              <tr key={r} className={r === 0 && header ? 'header-row' : undefined}>
                {mapping.map((_, c) => (
                  <td key={c}>{row[c] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <label className="exchange-check">
        <input type="checkbox" checked={header} onChange={(e) => setHeader(e.target.checked)} /> The first row names the columns
      </label>
      <div className="exchange-line">
        <label className="inline-field">
          <span>Times</span>
          <select className="text-field" value={notation} onChange={(e) => setNotation(e.target.value as typeof notation)}>
            {timeNotations.map((n) => (
              <option key={n} value={n}>
                {notationLabels[n]}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>Frames a second</span>
          <input className="text-field fps-field" value={fps} onChange={(e) => setFps(e.target.value)} inputMode="decimal" />
        </label>
      </div>
      <div className="exchange-line">
        <label className="inline-field">
          <span>Rows {mapping.includes('kind') ? 'with no kind ' : ''}become</span>
          <select className="text-field" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            {studyKindNames.map((k) => (
              <option key={k} value={k}>
                {kindLabels[k]}
              </option>
            ))}
          </select>
        </label>
        {(kind === 'cue' || mapping.includes('kind')) && !mapping.includes('track') && (
          <label className="inline-field">
            <span>Cues go to</span>
            <select className="text-field" value={chosenTrack} onChange={(e) => setTrack(e.target.value)}>
              {trackTitles.map((title) => (
                <option key={title} value={title}>
                  {title}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="form-actions">
        <button type="button" className="button subtle" onClick={onCancel}>
          Back
        </button>
        <button type="submit" className="button primary" disabled={importTable.isPending}>
          Import
        </button>
      </div>
    </form>
  );
}
