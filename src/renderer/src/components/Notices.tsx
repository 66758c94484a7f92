import { useEffect } from 'react';

export interface Notice {
  id: number;
  kind: 'success' | 'error';
  text: string;
  /** One follow-up the person may want, such as Undo. */
  action?: { label: string; run: () => void };
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
    <div className="notices" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          {notice.action && (
            <button
              type="button"
              className="button subtle notice-action"
              onClick={() => {
                onDismiss(notice.id);
                notice.action!.run();
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" className="notice-close" aria-label="Dismiss" onClick={() => onDismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
