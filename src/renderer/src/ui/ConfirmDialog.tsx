import type { ReactNode } from 'react';
import { useModalDialog } from './useModalDialog';
import styles from './ConfirmDialog.module.css';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question before something that cannot be undone. Esc or Cancel leaves everything as it was. */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onCancel }: Props) {
  const dialog = useModalDialog(open);
  return (
    <dialog
      ref={dialog}
      className={`dialog ${styles.dialog}`}
      aria-labelledby="confirm-title"
      onCancel={onCancel}
      onClose={() => open && onCancel()}
    >
      <h2 id="confirm-title" className="dialog-title">
        {title}
      </h2>
      <div>{children}</div>
      <div className="form-actions">
        <button type="button" className="button subtle" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="button primary" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
