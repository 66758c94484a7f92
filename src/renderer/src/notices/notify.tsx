import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ErrorCode } from '../../../shared/errors';
import { ApiError } from '../api';
import { Notices, withNotice, type Notice } from './Notices';

interface Notify {
  /** A quiet confirmation, with one optional follow-up (Undo). */
  success: (text: string, action?: Notice['action']) => void;
  /** A failure: the library's error keeps its code, any other error (or plain words) its message. */
  failed: (error: unknown) => void;
}

const NoticesContext = createContext<Notify | null>(null);

/** What a failure says to the person, and the library's code when it is one of its refusals. */
export function describeFailure(error: unknown): { text: string; code?: ErrorCode } {
  if (error instanceof ApiError) return { text: error.message, code: error.code };
  return { text: error instanceof Error ? error.message : String(error) };
}

/** Holds the window's notices and shows them; every component reaches them through `useNotify`. */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const add = useCallback(
    (notice: Omit<Notice, 'id'>) => setNotices((list) => withNotice(list, { ...notice, id: Date.now() + Math.random() })),
    []
  );
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const notify = useMemo<Notify>(
    () => ({
      success: (text, action) => add({ kind: 'success', text, action }),
      failed: (error) => add({ kind: 'error', ...describeFailure(error) })
    }),
    [add]
  );
  return (
    <NoticesContext.Provider value={notify}>
      {children}
      <Notices notices={notices} onDismiss={dismiss} />
    </NoticesContext.Provider>
  );
}

export function useNotify(): Notify {
  const notify = useContext(NoticesContext);
  if (!notify) throw new Error('useNotify must be used inside NoticesProvider');
  return notify;
}
