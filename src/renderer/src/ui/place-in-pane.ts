import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** The nearest box around `element` that scrolls vertically: the pane whose scrolling moves a long list. */
function scrollingBox(element: HTMLElement): HTMLElement | null {
  for (let box = element.parentElement; box; box = box.parentElement) {
    const { overflowY } = getComputedStyle(box);
    if (overflowY === 'auto' || overflowY === 'scroll') return box;
  }
  return null;
}

/**
 * The scrolling box around a virtualised list, and the list's top in that box's content, for TanStack Virtual's
 * `getScrollElement` and `scrollMargin`. What stands above the list (the film's picture and timeline above the
 * scene list, the filter and a cue being written above the cue list) grows and shrinks on its own, and comes and
 * goes as lazy parts load: each of the box's children is watched for its size, and the box for its children.
 */
export function usePlaceInPane(list: RefObject<HTMLElement | null>) {
  const pane = useRef<HTMLElement | null>(null);
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const element = list.current;
    const box = element && scrollingBox(element);
    pane.current = box;
    if (!element || !box) return;
    const measure = () => setTop(Math.round(element.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop));
    const sizes = new ResizeObserver(measure);
    const watch = () => {
      sizes.disconnect();
      for (const child of box.children) sizes.observe(child);
      measure();
    };
    const children = new MutationObserver(watch);
    children.observe(box, { childList: true });
    watch();
    return () => {
      sizes.disconnect();
      children.disconnect();
    };
  }, [list]);
  return { pane, top };
}
