import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { TagRef, TagTarget } from '../../../shared/notes';
import { completeTagName, tagCollator } from '../../../shared/tag-names';
import { useNotify } from '../notices/notify';
import { useAttachTag, useDetachTag } from './queries';
import { TagChip } from './TagChip';
import styles from './TagEditor.module.css';

interface Props {
  target: TagTarget;
  tags: TagRef[];
  /** Every tag of the library, for suggestions. */
  allTags: TagRef[];
  /** Called with the item's new tags after a tag was added or removed (lists of tags follow by themselves). */
  onChange?: (tags: TagRef[]) => void;
  label: string;
}

/**
 * The tags of one item, with an input that suggests tags as you type (↑/↓ to choose, Enter to
 * add, Esc to close) and creates the tag when its name is new. Suggestions ignore case and accents
 * and follow the person's alphabetical order.
 */
export function TagEditor({ target, tags, allTags, onChange, label }: Props) {
  const attachTag = useAttachTag();
  const detachTag = useDetachTag();
  const notify = useNotify();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const typed = text.trim();
  const carried = new Set(tags.map((t) => t.id));
  const offered = completeTagName(typed, allTags);
  const choose = (t: TagRef) => ({ key: `tag-${t.id}`, label: t.name, add: () => add({ tagId: t.id }) });
  // What was typed comes first, as the tag it names or as a new one, so Enter does what was typed.
  const options: { key: string; label: string; add: () => void }[] = [
    ...(offered.first && !carried.has(offered.first.id) ? [choose(offered.first)] : []),
    ...(offered.creates ? [{ key: 'new', label: `Create “${typed}”`, add: () => add({ name: typed }) }] : []),
    ...offered.others
      .filter((t) => !carried.has(t.id))
      .slice(0, 8)
      .map(choose)
  ];
  const showList = open && options.length > 0;
  const list = useRef<HTMLUListElement>(null);
  // The editor often sits at the foot of a scrolling pane: the suggestions scroll into view with it,
  // rather than opening under the score player.
  useEffect(() => {
    if (showList) list.current?.scrollIntoView({ block: 'nearest' });
  }, [showList, options.length]);

  async function add(by: { tagId: number } | { name: string }) {
    setText('');
    setActive(0);
    try {
      const tag = await attachTag.mutateAsync({ target, ...by });
      onChange?.(carried.has(tag.id) ? tags : [...tags, tag].sort((a, b) => tagCollator.compare(a.name, b.name)));
    } catch (error) {
      notify.failed(error);
    }
  }

  async function remove(tag: TagRef) {
    try {
      await detachTag.mutateAsync({ target, tagId: tag.id });
      onChange?.(tags.filter((t) => t.id !== tag.id));
    } catch (error) {
      notify.failed(error);
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && options.length) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % options.length);
    } else if (event.key === 'ArrowUp' && options.length) {
      event.preventDefault();
      setActive((i) => (i - 1 + options.length) % options.length);
    } else if (event.key === 'Enter' && typed) {
      event.preventDefault();
      (options[Math.min(active, options.length - 1)] ?? options[0])?.add();
    } else if (event.key === 'Escape' && (open || text)) {
      event.stopPropagation();
      setOpen(false);
      setText('');
    } else if (event.key === 'Backspace' && !text && tags.length) {
      void remove(tags[tags.length - 1]);
    }
  };

  return (
    <div className={styles.editor}>
      {tags.map((tag) => (
        <TagChip key={tag.id} tag={tag} onRemove={() => void remove(tag)} />
      ))}
      <span className={styles.inputWrap}>
        <input
          className={styles.input}
          value={text}
          placeholder={tags.length ? 'Add tag' : 'Add a tag…'}
          aria-label={label}
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList ? `${listId}-${options[Math.min(active, options.length - 1)]?.key}` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <ul ref={list} className={styles.suggestions} id={listId} role="listbox" aria-label="Tag suggestions" hidden={!showList}>
          {options.map((option, i) => (
            <li
              key={option.key}
              id={`${listId}-${option.key}`}
              role="option"
              aria-selected={i === active}
              className={styles.suggestion}
              // mousedown, not click: the input keeps its focus while a suggestion is picked.
              onMouseDown={(e) => {
                e.preventDefault();
                option.add();
              }}
            >
              {option.label}
            </li>
          ))}
        </ul>
      </span>
    </div>
  );
}
