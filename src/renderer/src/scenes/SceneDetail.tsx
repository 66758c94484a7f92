import { useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { Scene, Track } from '../../../shared/domain';
import { CiteButton } from '../exchange/CiteButton';
import { itemMenuAttributes } from '../exchange/item-menu';
import { useUpdateScene } from '../films/queries';
import { useNotify } from '../notices/notify';
import { SceneCues } from '../cues/SceneCues';
import { ScenePlacements } from '../placements/ScenePlacements';
import { SceneSpan } from './SceneSpan';
import styles from './SceneDetail.module.css';

interface Props {
  scene: Scene | null;
  /** The film's soundtrack entries, whose cues can be placed in the scene. */
  tracks: Track[];
  /** Below the scene (or, with no scene chosen, below the hint): its tags and annotations. */
  children?: ReactNode;
}

export function SceneDetail({ scene, tracks, children }: Props) {
  // Remembering which scene is being edited closes the editor by itself when another is chosen.
  const [editingId, setEditingId] = useState<number | null>(null);
  const editing = scene !== null && editingId === scene.id;
  const setEditing = (on: boolean) => setEditingId(on && scene ? scene.id : null);

  if (!scene) {
    return (
      <section className="detail-pane" aria-label="Scene">
        <p className="empty-state">Choose a scene to read it, or move through them with ↑ and ↓.</p>
        {children}
      </section>
    );
  }

  return (
    <section className="detail-pane" aria-labelledby="scene-heading">
      {editing ? (
        <SceneEditor scene={scene} onCancel={() => setEditing(false)} onSaved={() => setEditing(false)} />
      ) : (
        <article
          {...itemMenuAttributes('scene', scene.id, {
            place: { filmId: scene.filmId, view: 'scenes', sceneId: scene.id, noteId: null },
            filmTimeMs: scene.startMs
          })}
        >
          <div className={styles.toolbar}>
            <span className={styles.kicker}>Scene {scene.position}</span>
            <span>
              <CiteButton target={{ kind: 'scene', id: scene.id }} what="this scene" />{' '}
              <button type="button" className="button subtle" onClick={() => setEditing(true)}>
                Edit scene
              </button>
            </span>
          </div>
          <h2 id="scene-heading" className={styles.heading}>
            {scene.title}
          </h2>
          <SceneSpan scene={scene} />
          <p className={styles.description}>{scene.description}</p>
          {scene.context && (
            <aside className={styles.context} aria-label="Context">
              <h3 className="section-label">Why it matters</h3>
              <p>{scene.context}</p>
            </aside>
          )}
          <SceneCues sceneId={scene.id} />
          <ScenePlacements scene={scene} tracks={tracks} />
        </article>
      )}
      {children}
    </section>
  );
}

function SceneEditor({ scene, onCancel, onSaved }: { scene: Scene; onCancel: () => void; onSaved: () => void }) {
  const updateScene = useUpdateScene();
  const notify = useNotify();
  const [title, setTitle] = useState(scene.title);
  const [description, setDescription] = useState(scene.description);
  const [context, setContext] = useState(scene.context ?? '');
  const [saving, setSaving] = useState(false);

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    setSaving(true);
    try {
      const saved = await updateScene.mutateAsync({ sceneId: scene.id, title, description, context: context.trim() ? context : null });
      onSaved();
      notify.success(`Saved “${saved.title}”.`);
    } catch (error) {
      notify.failed(error);
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onCancel();
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) void save();
  };

  return (
    <form className={styles.editor} onSubmit={save} onKeyDown={onKeyDown} aria-labelledby="scene-heading">
      <h2 id="scene-heading" className="section-label">
        Editing scene {scene.position}
      </h2>
      <label className="field">
        <span>Title</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} required autoFocus />
      </label>
      <label className="field">
        <span>Description</span>
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={10} />
      </label>
      <label className="field">
        <span>Context</span>
        <textarea value={context} onChange={(e) => setContext(e.target.value)} rows={4} />
      </label>
      <div className="form-actions">
        <button type="button" className="button subtle" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={saving || !title.trim()}>
          {saving ? 'Saving…' : 'Save scene'}
        </button>
      </div>
      <p className="hint">Ctrl/⌘+Enter saves, Esc cancels.</p>
    </form>
  );
}
