import { useId, useState, type FormEvent } from 'react';
import { useNotify } from '../notices/notify';
import styles from './ShiftTimes.module.css';

/** "+2.5", "-3", "1:30", "-00:00:04.200": a signed offset in seconds or [hh:]mm:ss[.mmm]. */
export function parseOffset(text: string): number | undefined {
  const match = /^\s*([+-]?)\s*(?:(\d+):)?(?:(\d+):)?(\d+(?:\.\d{1,3})?)\s*$/.exec(text);
  if (!match) return undefined;
  const [, sign, a, b, seconds] = match;
  const [hours, minutes] = b !== undefined ? [Number(a), Number(b)] : [0, Number(a ?? 0)];
  const ms = Math.round(((hours * 60 + minutes) * 60 + Number(seconds)) * 1000);
  return sign === '-' ? -ms : ms;
}

interface ShiftTimesProps {
  /** What is shifted, for the field's label: "film times", "cue times". */
  what: string;
  /** Moves the times; resolves once they have moved, rejects with the library's message. */
  onShift: (offsetMs: number) => Promise<void>;
}

/** A signed offset typed once, applied to a whole set of times in one step. */
export function ShiftTimes({ what, onShift }: ShiftTimesProps) {
  const [text, setText] = useState('');
  const offset = parseOffset(text);
  const hintId = useId();
  const notify = useNotify();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!offset) return;
    try {
      await onShift(offset);
      setText('');
    } catch (error) {
      notify.failed(error);
    }
  };
  return (
    <form className={styles.form} onSubmit={submit}>
      <label className="inline-field">
        <span>Shift {what} by</span>
        <input
          className="text-field"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="+2.5 or -0:03"
          size={10}
          aria-invalid={text !== '' && offset === undefined}
          aria-describedby={hintId}
        />
      </label>
      <button type="submit" className="button subtle" disabled={!offset} aria-label={`Shift ${what}`}>
        Shift
      </button>
      <span id={hintId} className="visually-hidden">
        Seconds, or minutes and seconds, with a sign: every one of the {what} moves by this much.
      </span>
    </form>
  );
}
