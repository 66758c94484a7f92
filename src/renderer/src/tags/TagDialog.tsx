import { useState, type FormEvent } from 'react';
import { TAG_COLOURS, type Tag } from '../../../shared/notes';
import { tagCollator } from '../../../shared/tag-names';
import { useModalDialog } from '../ui/useModalDialog';
import { useNotify } from '../notices/notify';
import { useDeleteTag, useMergeTags, useUpdateTag } from './queries';
import styles from './TagDialog.module.css';

interface Props {
  tag: Tag | null;
  tags: Tag[];
  onClose: () => void;
  /** The tag is gone (merged or deleted): a filter by it lets it go. */
  onRemoved: (tagId: number) => void;
}

type Step = 'edit' | 'merge' | 'delete';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Rename, recolour, merge or delete one tag. Merging and deleting say what they will touch first. */
export function TagDialog(props: Props) {
  const { tag, onClose } = props;
  const dialog = useModalDialog(tag !== null);
  return (
    <dialog ref={dialog} className={`dialog ${styles.dialog}`} aria-labelledby="tag-dialog-title" onCancel={onClose} onClose={onClose}>
      {tag && <TagForm key={tag.id} {...props} tag={tag} />}
    </dialog>
  );
}

function TagForm({ tag, tags, onClose, onRemoved }: Props & { tag: Tag }) {
  const updateTag = useUpdateTag();
  const mergeTags = useMergeTags();
  const deleteTag = useDeleteTag();
  const notify = useNotify();
  const [name, setName] = useState(tag.name);
  const [colour, setColour] = useState<string>(tag.colour);
  const [step, setStep] = useState<Step>('edit');
  const [mergeInto, setMergeInto] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const carried = `${plural(tag.sceneCount, 'scene', 'scenes')} and ${plural(tag.annotationCount, 'note', 'notes')}`;
  // In the person's alphabet, as the panel and the suggestions are.
  const others = tags.filter((t) => t.id !== tag.id).sort((a, b) => tagCollator.compare(a.name, b.name));

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      notify.success(await action());
      onClose();
    } catch (error) {
      notify.failed(error);
    } finally {
      setBusy(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const saved = await updateTag.mutateAsync({ tagId: tag.id, name, colour });
      return `Saved tag “${saved.name}”.`;
    });
  };

  return (
    <>
      <h2 id="tag-dialog-title" className="dialog-title">
        Tag “{tag.name}”
      </h2>
      {step === 'edit' && (
        <form onSubmit={save}>
          <label className="field">
            <span>Name (nest with /, as in music/leitmotif)</span>
            <input value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
          </label>
          <fieldset className={styles.colours}>
            <legend>Colour</legend>
            {TAG_COLOURS.map((c) => (
              <label key={c} className={styles.swatch} style={{ '--tag-colour': c } as React.CSSProperties}>
                <input type="radio" name="tag-colour" value={c} checked={colour === c} onChange={() => setColour(c)} />
                <span className="visually-hidden">{c}</span>
              </label>
            ))}
          </fieldset>
          <p className="muted">On {carried} in this film.</p>
          <div className="form-actions spread">
            <span>
              <button type="button" className="button subtle" onClick={() => setStep('merge')} disabled={others.length === 0}>
                Merge into…
              </button>{' '}
              <button type="button" className="button subtle danger" onClick={() => setStep('delete')}>
                Delete…
              </button>
            </span>
            <span>
              <button type="button" className="button subtle" onClick={onClose}>
                Cancel
              </button>{' '}
              <button type="submit" className="button primary" disabled={busy || !name.trim()}>
                Save
              </button>
            </span>
          </div>
        </form>
      )}
      {step === 'merge' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (mergeInto === null) return;
            void run(async () => {
              const { tag: target, moved } = await mergeTags.mutateAsync({ sourceId: tag.id, targetId: mergeInto });
              onRemoved(tag.id);
              return `Merged “${tag.name}” into “${target.name}” (${plural(moved, 'item', 'items')} moved).`;
            });
          }}
        >
          <label className="field">
            <span>Move everything tagged “{tag.name}” to</span>
            <select
              className="text-field"
              value={mergeInto ?? ''}
              onChange={(e) => setMergeInto(e.target.value ? Number(e.target.value) : null)}
              autoFocus
            >
              <option value="">Choose a tag…</option>
              {others.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <p className="muted">“{tag.name}” is then removed; items that carry both keep one.</p>
          <div className="form-actions">
            <button type="button" className="button subtle" onClick={() => setStep('edit')}>
              Back
            </button>
            <button type="submit" className="button primary" disabled={busy || mergeInto === null}>
              Merge
            </button>
          </div>
        </form>
      )}
      {step === 'delete' && (
        <div>
          <p>
            Delete the tag “{tag.name}”? It is on {carried} in this film; they keep everything else. This cannot be undone.
          </p>
          <div className="form-actions">
            <button type="button" className="button subtle" onClick={() => setStep('edit')} autoFocus>
              Back
            </button>
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  const { itemCount } = await deleteTag.mutateAsync({ tagId: tag.id });
                  onRemoved(tag.id);
                  return `Deleted tag “${tag.name}” from ${plural(itemCount, 'item', 'items')}.`;
                })
              }
            >
              Delete tag
            </button>
          </div>
        </div>
      )}
    </>
  );
}
