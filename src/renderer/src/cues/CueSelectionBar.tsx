import { useState, type FormEvent } from 'react';
import { colourName } from '../../../shared/colour-names';
import { CUE_COLOURS, type Cue } from '../../../shared/score';
import { useNotify } from '../notices/notify';
import { useRecolourCues, useTagCues } from './queries';
import styles from './CueSelectionBar.module.css';

interface Props {
  selected: Cue[];
  onDelete: () => void;
  onClear: () => void;
}

/** What can be done to the cues selected in the list at once: give them a colour, a tag, or delete them. */
export function CueSelectionBar({ selected, onDelete, onClear }: Props) {
  const recolour = useRecolourCues();
  const tagCues = useTagCues();
  const notify = useNotify();
  const [tag, setTag] = useState('');
  const cueIds = selected.map((cue) => cue.id);
  const what = selected.length === 1 ? `“${selected[0].label}”` : `${selected.length} cues`;

  const applyTag = async (event: FormEvent) => {
    event.preventDefault();
    if (!tag.trim()) return;
    try {
      const { tag: tagged } = await tagCues.mutateAsync({ cueIds, name: tag });
      setTag('');
      notify.success(`Tagged ${what} #${tagged.name}.`);
    } catch (error) {
      notify.failed(error);
    }
  };

  return (
    <div className={styles.bar} role="toolbar" aria-label="Selected cues">
      <span className={styles.count} aria-live="polite">
        {selected.length} selected
      </span>
      <select
        className="text-field"
        aria-label="Colour of the selected cues"
        value=""
        onChange={(e) => e.target.value && recolour.mutateAsync({ cueIds, colour: e.target.value }).catch(notify.failed)}
      >
        <option value="">Colour…</option>
        {CUE_COLOURS.map((c) => (
          <option key={c} value={c}>
            {colourName(c)}
          </option>
        ))}
      </select>
      <form className={styles.tag} onSubmit={(e) => void applyTag(e)}>
        <input
          className="text-field"
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          aria-label="Tag the selected cues"
          placeholder="Tag…"
          maxLength={120}
        />
        <button type="submit" className="button subtle small" disabled={!tag.trim()}>
          Tag
        </button>
      </form>
      <button
        type="button"
        className="button subtle small danger"
        onClick={onDelete}
        title="Delete the selected cues (Delete); Ctrl+Z undoes"
      >
        Delete
      </button>
      <button type="button" className="icon-button" onClick={onClear} aria-label="Clear the selection" title="Clear the selection (Esc)">
        ×
      </button>
    </div>
  );
}
