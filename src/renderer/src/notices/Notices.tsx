import { useEffect } from 'react';
import type { ErrorCode } from '../../../shared/errors';
import styles from './Notices.module.css';

export interface Notice {
  id: number;
  kind: 'success' | 'error';
  text: string;
  /** The library's code for a refusal, kept so that a notice can be told apart without reading its words. */
  code?: ErrorCode;
  /** One follow-up the person may want, such as Undo. */
  action?: { label: string; run: () => void };
}

/** How many confirmations are shown at once; the oldest gives way to a new one. */
const SHOWN_CONFIRMATIONS = 3;

/**
 * The notices after `notice` arrives. Confirmations rotate (only the newest few stay, and they fade
 * anyway), but an error stays until the person dismisses it: a burst of confirmations must never
 * push an error out before it has been read.
 */
export function withNotice(notices: Notice[], notice: Notice): Notice[] {
  const next = [...notices, notice];
  const confirmations = next.filter((n) => n.kind !== 'error');
  const dropped = new Set(confirmations.slice(0, -SHOWN_CONFIRMATIONS));
  return next.filter((n) => !dropped.has(n));
}

/** Quiet confirmations that fade, and errors that stay until the person has read them. */
export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss: (id: number) => void }) {
  useEffect(() => {
    const timers = notices
      .filter((n) => n.kind === 'success')
      .map((n) => window.setTimeout(() => onDismiss(n.id), n.action ? 10_000 : 4000));
    return () => timers.forEach((t) => window.clearTimeout(t));
  }, [notices, onDismiss]);

  return (
    <div className={styles.notices} aria-live="polite" data-testid="notices">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={notice.kind === 'error' ? `${styles.notice} ${styles.error}` : styles.notice}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-code={notice.code}
        >
          <span>{notice.text}</span>
          {notice.action && (
            <button
              type="button"
              className={`button subtle ${styles.action}`}
              onClick={() => {
                onDismiss(notice.id);
                notice.action!.run();
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" className={styles.close} aria-label="Dismiss" onClick={() => onDismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
