import './tags.css';
import type { TagRef } from '../../../shared/notes';

/** A tag as a small coloured label; with onRemove it carries its own remove button. */
export function TagChip({ tag, onRemove }: { tag: TagRef; onRemove?: () => void }) {
  return (
    <span className="tag-chip" style={{ '--tag-colour': tag.colour } as React.CSSProperties}>
      <span className="tag-dot" aria-hidden="true" />
      <span className="tag-chip-name">{tag.name}</span>
      {onRemove && (
        <button type="button" className="tag-chip-remove" aria-label={`Remove tag ${tag.name}`} onClick={onRemove}>
          ×
        </button>
      )}
    </span>
  );
}

export function TagChips({ tags }: { tags: TagRef[] }) {
  if (tags.length === 0) return null;
  return (
    <span className="tag-chips" aria-label={`Tags: ${tags.map((t) => t.name).join(', ')}`} role="group">
      {tags.map((tag) => (
        <TagChip key={tag.id} tag={tag} />
      ))}
    </span>
  );
}
