import { describeOffset } from '../../../shared/time-format';
import { useNotify } from '../notices/notify';
import { ShiftTimes } from '../ui/ShiftTimes';
import { useShiftFilmTimes } from './queries';

/**
 * Re-syncing every film time of the film's notes to another copy of the film, in one step. The
 * notice that confirms it offers Undo, which shifts back by the same offset.
 */
export function ShiftFilmTimes({ filmId }: { filmId: number }) {
  const shiftFilmTimes = useShiftFilmTimes();
  const notify = useNotify();
  return (
    <ShiftTimes
      what="film times"
      onShift={async (offsetMs) => {
        const { shifted } = await shiftFilmTimes.mutateAsync({ filmId, offsetMs });
        notify.success(`Moved ${shifted} film ${shifted === 1 ? 'time' : 'times'} by ${describeOffset(offsetMs)}.`, {
          label: 'Undo',
          run: () => shiftFilmTimes.mutateAsync({ filmId, offsetMs: -offsetMs }).catch(notify.failed)
        });
      }}
    />
  );
}
