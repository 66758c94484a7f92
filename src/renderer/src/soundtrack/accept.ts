import { useCallback } from 'react';
import { foundWords } from '../../../shared/placements';
import type { CueCandidate } from '../../../shared/soundtrack';
import { formatPreciseFilmTime } from '../../../shared/time-format';
import { useNotify } from '../notices/notify';
import { useAcceptCandidates, useUndoAccept } from './queries';

/**
 * Accepts candidates: each becomes a placement marked found (all or none), said in a notice whose
 * Undo removes them again, which brings the candidates back to the finder's list.
 */
export function useAcceptFound(): (candidates: readonly CueCandidate[]) => Promise<void> {
  const { mutateAsync: accept } = useAcceptCandidates();
  const { mutateAsync: unplace } = useUndoAccept();
  const notify = useNotify();
  return useCallback(
    async (candidates) => {
      try {
        const placed = await accept({ candidates: candidates.map(({ cueId, alignedMs }) => ({ cueId, alignedMs })) });
        const [first] = placed;
        const text =
          placed.length === 1
            ? `“${first.label}” placed at ${formatPreciseFilmTime(first.startMs)}–${formatPreciseFilmTime(first.endMs)} (${foundWords(first.foundConfidence ?? 0)}).`
            : `${placed.length} cues placed where they were found.`;
        notify.success(text, {
          label: 'Undo',
          run: () => void Promise.all(placed.map((p) => unplace({ placementId: p.id }))).catch(notify.failed)
        });
      } catch (error) {
        notify.failed(error);
      }
    },
    [accept, unplace, notify]
  );
}
