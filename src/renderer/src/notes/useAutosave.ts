import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error';

interface Options<T> {
  value: T;
  save: (value: T) => Promise<void>;
  /** Quiet time after the last keystroke before saving. */
  delay?: number;
  onError?: (error: unknown) => void;
}

/**
 * Saves a value shortly after it stops changing, at once on `flush()` (blur), and when the page is
 * hidden, left or closed. One save is in flight at a time; a value typed meanwhile follows it. The
 * HTTP client sends calls with `keepalive`, so a save started while the page unloads still arrives.
 */
export function useAutosave<T>({ value, save, delay = 450, onError }: Options<T>): { status: SaveStatus; flush: () => void } {
  const key = JSON.stringify(value);
  const latest = useRef({ key, value });
  const saved = useRef(key);
  const inFlight = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const saveRef = useRef(save);
  const errorRef = useRef(onError);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const again = useRef(() => {});

  useEffect(() => {
    saveRef.current = save;
    errorRef.current = onError;
  });

  /**
   * `leaving` is for the page going away: the text typed since the save in flight would otherwise
   * die with the page, so it is sent at once rather than queued behind that save.
   */
  const flush = useCallback((leaving = false) => {
    window.clearTimeout(timer.current);
    if ((inFlight.current && !leaving) || latest.current.key === saved.current) return;
    const { key: sending, value: sendingValue } = latest.current;
    inFlight.current = true;
    setStatus('saving');
    saveRef.current(sendingValue).then(
      () => {
        inFlight.current = false;
        saved.current = sending;
        if (latest.current.key !== sending) again.current();
        else setStatus('saved');
      },
      (error: unknown) => {
        inFlight.current = false;
        setStatus('error');
        errorRef.current?.(error);
      }
    );
  }, []);
  useEffect(() => {
    again.current = flush;
  }, [flush]);

  useEffect(() => {
    latest.current = { key, value };
    if (key === saved.current) return;
    setStatus((s) => (s === 'saving' ? s : 'unsaved'));
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, delay);
    // The value object is new on every render; its JSON key says whether it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delay, flush]);

  useEffect(() => {
    const leave = () => flush(true);
    const onHidden = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    window.addEventListener('pagehide', leave);
    window.addEventListener('beforeunload', leave);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('beforeunload', leave);
      document.removeEventListener('visibilitychange', onHidden);
      // Leaving the note (another scene, another view) saves what it holds.
      flush();
    };
  }, [flush]);

  return { status, flush: () => flush() };
}
