import { useLibraryMutation, useLibraryQuery } from '../data/library-query';
import type { MethodInput } from '../../../shared/contract';

export const useTimelineAxis = (filmId: number) => useLibraryQuery('timeline.axis', { filmId });
/** One view's rows; the previous view stays drawn while the next is on its way. */
export const useTimelineRange = (input: MethodInput<'timeline.range'> | null) => useLibraryQuery('timeline.range', input);
export const useSetRunningTime = () => useLibraryMutation('timeline.setRunningTime', ['timeline']);
