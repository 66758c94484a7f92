import { useRef, useState } from 'react';
import { call } from '../api';
import { useNotify } from '../notices/notify';
import { FilePicker } from '../ui/FilePicker';
import { saveTextFile } from '../ui/save-file';
import { incomingTextOf } from '../data/file-path';
import { useFilmTracks, useImportSonicVisualiser } from './queries';

/** One track's cues to and from a Sonic Visualiser annotation layer (.svl) or SV's CSV of one. */
export function SonicVisualiserFiles({ filmId }: { filmId: number }) {
  const notify = useNotify();
  const tracks = useFilmTracks(filmId).data ?? [];
  const [chosen, setChosen] = useState<number | null>(null);
  const trackId = chosen ?? tracks[0]?.id ?? null;
  const importLayer = useImportSonicVisualiser();
  const picker = useRef<HTMLInputElement>(null);

  const exportLayer = async (format: 'svl' | 'csv') => {
    if (trackId === null) return;
    try {
      const file = await call('exchange.exportSonicVisualiser', { trackId, format });
      saveTextFile(file.fileName, file.text, format === 'svl' ? 'application/xml' : 'text/csv');
    } catch (error) {
      notify.failed(error);
    }
  };

  const importFile = async (file: File) => {
    if (trackId === null) return;
    try {
      const { cues } = await importLayer.mutateAsync({ trackId, ...(await incomingTextOf(file)) });
      notify.success(`Imported ${cues} ${cues === 1 ? 'cue' : 'cues'} from ${file.name}.`);
    } catch (error) {
      notify.failed(error);
    }
  };

  if (tracks.length === 0) return null;
  return (
    <section className="exchange-section" aria-labelledby="sv-heading">
      <h3 id="sv-heading" className="section-label">
        A track&apos;s cues in Sonic Visualiser
      </h3>
      <div className="exchange-line">
        <label className="inline-field">
          <span>Track</span>
          <select className="text-field" value={trackId ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
            {tracks.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button subtle" onClick={() => void exportLayer('svl')}>
          Export layer (.svl)
        </button>
        <button type="button" className="button subtle" onClick={() => void exportLayer('csv')}>
          Export SV CSV
        </button>
        <button type="button" className="button subtle" onClick={() => picker.current?.click()}>
          Import a layer…
        </button>
      </div>
      <FilePicker
        ref={picker}
        accept=".svl,.csv,application/xml,text/csv"
        label="Sonic Visualiser layer to import"
        testId="sv-layer-input"
        onFile={(file) => void importFile(file)}
      />
    </section>
  );
}
