import { useEffect, useRef } from 'react';
import { parseDeskLink } from '../../../shared/place-address';
import { followDeskLink } from './desk-link';

/**
 * What the system asks the desktop app to open (src/shared/openings.ts): a `reelnotes://` link goes
 * to its place on the desk and its film time (once the film's picture is there); a film page or a
 * study pack (`.reelstudy`) goes to `onFile` with its path, the same door as the picker and Ctrl/⌘+O,
 * which tells the two apart. Nothing happens in the browser host, which has no such openings.
 */
export function useDesktopOpenings(onFile: (path: string) => void): void {
  const latest = useRef(onFile);
  useEffect(() => {
    latest.current = onFile;
  });
  useEffect(
    () =>
      window.reelnotesDesktop?.onOpen((opening) => {
        if (opening.kind === 'film-page' || opening.kind === 'study-pack') return latest.current(opening.path);
        const link = parseDeskLink(opening.url);
        if (link) followDeskLink(link);
      }),
    []
  );
}
