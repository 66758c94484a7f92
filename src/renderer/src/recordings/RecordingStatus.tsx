import { useRef } from 'react';
import type { Recording } from '../../../shared/score';
import { FilePicker } from '../ui/FilePicker';
import type { AttachProgress } from './upload';
import styles from './RecordingStatus.module.css';

const ACCEPT = '.ogg,.oga,.opus,.mp3,.flac,.wav,.m4a,.aac,audio/*';

interface Props {
  recording: Recording | null;
  /** The file being attached, while it is. */
  progress: AttachProgress | null;
  /** What the player could not do with the recording. */
  error: string | null;
  canAttach: boolean;
  onAttach: (file: File) => void;
}

/** Under the waveform: what the recording is (or how its attaching goes), the keys, and attaching a file. */
export function RecordingStatus({ recording, progress, error, canAttach, onAttach }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.status}>
      <span className={styles.text} aria-live="polite">
        {progress ? (
          <>
            <span>{progress.phase === 'sending' ? 'Sending the file' : 'Reading the recording'}</span>
            <progress className={styles.progress} max={1} value={progress.fraction} aria-label="Attaching" />
            <span>{Math.round(progress.fraction * 100)}%</span>
          </>
        ) : error ? (
          <span className="inline-error">{error}</span>
        ) : (
          <span className="muted">
            {recording
              ? `${recording.codec} · ${recording.sampleRate / 1000} kHz · ${recording.channels === 1 ? 'mono' : `${recording.channels} ch`} · `
              : ''}
            Space play · ←/→ skip · [ ] loop marks · L loop · M marker · +/− zoom
          </span>
        )}
      </span>
      <span className={styles.file}>
        {recording?.standIn && (
          <span className="badge" title="A synthesised stand-in: attach your own recording of the score to replace it">
            Stand-in
          </span>
        )}
        {recording && !recording.available && <span className="badge danger">File missing</span>}
        <button type="button" className="button small" onClick={() => fileInput.current?.click()} disabled={!canAttach}>
          {recording ? (recording.available ? 'Replace recording…' : 'Relink recording…') : 'Attach recording…'}
        </button>
        <FilePicker ref={fileInput} accept={ACCEPT} label="Recording file" testId="recording-input" onFile={onAttach} />
      </span>
    </div>
  );
}
