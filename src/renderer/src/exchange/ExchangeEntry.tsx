import { Suspense, useState } from 'react';
import { useCommand } from '../keymap/keymap';
import { lazyComponent } from '../lazy';

/** The shortcut that opens the dialog, as the keymap binds it and notices name it. */
export const EXCHANGE_SHORTCUT = 'Ctrl+Shift+X';

// The dialog's code loads when it is first opened, not with the first screen.
const ExchangeDialog = lazyComponent(() => import('./ExchangeDialog').then((m) => m.ExchangeDialog));

/** "Export or import…" on the film page, and its shortcut, opening the film's exchange dialog. */
export function ExchangeEntry({ filmId }: { filmId: number }) {
  const [open, setOpen] = useState(false);
  useCommand('open-exchange', () => setOpen(true));
  return (
    <>
      <button type="button" className="button subtle" aria-keyshortcuts="Control+Shift+X" onClick={() => setOpen(true)}>
        Export or import…
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExchangeDialog filmId={filmId} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
