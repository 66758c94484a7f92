import { useCallback, useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodResult } from '../../../shared/contract';
import { call } from '../api';

export interface CallState<R> {
  data: R | undefined;
  error: string | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads one contract method and reloads it when its input changes. `input` of null means "not yet":
 * nothing is asked. Answers that arrive after the input changed are dropped, so a slow film never
 * overwrites the one the person has since chosen.
 */
export function useCall<M extends MethodName>(method: M, input: MethodInput<M> | null): CallState<MethodResult<M>> {
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<{ key: string | null; data?: MethodResult<M>; error?: string }>({ key: null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (key === null) return;
    let current = true;
    call(method, JSON.parse(key) as MethodInput<M>).then(
      (data) => current && setState({ key, data }),
      (error: unknown) => current && setState({ key, error: error instanceof Error ? error.message : String(error) })
    );
    return () => {
      current = false;
    };
  }, [method, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const fresh = state.key === key;
  return {
    // Keep showing the previous answer while the next one loads: no flash of empty panes.
    data: state.data,
    error: fresh ? state.error : undefined,
    loading: key !== null && !fresh,
    reload
  };
}
