import type { TagRef } from '../../../shared/notes';
import styles from './TagChip.module.css';

/** A tag as a small coloured label; with onRemove it carries its own remove button. */
export function TagChip({ tag, onRemove }: { tag: TagRef; onRemove?: () => void }) {
  return (
    <span className={styles.chip} style={{ '--tag-colour': tag.colour } as React.CSSProperties}>
      <TagDot />
      <span className={styles.name}>{tag.name}</span>
      {onRemove && (
        <button type="button" className={styles.remove} aria-label={`Remove tag ${tag.name}`} onClick={onRemove}>
          ×
        </button>
      )}
    </span>
  );
}

/** The dot of a tag's colour, inside an element whose style sets --tag-colour. */
export function TagDot() {
  return <span className={styles.dot} aria-hidden="true" />;
}

/** A row of chips; `oneLine` keeps them on one line, clipped, where a list row has no room to wrap. */
export function TagChips({ tags, oneLine = false }: { tags: TagRef[]; oneLine?: boolean }) {
  if (tags.length === 0) return null;
  return (
    <span
      className={oneLine ? `${styles.chips} ${styles.oneLine}` : styles.chips}
      aria-label={`Tags: ${tags.map((t) => t.name).join(', ')}`}
      role="group"
    >
      {tags.map((tag) => (
        <TagChip key={tag.id} tag={tag} />
      ))}
    </span>
  );
}
