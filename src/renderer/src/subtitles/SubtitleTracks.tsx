import { useId, useRef, useState } from 'react';
import type { SubtitleTrack } from '../../../shared/domain';
import { MAX_CUE_FILE_BYTES } from '../../../shared/limits';
import { isTextSubtitle } from '../../../shared/video';
import { incomingTextOf } from '../data/file-path';
import { useNotify } from '../notices/notify';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { FilePicker } from '../ui/FilePicker';
import { useFilmFileFacts, useImportFilmSubtitles, useImportSubtitles, useRemoveSubtitles, useSubtitleTracks } from './queries';
import { showSubtitles, useShownSubtitles } from './shown-subtitles';
import styles from './Subtitles.module.css';

/**
 * A film's subtitle files: import an SRT or WebVTT file, or a text track from inside the film's own
 * file, choose which one shows under the picture, remove one. What is imported is read whole and
 * checked by the library before anything is kept.
 */
export function SubtitleTracks({ filmId }: { filmId: number }) {
  const tracks = useSubtitleTracks(filmId);
  const importSubtitles = useImportSubtitles();
  const removeSubtitles = useRemoveSubtitles();
  const shown = useShownSubtitles(filmId);
  const notify = useNotify();
  const picker = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const [removing, setRemoving] = useState<SubtitleTrack | null>(null);
  const list = tracks.data?.filter((track) => track.filmId === filmId) ?? [];
  const video = useFilmFileFacts(filmId).data;
  const inFilm = video && video.filmId === filmId && video.status === 'ready' ? video.subtitleTracks : [];
  const importFromFilm = useImportFilmSubtitles();
  const [chosenInFilm, setChosenInFilm] = useState<number | null>(null);
  const firstReadable = inFilm.find((track) => isTextSubtitle(track.codec))?.number ?? null;
  const fromFilm = chosenInFilm !== null && inFilm.some((t) => t.number === chosenInFilm) ? chosenInFilm : firstReadable;

  const imported = (track: SubtitleTrack) => {
    showSubtitles(filmId, track.id);
    notify.success(`Imported ${track.lineCount} subtitle lines from ${track.name}.`);
  };

  const importTrack = async (trackNumber: number) => {
    try {
      imported(await importFromFilm.mutateAsync({ filmId, trackNumber }));
    } catch (error) {
      notify.failed(error);
    }
  };

  const importFile = async (file: File) => {
    try {
      if (file.size > MAX_CUE_FILE_BYTES) throw new Error(`${file.name} is larger than 8 MB: it is not a subtitle file.`);
      imported(await importSubtitles.mutateAsync({ filmId, ...(await incomingTextOf(file)) }));
    } catch (error) {
      notify.failed(error);
    }
  };

  const remove = async (track: SubtitleTrack) => {
    setRemoving(null);
    try {
      await removeSubtitles.mutateAsync({ trackId: track.id });
      if (shown === track.id) showSubtitles(filmId, null);
      notify.success(`Removed the subtitles of ${track.name}.`);
    } catch (error) {
      notify.failed(error);
    }
  };

  return (
    <section className={styles.tracks} aria-labelledby={headingId}>
      <h2 id={headingId} className="section-label">
        Subtitles <span className="count">{list.length}</span>
      </h2>
      {list.length === 0 ? (
        <p className="muted">Import an SRT or WebVTT file of the film to read its lines under the picture and find them in search.</p>
      ) : (
        <fieldset className={styles.choice}>
          <legend className="visually-hidden">Subtitles shown under the picture</legend>
          <label>
            <input type="radio" name={`${headingId}-shown`} checked={shown === null} onChange={() => showSubtitles(filmId, null)} />
            None shown
          </label>
          {list.map((track) => (
            <div key={track.id} className={styles.track}>
              <label>
                <input
                  type="radio"
                  name={`${headingId}-shown`}
                  checked={shown === track.id}
                  onChange={() => showSubtitles(filmId, track.id)}
                />
                {track.name} <span className="muted">· {track.lineCount} lines</span>
              </label>
              <button
                type="button"
                className="button subtle small"
                aria-label={`Remove the subtitles of ${track.name}`}
                onClick={() => setRemoving(track)}
              >
                Remove
              </button>
            </div>
          ))}
        </fieldset>
      )}
      <button type="button" className="button subtle" disabled={importSubtitles.isPending} onClick={() => picker.current?.click()}>
        {importSubtitles.isPending ? 'Importing…' : 'Import subtitles…'}
      </button>
      {inFilm.length > 0 && (
        <div className={styles.inFilm}>
          <label>
            In the film
            <select value={fromFilm ?? ''} onChange={(event) => setChosenInFilm(Number(event.target.value))}>
              {inFilm.map((track) => (
                <option key={track.number} value={track.number} disabled={!isTextSubtitle(track.codec)}>
                  {`Track ${track.number} · ${track.language} · ${isTextSubtitle(track.codec) ? track.codec.toUpperCase() : `${track.codec}, not readable`}`}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button subtle"
            disabled={fromFilm === null || importFromFilm.isPending}
            onClick={() => fromFilm !== null && void importTrack(fromFilm)}
          >
            {importFromFilm.isPending ? 'Reading the film…' : 'Import from the film'}
          </button>
        </div>
      )}
      <FilePicker ref={picker} accept=".srt,.vtt,text/vtt" label="Subtitle file" testId="subtitle-file-input" onFile={importFile} />
      <ConfirmDialog
        open={removing !== null}
        title="Remove these subtitles?"
        confirmLabel="Remove"
        onConfirm={() => removing && void remove(removing)}
        onCancel={() => setRemoving(null)}
      >
        <p>
          The {removing?.lineCount} lines of {removing?.name} leave the library and its search. Dialogue placed from them keeps its time.
        </p>
      </ConfirmDialog>
    </section>
  );
}
