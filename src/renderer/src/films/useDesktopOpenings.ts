import { useEffect, useRef } from 'react';
import { useNotify } from '../notices/notify';
import { parseDeskLink } from '../../../shared/place-address';
import { followDeskLink } from './desk-link';

/**
 * What the system asks the desktop app to open (src/shared/openings.ts): a `reelnotes://` link goes
 * to its place on the desk and its film time (once the film's picture is there), a film page
 * to `onFilmPage` with its path. A study pack (`.reelstudy`) is named and set aside: its import
 * (`exchange.importStudyPack`, by path) arrives with the exchange work, and this version says so
 * rather than doing nothing. Nothing happens in the browser host, which has no such openings.
 */
export function useDesktopOpenings(onFilmPage: (path: string) => void): void {
  const latest = useRef(onFilmPage);
  const notify = useNotify();
  useEffect(() => {
    latest.current = onFilmPage;
  });
  useEffect(
    () =>
      window.reelnotesDesktop?.onOpen((opening) => {
        if (opening.kind === 'film-page') return latest.current(opening.path);
        if (opening.kind === 'study-pack') return notify.failed(new Error(studyPackNotYet(opening.path)));
        const link = parseDeskLink(opening.url);
        if (link) followDeskLink(link);
      }),
    [notify]
  );
}

/** What the window says of a study pack it was asked to open before this version can read one. */
export function studyPackNotYet(path: string): string {
  const name = path.split(/[/\\]/).pop();
  return `${name} is a Reelnotes study pack. Study packs arrive with the exchange work (issue 16): this version of Reelnotes cannot open one yet, and nothing was changed.`;
}
