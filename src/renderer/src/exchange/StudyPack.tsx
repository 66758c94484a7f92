import { useCallback, useRef, useState } from 'react';
import type { StudyPackImport } from '../../../shared/contract/exchange';
import { studyPackUrl } from '../../../shared/media-url';
import { call } from '../api';
import { pathOfFile } from '../data/file-path';
import { sendAsStream } from '../data/send-file';
import { navigate } from '../navigation/place';
import { useNotify } from '../notices/notify';
import { FilePicker } from '../ui/FilePicker';
import { saveHostFile } from '../ui/save-file';
import { useImportStudyPack } from './queries';
import { plural } from './StudyFiles';

/** What opening a pack did, in words. */
export function describePack(opened: StudyPackImport): string {
  const added = [
    [opened.scenes, 'scene', 'scenes'],
    [opened.notes, 'note', 'notes'],
    [opened.cues, 'cue', 'cues'],
    [opened.placements, 'placement', 'placements'],
    [opened.frames, 'frame grab', 'frame grabs'],
    [opened.subtitles, 'subtitle file', 'subtitle files'],
    [opened.recordings, 'recording', 'recordings']
  ] as const;
  const parts = added.filter(([n]) => n > 0).map(([n, one, many]) => plural(n, one, many));
  const what = parts.length ? parts.join(', ') : 'nothing new';
  const had = opened.matched ? ` (${plural(opened.matched, 'note or cue was', 'notes and cues were')} already here)` : '';
  return `${opened.created ? 'Added' : 'Opened'} “${opened.title}” from the study pack: ${what}${had}.`;
}

/** A study pack is known by its extension: a ZIP's content says nothing of what it holds. */
export const isStudyPack = (name: string) => name.toLowerCase().endsWith('.reelstudy');

/**
 * Opens a study pack the person picked, dropped or opened with the app: by its path in the desktop
 * app, uploaded in the browser host; then says what it added and goes to its film.
 */
export function useOpenStudyPack() {
  const notify = useNotify();
  const { mutateAsync: importPack } = useImportStudyPack();
  return useCallback(
    async (file: File | { path: string }) => {
      try {
        const path = 'path' in file ? file.path : pathOfFile(file);
        let opened: StudyPackImport;
        if (path !== null) opened = await importPack({ path });
        else if (!('size' in file)) throw new Error('The study pack has no path.');
        else {
          const { uploadId } = await call('exchange.beginStudyPackUpload', { fileName: file.name, byteSize: file.size });
          await sendAsStream(
            `/upload/study-pack?uploadId=${encodeURIComponent(uploadId)}`,
            file,
            () => undefined,
            () => undefined
          );
          opened = await importPack({ uploadId });
        }
        notify.success(describePack(opened));
        navigate({ filmId: opened.filmId, view: 'scenes', sceneId: null, noteId: null });
      } catch (error) {
        notify.failed(error);
      }
    },
    [importPack, notify]
  );
}

/**
 * The film's study as one file a teacher hands to a class (.reelstudy), and such a file opened: the
 * film comes into this library, merged with what it holds, never over it. The desktop app reads a
 * pack where it lies and writes one where the save dialog says; the browser host uploads and downloads.
 */
export function StudyPack({ filmId }: { filmId: number }) {
  const notify = useNotify();
  const [withRecordings, setWithRecordings] = useState(false);
  const [busy, setBusy] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const open = useOpenStudyPack();
  const desktop = window.reelnotesDesktop;

  const savePack = async () => {
    setBusy(true);
    try {
      if (desktop) {
        const saved = await desktop.saveStudyPack(filmId, withRecordings);
        if (saved) notify.success(`Saved the study pack ${saved.fileName}.`);
      } else await saveHostFile(studyPackUrl(filmId, withRecordings), 'study.reelstudy');
    } catch (error) {
      notify.failed(error);
    } finally {
      setBusy(false);
    }
  };

  const openPack = async (file: File) => {
    setBusy(true);
    await open(file);
    setBusy(false);
  };

  return (
    <section className="exchange-section" aria-labelledby="study-pack-heading">
      <h3 id="study-pack-heading" className="section-label">
        Study pack
      </h3>
      <div className="exchange-line">
        <label className="exchange-check">
          <input type="checkbox" checked={withRecordings} onChange={(e) => setWithRecordings(e.target.checked)} /> With the recordings
        </label>
        <button type="button" className="button subtle" disabled={busy} onClick={() => void savePack()}>
          Save the study pack
        </button>
        <button type="button" className="button subtle" disabled={busy} onClick={() => picker.current?.click()}>
          Open a study pack…
        </button>
      </div>
      <p className="muted">
        One .reelstudy file with the film page, scenes, notes, tags, cues, subtitles and frame grabs, to hand to a class. Opening one adds
        what it holds to this library and never changes what you wrote.
      </p>
      <FilePicker
        ref={picker}
        accept=".reelstudy,application/x-reelnotes-study"
        label="Study pack to open"
        testId="study-pack-input"
        onFile={(file) => void openPack(file)}
      />
    </section>
  );
}
