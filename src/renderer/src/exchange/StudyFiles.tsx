import { useRef, useState } from 'react';
import type { ImportCounts } from '../../../shared/contract/exchange';
import { call } from '../api';
import { useNotify } from '../notices/notify';
import { FilePicker } from '../ui/FilePicker';
import { saveTextFile } from '../ui/save-file';
import { incomingTextOf } from '../data/file-path';
import { incomingAccept, incomingKindOf, studyFormats } from './formats';
import { useImportWebAnnotations } from './queries';
import { TableImportStep, type PickedTable } from './TableImportStep';
import { EafImportStep, type PickedEaf } from './EafImportStep';

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What an import did, in words: "3 notes, 1 cue and 9 scenes". */
export function describeCounts(counts: ImportCounts): string {
  const parts = [
    counts.notes ? plural(counts.notes, 'note', 'notes') : '',
    counts.cues ? plural(counts.cues, 'cue', 'cues') : '',
    counts.scenes ? plural(counts.scenes, 'scene', 'scenes') : ''
  ].filter(Boolean);
  if (parts.length === 0) return 'nothing';
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** The film's study out to another tool's file, and such a file in, through a step that shows what it will become. */
export function StudyFiles({ filmId }: { filmId: number }) {
  const notify = useNotify();
  const [formatId, setFormatId] = useState(studyFormats[0].id);
  const [table, setTable] = useState<PickedTable | null>(null);
  const [eaf, setEaf] = useState<PickedEaf | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const importWebAnnotations = useImportWebAnnotations();

  const exportStudy = async () => {
    const format = studyFormats.find((f) => f.id === formatId)!;
    try {
      const file = await format.write(filmId);
      saveTextFile(file.fileName, file.text, format.type);
    } catch (error) {
      notify.failed(error);
    }
  };

  const imported = (fileName: string) => (counts: ImportCounts) => {
    notify.success(`Imported ${describeCounts(counts)} from ${fileName}.`);
    setTable(null);
    setEaf(null);
  };

  const pick = async (file: File) => {
    try {
      const kind = incomingKindOf(file.name);
      if (kind === null) throw new Error(`${file.name}: Reelnotes reads CSV, TSV, ELAN (.eaf) and Web Annotation (.jsonld) study files.`);
      const source = await incomingTextOf(file);
      if (kind === 'table') setTable({ source, preview: await call('exchange.previewTable', source) });
      else if (kind === 'eaf') setEaf({ fileName: file.name, source, tiers: await call('exchange.previewEaf', source) });
      // A Web Annotation says what each annotation is (its motivation and target): nothing to choose.
      else imported(file.name)(await importWebAnnotations.mutateAsync({ filmId, ...source }));
    } catch (error) {
      notify.failed(error);
    }
  };

  if (eaf) return <EafImportStep filmId={filmId} eaf={eaf} onDone={imported(eaf.fileName)} onCancel={() => setEaf(null)} />;
  if (table) {
    return <TableImportStep filmId={filmId} table={table} onDone={imported(table.preview.fileName)} onCancel={() => setTable(null)} />;
  }

  return (
    <section className="exchange-section" aria-labelledby="study-files-heading">
      <h3 id="study-files-heading" className="section-label">
        The study in other tools
      </h3>
      <div className="exchange-line">
        <label className="inline-field">
          <span>Format</span>
          <select className="text-field" value={formatId} onChange={(e) => setFormatId(e.target.value)}>
            {studyFormats.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button subtle" onClick={() => void exportStudy()}>
          Export
        </button>
        <button type="button" className="button subtle" onClick={() => picker.current?.click()}>
          Import a file…
        </button>
      </div>
      <p className="muted">Scenes, notes with their film times and tags, and the cues of every track.</p>
      <FilePicker
        ref={picker}
        accept={incomingAccept}
        label="Study file to import"
        testId="study-file-input"
        onFile={(file) => void pick(file)}
      />
    </section>
  );
}
