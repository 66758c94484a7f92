import found from './reveal.module.css';

/** What a search hit opened in the film view: its synopsis, or one of its dialogue or quote lines. */
export type FoundInFilm = { kind: 'synopsis'; filmId: number } | { kind: 'line'; lineId: number };

/**
 * One opening of a hit: the same line opened twice is two openings (each scrolls to it again),
 * told apart by `opening`, a number that grows with each.
 */
export interface Found {
  target: FoundInFilm;
  opening: number;
}

/**
 * Shows what a search hit opened: scrolled to the middle of the view (and of its own scrolling list), clear of the notices at the bottom, and
 * focused, so the keyboard carries on from there and a screen reader reads it. The element needs
 * tabIndex -1; its mark (`foundMark`) is the caller's, since it outlasts the focus.
 */
export function revealFound(element: HTMLElement | null): void {
  if (!element) return;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
}

/**
 * The mark of what a search hit opened, added to the element's own class: the shared look, and
 * `data-found`, by which the element's own sheet adjusts it and tests find it.
 */
export function foundMark(className: string, isFound: boolean): { className: string; 'data-found'?: true } {
  return isFound ? { className: `${className} ${found.found}`, 'data-found': true } : { className };
}
