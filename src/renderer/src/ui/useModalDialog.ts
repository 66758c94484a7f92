import { useEffect, useRef } from 'react';

/**
 * A native <dialog> shown modally while `open` is true: the browser then keeps focus inside it,
 * closes it on Esc and makes the rest of the window inert, which no hand-made overlay does as well.
 */
export function useModalDialog(open: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return dialog;
}
