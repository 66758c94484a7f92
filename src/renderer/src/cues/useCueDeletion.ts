import type { Cue } from '../../../shared/score';
import { useNotify } from '../notices/notify';
import { useDeleteCues, useRestoreDeletedCues } from './queries';

const described = (count: number, one: string) => (count === 1 ? `“${one}”` : `${count} cues`);

/**
 * Deleting cues of one track, and undoing it: the notice that confirms a deletion offers Undo, and
 * `undoLast` (Ctrl/⌘+Z in the cue list) brings back the track's latest deletion. Nothing asks first,
 * since everything deleted comes back with its scenes, tags, notes and colour.
 */
export function useCueDeletion(trackId: number) {
  const deleteCues = useDeleteCues();
  const restore = useRestoreDeletedCues();
  const notify = useNotify();

  const undo = async (deletionId?: number) => {
    try {
      const { restored } = await restore.mutateAsync({ trackId, deletionId });
      notify.success(`Restored ${described(restored.length, restored[0]?.label ?? '')}.`);
    } catch (error) {
      notify.failed(error);
    }
  };

  /** Deletes the cues; true once they are gone (a failure is told in a notice). */
  const remove = async (cues: readonly Cue[]): Promise<boolean> => {
    if (cues.length === 0) return false;
    try {
      const { deletionId } = await deleteCues.mutateAsync({ cueIds: cues.map((cue) => cue.id) });
      notify.success(`Deleted ${described(cues.length, cues[0].label)}.`, { label: 'Undo', run: () => void undo(deletionId) });
      return true;
    } catch (error) {
      notify.failed(error);
      return false;
    }
  };

  return { remove, undoLast: () => undo() };
}
