import { useState } from 'react';
import type { Tag, TagMatch } from '../../../shared/notes';
import { tagTree } from '../../../shared/tag-names';
import { TagDialog } from './TagDialog';
import { TagDot } from './TagChip';
import styles from './TagPanel.module.css';

export interface TagFilter {
  tagIds: number[];
  match: TagMatch;
}

interface Props {
  tags: Tag[];
  filter: TagFilter;
  onFilter: (filter: TagFilter) => void;
}

/**
 * The library's tags under the films, nested by '/', each with how many scenes and notes of this
 * film carry it or a tag nested in it (what pressing it filters by). Pressing a tag filters the scenes and notes by it; several combine as all or any.
 */
export function TagPanel({ tags, filter, onFilter }: Props) {
  const [managing, setManaging] = useState<Tag | null>(null);
  const chosen = new Set(filter.tagIds);
  const toggle = (tag: Tag) =>
    onFilter({ ...filter, tagIds: chosen.has(tag.id) ? filter.tagIds.filter((id) => id !== tag.id) : [...filter.tagIds, tag.id] });

  return (
    <section className={styles.panel} aria-labelledby="tags-heading">
      <div className={styles.head}>
        <h2 className="sidebar-heading" id="tags-heading">
          Tags
        </h2>
        {filter.tagIds.length > 0 && (
          <button type="button" className={styles.linkButton} onClick={() => onFilter({ ...filter, tagIds: [] })}>
            Clear filter
          </button>
        )}
      </div>
      {filter.tagIds.length > 1 && (
        <div className={styles.segmented} role="radiogroup" aria-label="Show items with">
          {(['all', 'any'] as const).map((match) => (
            <label key={match} className={styles.segment}>
              <input type="radio" name="tag-match" checked={filter.match === match} onChange={() => onFilter({ ...filter, match })} />
              <span>{match === 'all' ? 'All of these' : 'Any of these'}</span>
            </label>
          ))}
        </div>
      )}
      {tags.length === 0 ? (
        <p className="sidebar-hint">Tags you add to scenes and notes gather here.</p>
      ) : (
        <ul className={styles.tree} aria-labelledby="tags-heading">
          {tagTree(tags).map((row) => {
            const indent = { paddingLeft: row.depth * 14 };
            const tag = row.tag;
            if (!tag) {
              // A parent no tag was made for: its row keeps its children from looking nested under a neighbour.
              return (
                <li key={`group-${row.path}`} className={styles.row} style={indent}>
                  <span className={styles.groupName} title={`“${row.path}” is not a tag itself; the tags below are nested in it`}>
                    {row.leaf}
                  </span>
                </li>
              );
            }
            const count = tag.nestedSceneCount + tag.nestedAnnotationCount;
            const own = `${tag.sceneCount} scenes, ${tag.annotationCount} notes`;
            const withNested = row.hasChildren
              ? `; with its nested tags ${tag.nestedSceneCount} scenes, ${tag.nestedAnnotationCount} notes`
              : '';
            return (
              <li key={tag.id} className={styles.row} style={indent}>
                <button
                  type="button"
                  className={styles.filter}
                  aria-pressed={chosen.has(tag.id)}
                  aria-label={`Filter by ${tag.name}: ${own}${withNested}`}
                  onClick={() => toggle(tag)}
                  style={{ '--tag-colour': tag.colour } as React.CSSProperties}
                >
                  <TagDot />
                  <span className={styles.filterName}>{row.leaf}</span>
                  <span className={styles.count} aria-hidden="true">
                    {count}
                  </span>
                </button>
                <button type="button" className={styles.manage} aria-label={`Manage tag ${tag.name}`} onClick={() => setManaging(tag)}>
                  ⋯
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <TagDialog
        tag={managing}
        tags={tags}
        onClose={() => setManaging(null)}
        onRemoved={(tagId) => onFilter({ ...filter, tagIds: filter.tagIds.filter((id) => id !== tagId) })}
      />
    </section>
  );
}
