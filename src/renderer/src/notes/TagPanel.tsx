import './notes.css';
import { useState } from 'react';
import type { Tag, TagMatch } from '../../../shared/notes';
import { TagDialog } from './TagDialog';

export interface TagFilter {
  tagIds: number[];
  match: TagMatch;
}

interface Props {
  tags: Tag[];
  filter: TagFilter;
  onFilter: (filter: TagFilter) => void;
  onTagsChanged: () => void;
  onNotice: (text: string) => void;
  onError: (message: string) => void;
}

/**
 * The library's tags under the films, nested by '/', each with how many scenes and notes of this
 * film carry it. Pressing a tag filters the scenes and notes by it; several combine as all or any.
 */
export function TagPanel({ tags, filter, onFilter, onTagsChanged, onNotice, onError }: Props) {
  const [managing, setManaging] = useState<Tag | null>(null);
  const chosen = new Set(filter.tagIds);
  const toggle = (tag: Tag) =>
    onFilter({ ...filter, tagIds: chosen.has(tag.id) ? filter.tagIds.filter((id) => id !== tag.id) : [...filter.tagIds, tag.id] });

  return (
    <section className="tag-panel" aria-labelledby="tags-heading">
      <div className="tag-panel-head">
        <h2 className="sidebar-heading" id="tags-heading">
          Tags
        </h2>
        {filter.tagIds.length > 0 && (
          <button type="button" className="link-button" onClick={() => onFilter({ ...filter, tagIds: [] })}>
            Clear filter
          </button>
        )}
      </div>
      {filter.tagIds.length > 1 && (
        <div className="segmented" role="radiogroup" aria-label="Show items with">
          {(['all', 'any'] as const).map((match) => (
            <label key={match} className="segment">
              <input type="radio" name="tag-match" checked={filter.match === match} onChange={() => onFilter({ ...filter, match })} />
              <span>{match === 'all' ? 'All of these' : 'Any of these'}</span>
            </label>
          ))}
        </div>
      )}
      {tags.length === 0 ? (
        <p className="sidebar-hint">Tags you add to scenes and notes gather here.</p>
      ) : (
        <ul className="tag-tree" aria-labelledby="tags-heading">
          {tags.map((tag) => {
            const depth = tag.name.split('/').length - 1;
            const leaf = tag.name.split('/').pop();
            const count = tag.sceneCount + tag.annotationCount;
            return (
              <li key={tag.id} className="tag-row" style={{ paddingLeft: depth * 14 }}>
                <button
                  type="button"
                  className="tag-filter"
                  aria-pressed={chosen.has(tag.id)}
                  aria-label={`Filter by ${tag.name}: ${tag.sceneCount} scenes, ${tag.annotationCount} notes`}
                  onClick={() => toggle(tag)}
                  style={{ '--tag-colour': tag.colour } as React.CSSProperties}
                >
                  <span className="tag-dot" aria-hidden="true" />
                  <span className="tag-filter-name">{leaf}</span>
                  <span className="tag-count" aria-hidden="true">
                    {count}
                  </span>
                </button>
                <button type="button" className="tag-manage" aria-label={`Manage tag ${tag.name}`} onClick={() => setManaging(tag)}>
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
        onChanged={(text) => {
          onTagsChanged();
          onNotice(text);
        }}
        onRemoved={(tagId) => onFilter({ ...filter, tagIds: filter.tagIds.filter((id) => id !== tagId) })}
        onError={onError}
      />
    </section>
  );
}
