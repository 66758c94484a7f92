import { useRef, useState } from 'react';
import type { CueFileFormat } from '../../../shared/contract/cues';
import { describeOffset } from '../../../shared/time-format';
import { call } from '../api';
import { FilePicker } from '../ui/FilePicker';
import { ShiftTimes } from '../ui/ShiftTimes';
import { useNotify } from '../notices/notify';
import { useCommand } from '../keymap/keymap';
import { saveTextFile } from '../ui/save-file';
import { incomingTextOf } from '../data/file-path';
import { useImportCueFile, useShiftTrack } from './queries';
import styles from './CueFiles.module.css';

const formats: { id: CueFileFormat; label: string; type: string }[] = [
  { id: 'audacity', label: 'Audacity labels', type: 'text/plain' },
  { id: 'webvtt', label: 'WebVTT', type: 'text/vtt' },
  { id: 'srt', label: 'SRT subtitles', type: 'application/x-subrip' }
];

/** A label file's format from its name: what Audacity, players and subtitle editors write. */
const formatOf = (fileName: string): CueFileFormat => (/\.vtt$/i.test(fileName) ? 'webvtt' : /\.srt$/i.test(fileName) ? 'srt' : 'audacity');

/** The track's cues to and from other tools, and re-syncing them all to another recording. */
export function CueFiles({ trackId }: { trackId: number }) {
  const importCueFile = useImportCueFile();
  const shiftTrack = useShiftTrack();
  const notify = useNotify();
  const [format, setFormat] = useState<CueFileFormat>('audacity');
  const [lastShift, setLastShift] = useState<{ offsetMs: number; shifted: number } | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  const exportCues = async () => {
    try {
      const file = await call('cues.exportFile', { trackId, format });
      await saveTextFile(file.fileName, file.text, formats.find((f) => f.id === format)!.type);
    } catch (error) {
      notify.failed(error);
    }
  };

  // File › Export Cues: the open recording's cues, in the format chosen here.
  useCommand('export-cues', () => void exportCues());

  const importCues = async (file: File) => {
    try {
      await importCueFile.mutateAsync({ trackId, format: formatOf(file.name), ...(await incomingTextOf(file)) });
    } catch (error) {
      notify.failed(error);
    }
  };

  const shift = async (offsetMs: number) => {
    setLastShift(await shiftTrack.mutateAsync({ trackId, offsetMs }));
  };

  return (
    <div className={styles.files}>
      <label className="inline-field">
        <span>Cue file</span>
        <select className="text-field" value={format} onChange={(e) => setFormat(e.target.value as CueFileFormat)}>
          {formats.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button subtle small" onClick={() => void exportCues()}>
        Export
      </button>
      <button type="button" className="button subtle small" onClick={() => picker.current?.click()}>
        Import labels…
      </button>
      <FilePicker
        ref={picker}
        accept=".txt,.vtt,.srt,text/plain"
        label="Label file to import"
        testId="cue-file-input"
        onFile={(file) => void importCues(file)}
      />
      <ShiftTimes what="cue times" onShift={shift} />
      {lastShift && (
        <p className={styles.shifted} role="status">
          Moved {lastShift.shifted} cues by {describeOffset(lastShift.offsetMs)}.{' '}
          <button
            type="button"
            className="button subtle small"
            onClick={() => {
              setLastShift(null);
              shift(-lastShift.offsetMs).then(() => setLastShift(null), notify.failed);
            }}
          >
            Undo
          </button>
        </p>
      )}
    </div>
  );
}
