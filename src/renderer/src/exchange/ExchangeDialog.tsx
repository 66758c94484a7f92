import { useRef, useState, type FormEvent } from 'react';
import { citationStyles, type CitationFacts, type CitationStyle } from '../../../shared/contract/exchange';
import { call } from '../api';
import { useNotify } from '../notices/notify';
import { FilePicker } from '../ui/FilePicker';
import { saveTextFile } from '../ui/save-file';
import { incomingTextOf } from '../data/file-path';
import { useModalDialog } from '../ui/useModalDialog';
import { useCitationFacts, useImportCslJson, useSaveCitationFacts, useSetCitationStyle } from './queries';
import { StudyFiles } from './StudyFiles';
import { SonicVisualiserFiles } from './SonicVisualiserFiles';
import { EssayPrint } from './EssayPrint';
import { StudyPack } from './StudyPack';
import './exchange.css';

const styleLabels: Record<CitationStyle, string> = { chicago: 'Chicago (notes)', mla: 'MLA (9th edition)' };

/** The film's study to and from other tools' files, and what its citations say. */
export function ExchangeDialog({ filmId, onClose }: { filmId: number; onClose: () => void }) {
  const dialog = useModalDialog(true);
  const facts = useCitationFacts(filmId);
  return (
    <dialog ref={dialog} className="dialog exchange-dialog" aria-labelledby="exchange-title" onCancel={onClose} onClose={onClose}>
      <div className="dialog-header">
        <h2 id="exchange-title">Export or import</h2>
        <button type="button" className="button subtle" onClick={onClose}>
          Close
        </button>
      </div>
      <StudyFiles filmId={filmId} />
      <SonicVisualiserFiles filmId={filmId} />
      <EssayPrint filmId={filmId} />
      <StudyPack filmId={filmId} />
      {facts.data && facts.data.filmId === filmId ? <CitationSection key={filmId} facts={facts.data} /> : <p className="muted">Loading…</p>}
    </dialog>
  );
}

function CitationSection({ facts }: { facts: CitationFacts }) {
  const notify = useNotify();
  const saveFacts = useSaveCitationFacts();
  const setStyle = useSetCitationStyle();
  const importCsl = useImportCslJson();
  const [directors, setDirectors] = useState(facts.directors.join('\n'));
  const [year, setYear] = useState(facts.year === null ? '' : String(facts.year));
  const [studio, setStudio] = useState(facts.studio ?? '');
  const picker = useRef<HTMLInputElement>(null);
  const { filmId } = facts;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (year.trim() && !/^\d{4}$/.test(year.trim())) return notify.failed('Write the year as four digits, as in 1948.');
    try {
      await saveFacts.mutateAsync({
        filmId,
        directors: directors.split('\n').filter((line) => line.trim()),
        year: year.trim() ? Number(year) : null,
        studio: studio.trim() || null
      });
      notify.success(`Saved the citation facts of “${facts.title}”.`);
    } catch (error) {
      notify.failed(error);
    }
  };

  const exportCsl = async () => {
    try {
      const file = await call('exchange.exportCslJson', { filmId });
      saveTextFile(file.fileName, file.text, 'application/vnd.citationstyles.csl+json');
    } catch (error) {
      notify.failed(error);
    }
  };

  const importCslFile = async (file: File) => {
    try {
      const taken = await importCsl.mutateAsync({ filmId, ...(await incomingTextOf(file)) });
      setDirectors(taken.directors.join('\n'));
      setYear(taken.year === null ? '' : String(taken.year));
      setStudio(taken.studio ?? '');
      notify.success(`Took the director, year and studio of “${facts.title}” from ${file.name}.`);
    } catch (error) {
      notify.failed(error);
    }
  };

  return (
    <section className="exchange-section" aria-labelledby="citation-heading">
      <h3 id="citation-heading" className="section-label">
        Citations
      </h3>
      <fieldset className="exchange-choice">
        <legend>Cite copies</legend>
        {citationStyles.map((style) => (
          <label key={style}>
            <input
              type="radio"
              name="citation-style"
              checked={facts.style === style}
              onChange={() => setStyle.mutateAsync({ style }).catch(notify.failed)}
            />{' '}
            {styleLabels[style]}
          </label>
        ))}
      </fieldset>
      <form className="exchange-facts" onSubmit={save}>
        <p className="muted">What the film page does not say, for every citation of “{facts.title}”.</p>
        <label className="field">
          <span>Directed by (one per line)</span>
          <textarea value={directors} onChange={(e) => setDirectors(e.target.value)} rows={2} />
        </label>
        <div className="exchange-row">
          <label className="field">
            <span>Year</span>
            <input value={year} onChange={(e) => setYear(e.target.value)} inputMode="numeric" pattern="\d{4}" placeholder="1948" />
          </label>
          <label className="field">
            <span>Studio</span>
            <input value={studio} onChange={(e) => setStudio(e.target.value)} placeholder="The Archers" />
          </label>
        </div>
        <div className="form-actions spread">
          <span>
            <button type="button" className="button subtle" onClick={() => void exportCsl()}>
              Export CSL-JSON (Zotero)
            </button>{' '}
            <button type="button" className="button subtle" onClick={() => picker.current?.click()}>
              Import CSL-JSON…
            </button>
          </span>
          <button type="submit" className="button primary" disabled={saveFacts.isPending}>
            Save facts
          </button>
        </div>
      </form>
      <FilePicker
        ref={picker}
        accept=".json,application/json"
        label="CSL-JSON file to import"
        testId="csl-json-input"
        onFile={(file) => void importCslFile(file)}
      />
    </section>
  );
}
